import { SandboxHttpError } from './routing';

/** One day in milliseconds. */
export const DAY_MS = 24 * 3600 * 1000;

/**
 * A time entry's `start` or `stop` as Toggl writes it: whole seconds and "+00:00", even when the
 * client sent milliseconds and "Z" (../shared/toggl-recordings: every entry's start and stop).
 */
export function entryTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

/**
 * A time entry's `at` (and `server_deleted_at`) as Toggl wrote them in December 2024: "Z" with
 * the fraction of a second and its trailing zeros dropped, e.g. "2024-12-11T11:23:38.64444Z"
 * (me-related-200-go-2024-12-12). Older answers had whole seconds and "+00:00": clients read both.
 */
export function entryStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0*Z$/, 'Z');
}

/** Epoch seconds of a stored start or stop. */
export function epochSeconds(time: string): number {
  return Math.floor(Date.parse(time) / 1000);
}

/** Midnight UTC of the day `ms` falls on. */
export function utcMidnight(ms: number): number {
  const day = new Date(ms);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
}

/**
 * Midnight UTC `months` calendar months before the day `ms` falls on: Toggl's floor for
 * `start_date` recorded on 2024-12-16 was 2024-09-16, three calendar months (not 90 days).
 */
export function monthsBefore(ms: number, months: number): number {
  const day = new Date(ms);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - months, day.getUTCDate());
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An RFC 3339 time in a request body (`start`, `stop`), as epoch milliseconds. */
export function parseBodyTime(raw: unknown, field: string): number {
  const ms = typeof raw === 'string' && RFC3339.test(raw) ? Date.parse(raw) : Number.NaN;
  // Our words: Toggl's answer to an unreadable time is in no recording.
  if (Number.isNaN(ms))
    throw new SandboxHttpError(400, `Invalid ${field}: expected RFC 3339, e.g. 2024-12-16T09:30:00Z`);
  return ms;
}

/**
 * A query date that Toggl documents as "YYYY-MM-DD or RFC3339" (`before`, `start_date`,
 * `end_date`): a bare date is midnight UTC.
 */
export function parseQueryDate(raw: string, field: string): number {
  const ms = DATE_ONLY.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : RFC3339.test(raw) ? Date.parse(raw) : Number.NaN;
  // Our words: not recorded.
  if (Number.isNaN(ms)) throw new SandboxHttpError(400, `Invalid ${field}: expected YYYY-MM-DD or RFC 3339`);
  return ms;
}
