import {
  appendFileSync,
  closeSync,
  existsSync,
  readdirSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';
import {
  cacheSchema,
  cacheText,
  emptyCache,
  journalLineSchema,
  migrateCache,
  salvageCache,
  type CacheFile,
  type CacheSnapshot,
  type JournalLine,
} from './cache-format';
import { readJsonFile, type OpenedJson } from './json-store';
import { Slices } from './slices';

const OWNER_ONLY = 0o600;
/** A whole file is written this much at a time at most (joining and encoding it is work on the main thread too). */
const WRITE_CHARS = 256 * 1024;

/** What was on disk at start: the whole file, and the journal lines after it that could be read. */
export interface OpenedCache extends OpenedJson<CacheFile> {
  journal: JournalLine[];
  /** Journal lines that could not be read (cut off by a crash, or damaged). */
  unreadableLines: number;
  /** There was no cache.json yet. */
  missing: boolean;
}

/**
 * cache.json and cache.journal on disk. Whole files are written to a temporary file and
 * renamed over the old one, so a crash leaves the old or the new, never half of one; the
 * journal is appended to, and a line cut off by a crash is skipped on reading.
 */
export class CacheFiles {
  readonly file: string;
  readonly journalFile: string;
  /** Bytes in the journal (it is folded into the whole file when it grows). */
  journalBytes = 0;

  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {
    this.file = path.join(dataDir, 'cache.json');
    this.journalFile = path.join(dataDir, 'cache.journal');
  }

  open(): OpenedCache {
    const missing = !existsSync(this.file);
    const opened = readJsonFile(this.file, {
      name: 'cache',
      dataDir: this.dataDir,
      schema: cacheSchema,
      migrate: migrateCache,
      empty: emptyCache,
      salvage: salvageCache,
      log: this.log,
    });
    // What a crash left half-written: a whole file, or a trimmed journal, not yet renamed into place.
    for (const name of readdirSync(this.dataDir))
      if (/^cache\.(json|journal)\.(\d+\.)?tmp$/.test(name)) rmSync(path.join(this.dataDir, name), { force: true });
    // Lines made on top of a file that is gone, lost or salvaged do not apply to what is left.
    if (missing || opened.movedAside || opened.damagedCopy) {
      this.dropJournal();
      return { ...opened, journal: [], unreadableLines: 0, missing };
    }
    const { lines, unreadable } = this.readJournal(opened.value.journalSeq);
    return { ...opened, journal: lines, unreadableLines: unreadable, missing };
  }

  /** Adds one save to the journal (throws when the disk refuses it: nothing was added then). */
  append(line: JournalLine): void {
    const text = `${JSON.stringify(line)}\n`;
    appendFileSync(this.journalFile, text, { mode: OWNER_ONLY });
    this.journalBytes += Buffer.byteLength(text);
  }

  /** Writes the whole cache now and empties the journal (sign-out, quitting, tests). */
  writeWholeSync(snapshot: CacheSnapshot): void {
    replaceAtomically(this.file, cacheText(snapshot));
    this.dropJournal();
  }

  /**
   * Writes the whole cache a piece at a time, letting everything else run between pieces;
   * `commit` is asked just before the new file takes the old one's place (false: it is
   * thrown away, something newer was written meanwhile). Journal lines after the snapshot's
   * `journalSeq` are kept.
   */
  async writeWholeInPieces(snapshot: CacheSnapshot, commit: () => boolean): Promise<boolean> {
    const temp = `${this.file}.${snapshot.journalSeq}.tmp`;
    const handle = await open(temp, 'w', OWNER_ONLY);
    try {
      // As many pieces as a slice's time allows make one write; the next slice waits for its turn.
      const slices = new Slices();
      await slices.next();
      let batch: string[] = [];
      let length = 0;
      for (const piece of cacheText(snapshot)) {
        batch.push(piece);
        length += piece.length;
        if (length < WRITE_CHARS && !slices.timeUp()) continue;
        await handle.write(batch.join(''));
        [batch, length] = [[], 0];
        await slices.next();
      }
      if (batch.length > 0) await handle.write(batch.join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!commit()) {
      await rm(temp, { force: true });
      return false;
    }
    renameSync(temp, this.file);
    this.keepJournalAfter(snapshot.journalSeq);
    return true;
  }

  private readJournal(after: number): { lines: JournalLine[]; unreadable: number } {
    let text: string;
    try {
      text = readFileSync(this.journalFile, 'utf8');
    } catch {
      return { lines: [], unreadable: 0 };
    }
    this.journalBytes = Buffer.byteLength(text);
    const lines: JournalLine[] = [];
    let unreadable = 0;
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      let parsed;
      try {
        parsed = journalLineSchema.safeParse(JSON.parse(raw));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) unreadable++;
      else if (parsed.data.seq > after) lines.push(parsed.data);
    }
    if (unreadable > 0)
      this.log.warn(
        `cache: ${unreadable} line(s) of ${this.journalFile} could not be read; the list loads whole again`,
      );
    return { lines, unreadable };
  }

  /** Rewrites the journal with only the lines after `seq` (the whole file now holds the rest). */
  private keepJournalAfter(seq: number): void {
    let text: string;
    try {
      text = readFileSync(this.journalFile, 'utf8');
    } catch {
      this.journalBytes = 0;
      return;
    }
    const kept = text
      .split('\n')
      .filter((line) => line.trim() !== '' && lineSeq(line) > seq)
      .map((line) => `${line}\n`)
      .join('');
    if (kept === '') return this.dropJournal();
    replaceAtomically(this.journalFile, [kept]);
    this.journalBytes = Buffer.byteLength(kept);
  }

  dropJournal(): void {
    rmSync(this.journalFile, { force: true });
    this.journalBytes = 0;
  }
}

/** Writes `file` anew from its pieces: a temporary file, on disk, then renamed over the old one. */
function replaceAtomically(file: string, pieces: Iterable<string>): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', OWNER_ONLY);
  try {
    for (const piece of pieces) writeSync(fd, piece);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** A line's `seq` without parsing the rest of it (it is the first key); -1 if it has none. */
function lineSeq(line: string): number {
  const match = /^\{"seq":(\d+)/.exec(line);
  return match ? Number(match[1]) : -1;
}
