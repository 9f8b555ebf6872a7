import path from 'node:path';
import type { NodeLogger as LogEngine } from 'electron-log';
import type { Redactor } from './redact';

/** A small structured logger: services get one handed in, tests can capture its lines. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

function describe(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const parts = Object.entries(fields).map(([key, value]) => {
    const text = value instanceof Error ? (value.stack ?? value.message) : JSON.stringify(value);
    return `${key}=${text}`;
  });
  return parts.length ? ` ${parts.join(' ')}` : '';
}

export interface LogFileOptions {
  scope: string;
  /** The platform's log folder (Electron's `app.getPath('logs')`), or `<data dir>/logs`. */
  folder: string;
  /** Past this size the file moves to toggl-tray.old.log and a new one starts. */
  maxBytes?: number;
  redactor: Redactor;
}

export const LOG_FILE_NAME = 'toggl-tray.log';

/**
 * The app's log through electron-log (electron-log/main in Electron, electron-log/node in
 * plain Node): one line per entry, secrets redacted before anything is written, to a file
 * that rotates at 1 MB (one old file kept) and to stderr, so stdout stays free for a shell's
 * own output.
 */
export function createFileLogger(engine: LogEngine, options: LogFileOptions): Logger & { file: string } {
  const file = path.join(options.folder, LOG_FILE_NAME);
  engine.transports.file.resolvePathFn = () => file;
  engine.transports.file.maxSize = options.maxBytes ?? 1024 * 1024;
  engine.transports.file.format = '{iso} {text}';
  engine.transports.console.format = '{iso} {text}';
  engine.transports.console.useStyles = false;
  engine.transports.console.writeFn = ({ message }) => {
    process.stderr.write(`${message.data.map(String).join(' ')}\n`);
  };
  const write = (level: Level, message: string, fields?: Record<string, unknown>): void => {
    const line = options.redactor.redact(`${level} [${options.scope}] ${message}${describe(fields)}`);
    engine[level](line);
  };
  return {
    file,
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** A logger that keeps its entries in memory (tests). */
export function createMemoryLogger(): Logger & { entries: { level: Level; message: string }[] } {
  const entries: { level: Level; message: string }[] = [];
  return {
    entries,
    info: (message) => entries.push({ level: 'info', message }),
    warn: (message) => entries.push({ level: 'warn', message }),
    error: (message) => entries.push({ level: 'error', message }),
  };
}
