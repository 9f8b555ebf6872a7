import path from 'node:path';
import type { Clock } from '../clock';
import { readJson, writeJsonAtomic } from '../files';
import type { Logger } from '../logger';
import { STATUS_VERSION, type StatusSnapshot } from './status-snapshot';

/** In the data folder: what panel bars read (README, "Panel bars"). */
export const STATUS_FILE = 'status.json';

export const statusFilePath = (dataDir: string): string => path.join(dataDir, STATUS_FILE);

/** Changes close together make one write; the file is current within a second of any change. */
const SETTLE_MS = 250;
/**
 * The longest a change waits while others keep coming (a sync's events, a timer ticking in a
 * window): without it, changes less than SETTLE_MS apart would put the write off for as long
 * as they came.
 */
const MOST_MS = 500;
/** While a timer runs, its elapsed time and today's total in the file move on once a minute. */
const RUNNING_EVERY_MS = 60_000;

/**
 * Keeps status.json current: written atomically (a reader never sees half a file), owner-only,
 * after every change and once a minute while a timer runs. Costs no request: it is made from
 * what the app already holds.
 */
export class StatusFile {
  private timer: unknown;
  /** When the oldest change not yet in a snapshot came (the clock's time), or undefined. */
  private unwrittenSince: number | undefined;
  /** A write is queued and has not taken its snapshot yet: a change now will be in it. */
  private snapshotWaiting = false;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly options: {
      file: string;
      snapshot: () => StatusSnapshot;
      /**
       * Waited for before a write's snapshot: the list taking in a large change a slice at a
       * time. A snapshot before it would build the whole list in one go (a full load's 110,000
       * items: the main process's longest stall, 87–201 ms in bench:day).
       */
      ready?: () => Promise<void>;
      clock: Clock;
      log: Logger;
    },
  ) {}

  /** The app's status now (what the next write will hold). */
  snapshot(): StatusSnapshot {
    return this.options.snapshot();
  }

  /** Something the file shows may have changed: written SETTLE_MS after the last change, at most MOST_MS after the first. */
  changed(): void {
    // While a write waits (on the list taking in a large change, or on the last write's disk),
    // its snapshot will hold this change: another write would only repeat it.
    if (this.closed || this.snapshotWaiting) return;
    const now = this.options.clock.now();
    this.unwrittenSince ??= now;
    this.schedule(Math.max(0, Math.min(SETTLE_MS, this.unwrittenSince + MOST_MS - now)));
  }

  private schedule(ms: number): void {
    const { clock } = this.options;
    if (this.timer !== undefined) clock.clearTimeout(this.timer);
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, ms);
  }

  /** Writes it now (after any write under way). */
  write(): Promise<void> {
    this.snapshotWaiting = true;
    this.writing = this.writing.then(async () => {
      try {
        try {
          await this.options.ready?.();
        } finally {
          // Every change so far is in this snapshot (or, if there is none, in the next change's).
          this.snapshotWaiting = false;
          this.unwrittenSince = undefined;
        }
        const snapshot = this.options.snapshot();
        await writeJsonAtomic(this.options.file, snapshot);
        if (snapshot.running && !this.closed && this.timer === undefined) this.schedule(RUNNING_EVERY_MS);
      } catch (error) {
        // A panel bar shows an older state; the app itself is unharmed.
        this.options.log.warn('status: could not write the status file', { error });
      }
    });
    return this.writing;
  }

  /** The last write, as the app stops. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
    await this.write();
  }
}

/**
 * The file as written; undefined when there is none or it is of another layout (an older or
 * newer app). Throws when it cannot be read.
 */
export async function readStatusFile(dataDir: string): Promise<StatusSnapshot | undefined> {
  const value = await readJson(statusFilePath(dataDir));
  const ours = typeof value === 'object' && value !== null && 'version' in value && value.version === STATUS_VERSION;
  return ours ? (value as StatusSnapshot) : undefined;
}
