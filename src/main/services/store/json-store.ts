import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import type { Logger } from '../logger';

export interface JsonStoreOptions<T> {
  dataDir: string;
  /** The file's name without ".json". */
  name: string;
  schema: z.ZodType<T>;
  /** Brings an older file up to the current shape; throws if it cannot. */
  migrate: (raw: unknown) => unknown;
  empty: () => T;
  log: Logger;
}

/**
 * One JSON file in the data dir through conf (electron-store's engine): atomic writes (temp
 * file, then rename) with owner-only permissions. A file that does not parse or validate is
 * moved aside, kept for inspection, and replaced by an empty one, with a log line saying so.
 */
export class JsonStore<T> {
  private readonly conf: Conf;
  readonly file: string;
  /** Where an unreadable file was moved on open, if it was. */
  readonly movedAside: string | undefined;
  private value: T;

  constructor(private readonly options: JsonStoreOptions<T>) {
    this.file = path.join(options.dataDir, `${options.name}.json`);
    const loaded = this.load();
    this.movedAside = loaded.movedAside;
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
    if (loaded.movedAside || !existsSync(this.file)) this.write(this.value);
  }

  get(): T {
    return this.value;
  }

  /** Replaces the value and writes it now (atomically). */
  write(value: T): void {
    this.value = value;
    this.conf.store = value as Record<string, unknown>;
  }

  private load(): { value: T; movedAside?: string } {
    const { name, schema, migrate, empty, log } = this.options;
    if (!existsSync(this.file)) return { value: empty() };
    let problem: string;
    try {
      const raw: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      const parsed = schema.safeParse(migrate(raw));
      if (parsed.success) return { value: parsed.data };
      problem = `it does not match the expected shape (${parsed.error.issues[0]?.path.join('.') ?? '?'}: ${parsed.error.issues[0]?.message ?? '?'})`;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    const aside = path.join(
      this.options.dataDir,
      `${name}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    renameSync(this.file, aside);
    log.warn(`${name}: ${this.file} was unreadable (${problem}); moved it aside to ${aside} and starting afresh`);
    return { value: empty(), movedAside: aside };
  }
}
