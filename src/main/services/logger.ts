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

/** Writes one line per entry to stderr, so stdout stays free for a shell's own output. */
export function createConsoleLogger(scope: string): Logger {
  const write = (level: Level, message: string, fields?: Record<string, unknown>): void => {
    process.stderr.write(`${new Date().toISOString()} ${level} [${scope}] ${message}${describe(fields)}\n`);
  };
  return {
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
