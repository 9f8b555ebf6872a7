import { existsSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { Logger } from '../logger';
import { moveAside } from './json-store';

type Store = Record<string, unknown>;

/** What a migration may do to the file's contents. */
export interface MigrationTarget {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  has(key: string): boolean;
}

/** electron-store's option names; conf's `configName` is `name` here. */
export interface SettingsFileOptions {
  cwd: string;
  name: string;
  defaults: Store;
  /** The app's version: migrations up to it run once, in order. */
  projectVersion: string;
  migrations?: Record<string, (file: MigrationTarget) => void>;
}

/**
 * The port for a settings-sized JSON file: electron-store in the Electron shell, conf (the
 * engine electron-store wraps, the same version) in plain Node. Same files, same format.
 */
export interface SettingsFile {
  readonly path: string;
  store: Store;
}

export type OpenSettingsFile = (options: SettingsFileOptions) => SettingsFile;

/** Both engines: owner-only files, keys as written, no watching; a bad file throws, so we can move it aside. */
export const ENGINE_OPTIONS = {
  configFileMode: 0o600,
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false,
  watch: false,
} as const;

/** conf, for the browser shell, the tests and the benchmarks. */
export const openConfFile: OpenSettingsFile = ({ name, ...options }) =>
  new Conf<Store>({ ...ENGINE_OPTIONS, ...options, configName: name });

/**
 * Opens the file; one that cannot be read (not JSON, a failed migration) is moved aside as
 * `<name>.corrupt-<time>.json`, with a log line, and a fresh one with the defaults is opened.
 */
export function openOrStartAfresh(open: OpenSettingsFile, options: SettingsFileOptions, log: Logger): SettingsFile {
  try {
    return open(options);
  } catch (error) {
    const file = path.join(options.cwd, `${options.name}.json`);
    if (!existsSync(file)) throw error;
    const aside = moveAside(options.cwd, options.name, 'corrupt');
    log.warn(
      `${options.name}: ${file} was unreadable (${String(error)}); moved it aside to ${aside} and starting afresh`,
    );
    return open(options);
  }
}
