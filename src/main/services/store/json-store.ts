import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logger';
import { closeTruncatedJson } from './truncated-json';
import { WriteProblem } from './write-problem';

/** What could be read of a file that did not validate whole. */
export interface Salvaged<T> {
  value: T;
  /** One line per record that could not be read (empty when nothing was lost). */
  lost: string[];
}

export interface JsonStoreOptions<T> {
  dataDir: string;
  /** The file's name without ".json". */
  name: string;
  schema: z.ZodType<T>;
  /** Brings an older file up to the current shape; throws if it cannot. */
  migrate: (raw: unknown) => unknown;
  empty: () => T;
  /** Keeps every record that parses from a file that does not validate whole. */
  salvage?: (raw: unknown) => Salvaged<T> | undefined;
  log: Logger;
  /** Timers for trying a failed write again (a fake one in tests). */
  clock?: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  /** Told when writing starts or stops failing. */
  onWriteProblem?: () => void;
}

const stamp = (): string => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Moves `<name>.json` in `dataDir` aside as `<name>.<why>-<time>.json` and answers where it
 * went: a damaged file kept beside its salvage, or an unreadable one replaced by a fresh file.
 */
export function moveAside(dataDir: string, name: string, why: 'damaged' | 'corrupt'): string {
  const aside = path.join(dataDir, `${name}.${why}-${stamp()}.json`);
  renameSync(path.join(dataDir, `${name}.json`), aside);
  return aside;
}

/**
 * One JSON file in the data dir through conf (electron-store's engine): atomic writes (temp
 * file, then rename) with owner-only permissions. A file that does not validate is salvaged
 * record by record where the owner knows how (a copy of the damaged original is kept beside
 * it); one that cannot be read at all is moved aside and replaced by an empty one. Either way
 * a log line says so.
 */
export class JsonStore<T> {
  private readonly conf: Conf;
  readonly file: string;
  /** Where an unreadable file was moved on open, if it was. */
  readonly movedAside: string | undefined;
  /** Where a copy of a file salvaged with losses was kept, if it was. */
  readonly damagedCopy: string | undefined;
  /** What could not be read when the file was opened. */
  readonly lost: readonly string[];
  private value: T;
  private readonly problem: WriteProblem;

  constructor(private readonly options: JsonStoreOptions<T>) {
    this.file = path.join(options.dataDir, `${options.name}.json`);
    this.problem = new WriteProblem({
      name: options.name,
      file: this.file,
      log: options.log,
      clock: options.clock ?? systemClock,
      ...(options.onWriteProblem && { onChange: options.onWriteProblem }),
    });
    const loaded = readJsonFile(this.file, options);
    this.movedAside = loaded.movedAside;
    this.damagedCopy = loaded.damagedCopy;
    this.lost = loaded.lost ?? [];
    this.conf = new Conf({
      cwd: options.dataDir,
      configName: options.name,
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      // Compact: a 100,000-task cache is many megabytes already.
      serialize: (value) => JSON.stringify(value),
    });
    this.value = loaded.value;
    if (loaded.movedAside || loaded.damagedCopy || !existsSync(this.file)) this.tryWrite(this.value);
  }

  get(): T {
    return this.value;
  }

  /** Why the last write failed (the file on disk is the one before), or null. */
  get writeProblem(): string | null {
    return this.problem.current;
  }

  /**
   * Writes the value now (atomically) and then holds it. When the write fails (a full disk,
   * a directory in the way) it throws and the old value, in memory and on disk, stays.
   */
  write(value: T): void {
    try {
      this.conf.store = withInternal(value);
    } catch (error) {
      this.problem.refused(error);
      throw error;
    }
    this.value = value;
    this.problem.ok();
  }

  /**
   * Holds the value even when it cannot be written now: the old file stays, the problem is
   * reported, and the write is tried again a little later (2 s, 4 s … 1 min) until it takes.
   */
  hold(value: T): void {
    this.value = value;
    this.tryWrite(value);
  }

  /** Stops trying again (the app is closing). */
  close(): void {
    this.problem.stop();
  }

  private tryWrite(value: T): void {
    try {
      this.conf.store = withInternal(value);
      this.problem.ok();
    } catch (error) {
      this.problem.failed(error, () => this.tryWrite(this.value));
    }
  }
}

/** What opening a JSON file gave: its value, and where a damaged or unreadable original went. */
export interface OpenedJson<T> {
  value: T;
  movedAside?: string;
  damagedCopy?: string;
  lost?: string[];
}

/**
 * Reads, migrates and validates `file`: a file that does not validate is salvaged record by
 * record where the owner knows how (the damaged original kept beside it); one that cannot be
 * read at all is moved aside, and the value starts empty. Either way a log line says so.
 */
export function readJsonFile<T>(
  file: string,
  options: Pick<JsonStoreOptions<T>, 'name' | 'schema' | 'migrate' | 'empty' | 'salvage' | 'log' | 'dataDir'>,
): OpenedJson<T> {
  const { name, schema, migrate, empty, salvage, log, dataDir } = options;
  if (!existsSync(file)) return { value: empty() };
  let problem: string;
  try {
    const text = readFileSync(file, 'utf8');
    const { raw, truncated } = parseOrClose(text);
    const migrated = migrate(raw);
    const parsed = truncated ? undefined : schema.safeParse(migrated);
    if (parsed?.success) return { value: parsed.data };
    const rescued = salvage?.(migrated);
    if (rescued) {
      const lost = truncated ? ['the end of the file was cut off', ...rescued.lost] : rescued.lost;
      // The damaged original is kept beside it; the salvaged value is written in its place.
      const damagedCopy = moveAside(dataDir, name, 'damaged');
      log.warn(`${name}: ${file} was damaged; kept what could be read, a copy is in ${damagedCopy}`, { lost });
      return { value: rescued.value, damagedCopy, lost };
    }
    const issue = parsed?.error.issues[0];
    problem = issue
      ? `it does not match the expected shape (${issue.path.join('.')}: ${issue.message})`
      : 'it is cut off';
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const aside = moveAside(dataDir, name, 'corrupt');
  log.warn(`${name}: ${file} was unreadable (${problem}); moved it aside to ${aside} and starting afresh`);
  return { value: empty(), movedAside: aside, lost: [problem] };
}

/**
 * conf keeps its own bookkeeping under "__internal__" and, when a value lacks that key, reads
 * and parses the whole file on every write to carry it over (16 MB for a large cache). We keep
 * none there, so an empty one is written along and the read is skipped; reading strips it.
 */
function withInternal(value: unknown): Record<string, unknown> {
  return { ...(value as Record<string, unknown>), __internal__: {} };
}

/** JSON.parse, or, for a file cut off mid-write, what parses of it with its open brackets closed. */
function parseOrClose(text: string): { raw: unknown; truncated: boolean } {
  try {
    return { raw: JSON.parse(text) as unknown, truncated: false };
  } catch (error) {
    const closed = closeTruncatedJson(text);
    if (closed === undefined) throw error;
    return { raw: JSON.parse(closed) as unknown, truncated: true };
  }
}

/** Deletes the copies of damaged or unreadable files kept beside `name` (sign-out, or all discarded). */
export function removeDamagedCopies(dataDir: string, name: string): void {
  const copy = new RegExp(`^${name}\\.(damaged|corrupt)-.*\\.json$`);
  for (const file of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    if (copy.test(file)) rmSync(path.join(dataDir, file), { force: true });
  }
}
