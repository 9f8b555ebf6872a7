import type { Logger } from '../logger';
import type { CacheStore } from '../store/cache-store';
import type { OutboxEntry } from '../store/outbox-store';
import type { TogglApi } from '../toggl/api';
import { TogglApiError, type TogglErrorKind } from '../toggl/errors';
import type { SendOutcome } from './kind';
import type { ChangeQueue } from './queue';
import { kindOf } from './registry';

/** Why a replay pass stopped before the end of the queue. */
export type ReplayStop = 'offline' | 'quota' | 'rate-limited' | 'signed-out' | 'transient' | null;

export interface ReplayResult {
  sent: number;
  stoppedBy: ReplayStop;
  /** When the queue may go on (epoch ms): Toggl's quota window, Retry-After, or backoff. */
  resumeAt: number | null;
}

const STOPPING: Partial<Record<TogglErrorKind, ReplayStop>> = {
  offline: 'offline',
  'connection-lost': 'transient',
  timeout: 'transient',
  server: 'transient',
  'rate-limited': 'rate-limited',
  quota: 'quota',
  'signed-out': 'signed-out',
  aborted: 'transient',
};
/** After these, a POST may have been applied even though no answer came back. */
const MAYBE_APPLIED: ReadonlySet<TogglErrorKind> = new Set(['connection-lost', 'timeout', 'server']);

export function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 2_000 * 2 ** Math.min(attempts, 8));
}

export interface ReplayerOptions {
  queue: ChangeQueue;
  cache: CacheStore;
  api: TogglApi;
  log: Logger;
  now: () => number;
}

/**
 * Sends the queue in order. A transient failure stops the pass (order is kept) and backs
 * off; a refusal marks that change failed and the rest go on, except changes waiting for an
 * item a failed create would make. What each change sends is its kind module's business.
 */
export class Replayer {
  private running: Promise<ReplayResult> | undefined;
  /** Temporary ids swapped for Toggl's lately (last 50), so a selection survives the swap. */
  readonly newIds = new Map<number, number>();

  constructor(private readonly options: ReplayerOptions) {}

  /** Sends what is due (or everything, ignoring backoff). One pass at a time; a second caller gets the running one. */
  replay(options: { ignoreBackoff?: boolean } = {}): Promise<ReplayResult> {
    this.running ??= this.pass(options.ignoreBackoff ?? false).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(ignoreBackoff: boolean): Promise<ReplayResult> {
    const { queue, now } = this.options;
    let sent = 0;
    const skipped = new Set<string>();
    for (;;) {
      const entry = queue.entries.find((candidate) => candidate.state === 'pending' && !skipped.has(candidate.id));
      if (!entry) return { sent, stoppedBy: null, resumeAt: null };
      if (!ignoreBackoff && entry.nextAttemptAt !== null && entry.nextAttemptAt > now()) {
        return { sent, stoppedBy: 'transient', resumeAt: entry.nextAttemptAt };
      }
      // Waits for Toggl's id of an item created offline (its create is queued, or failed).
      if (
        kindOf(entry.op)
          .refs(entry.op)
          .some((id) => id < 0)
      ) {
        skipped.add(entry.id);
        continue;
      }
      const creates = kindOf(entry.op).creates !== undefined;
      try {
        queue.setSending(entry.id);
        // A create is marked in flight on disk first: after a crash mid-request, the app
        // looks for it on Toggl instead of sending it twice. No mark on disk, no request.
        if (creates) queue.patch(entry.id, { inFlight: true });
        const outcome = await kindOf(entry.op).send(entry.op, {
          api: this.options.api,
          cache: this.options.cache,
          now,
          uncertain: entry.uncertain,
        });
        this.settle(entry, outcome);
        if (outcome.result === 'done') sent++;
      } catch (error) {
        if (!(error instanceof TogglApiError)) throw error;
        // Refused on a workspace endpoint: was the token reset? Then stop and keep everything.
        const signedOut = error.kind === 'forbidden' && !(await this.stillSignedIn());
        const stop = signedOut ? 'signed-out' : STOPPING[error.kind];
        if (stop === 'signed-out') {
          if (creates) queue.patch(entry.id, { inFlight: false }, 'replay');
          return { sent, stoppedBy: stop, resumeAt: null };
        }
        if (stop) return this.stopAt(entry, error, stop, sent);
        this.options.log.warn('outbox: Toggl refused a change', { kind: error.kind, status: error.status ?? 0 });
        queue.patch(
          entry.id,
          { state: 'failed', error: error.message, attempts: entry.attempts + 1, inFlight: false },
          'replay',
        );
      } finally {
        queue.setSending(undefined);
      }
    }
  }

  /** Does Toggl still take our token? (A 403 on a workspace endpoint can mean it was reset.) */
  private async stillSignedIn(): Promise<boolean> {
    try {
      return await this.options.api.isLoggedIn();
    } catch (error) {
      if (error instanceof TogglApiError && error.kind === 'signed-out') return false;
      // Could not tell (offline, …): treat the 403 as what it says.
      return true;
    }
  }

  private settle(entry: OutboxEntry, outcome: SendOutcome): void {
    const { queue, cache } = this.options;
    if (outcome.result === 'conflict') {
      return queue.patch(
        entry.id,
        { state: 'conflict', conflicts: outcome.conflicts, error: null, inFlight: false },
        'replay',
      );
    }
    cache.changed();
    if (outcome.result === 'failed') {
      return queue.patch(
        entry.id,
        {
          state: 'failed',
          error: outcome.error,
          op: outcome.op ?? entry.op,
          inFlight: false,
        },
        'replay',
      );
    }
    const { remap } = outcome;
    if (remap) {
      this.newIds.set(remap.from, remap.to);
      for (const key of this.newIds.keys()) if (this.newIds.size > 50) this.newIds.delete(key);
    }
    queue.rewrite(
      (entries) =>
        entries
          .filter((candidate) => candidate.id !== entry.id)
          .map((candidate) => {
            const kind = kindOf(candidate.op);
            let op = remap ? kind.remap(candidate.op, remap.from, remap.to) : candidate.op;
            op = kind.rebase ? kind.rebase(op, entry.op) : op;
            return op === candidate.op ? candidate : { ...candidate, op };
          }),
      'replay',
    );
  }

  private stopAt(entry: OutboxEntry, error: TogglApiError, stoppedBy: ReplayStop, sent: number): ReplayResult {
    const now = this.options.now();
    const isCreate = kindOf(entry.op).creates !== undefined;
    const resumeAt =
      error.kind === 'quota'
        ? now + (error.resetsInSeconds ?? 3600) * 1000
        : error.retryAfterSeconds !== undefined
          ? now + error.retryAfterSeconds * 1000
          : now + backoffMs(entry.attempts);
    this.options.queue.patch(
      entry.id,
      {
        attempts: entry.attempts + 1,
        nextAttemptAt: resumeAt,
        uncertain: entry.uncertain || (isCreate && MAYBE_APPLIED.has(error.kind)),
        inFlight: false,
      },
      'replay',
    );
    return { sent, stoppedBy, resumeAt };
  }
}
