import { SandboxHttpError, changedSince, sinceParam, type RouteContext } from './routing';
import type { SandboxState, SandboxTimeEntry } from './state';
import { DAY_MS, monthsBefore, parseQueryDate, utcMidnight } from './time-entry-times';

/**
 * The default list is "the last thousand time entries" (Toggl's docs as Pipedream's Toggl
 * action quotes them), not a window of days: the recorded default list (RB, 2024-04-24) holds
 * entries 15 days old.
 */
export const LATEST_LIMIT = 1000;

/**
 * /me?with_related_data=true carries entries started since midnight UTC ten days back (plus the
 * running one). Read off the GO recordings: on 2024-12-14 21:52 it began at 2024-12-04T07:07
 * and had dropped 2024-12-03T21:45; at 2024-12-15 00:41 it began at 2024-12-05T01:13 and had
 * dropped 2024-12-04T07:07, which still began it at 2024-12-15 23:18. No rolling window fits
 * all three (10 d 17.5 h out, 10 d 22 h in); UTC dates minus ten days do.
 */
export const RELATED_DATA_DAYS = 10;

/** How far back `start_date` may go (recorded: "start_date must not be earlier than 2024-09-16" on 2024-12-16). */
const START_DATE_MONTHS = 3;

/** Newest start first, as every recorded list is. */
function newestFirst(a: SandboxTimeEntry, b: SandboxTimeEntry): number {
  return Date.parse(b.start) - Date.parse(a.start) || b.id - a.id;
}

function entriesOf(state: SandboxState, userId: number): SandboxTimeEntry[] {
  return [...state.timeEntries.values()].filter((entry) => entry.user_id === userId);
}

/** The `time_entries` of /me?with_related_data=true: the recent ones and the running one, not deleted. */
export function recentTimeEntries(state: SandboxState, userId: number, now: number): SandboxTimeEntry[] {
  const from = utcMidnight(now) - RELATED_DATA_DAYS * DAY_MS;
  return entriesOf(state, userId)
    .filter((entry) => !entry.server_deleted_at && (entry.stop === null || Date.parse(entry.start) >= from))
    .sort(newestFirst);
}

/** Toggl's words for two filters that exclude each other (recorded for since and before). */
function notTogether(first: string, second: string): SandboxHttpError {
  return new SandboxHttpError(400, `'${first}' and '${second}' can not be present simultaneously`);
}

/** `start_date` and `end_date`: start inclusive, end exclusive, a bare date being midnight UTC. */
function dateRange(context: RouteContext, startRaw: string, endRaw: string): { from: number; to: number } {
  const from = parseQueryDate(startRaw, 'start_date');
  const to = parseQueryDate(endRaw, 'end_date');
  const floor = monthsBefore(context.now, START_DATE_MONTHS);
  if (from < floor) {
    const day = new Date(floor).toISOString().slice(0, 10);
    throw new SandboxHttpError(400, `start_date must not be earlier than ${day}`);
  }
  // Ours: no recording shows the refusal.
  if (to < from) throw new SandboxHttpError(400, 'end_date must not be earlier than start_date');
  return { from, to };
}

/**
 * GET /me/time_entries: `since` (changed since, deleted ones included), `before` (started
 * before), `start_date` with `end_date`, or the latest. `since` with `before` is the recorded
 * refusal; `since` or `before` with a date range is assumed to be refused in the same words
 * (toggl_python's tests expect "can not be present simultaneously" for those pairs).
 */
export function listTimeEntries(context: RouteContext): SandboxTimeEntry[] {
  const given = (name: string): string | undefined => {
    const value = context.query.get(name);
    return value === null || value === '' ? undefined : value;
  };
  const since = given('since');
  const before = given('before');
  const startDate = given('start_date');
  const endDate = given('end_date');
  const dateName = startDate !== undefined ? 'start_date' : 'end_date';
  if (since !== undefined && before !== undefined) throw notTogether('since', 'before');
  if (since !== undefined && (startDate ?? endDate) !== undefined) throw notTogether('since', dateName);
  if (before !== undefined && (startDate ?? endDate) !== undefined) throw notTogether('before', dateName);

  const mine = entriesOf(context.state, context.user.id).sort(newestFirst);
  if (since !== undefined) {
    const sinceSeconds = sinceParam(context) ?? 0;
    return mine.filter((entry) => changedSince(entry, sinceSeconds));
  }
  const live = mine.filter((entry) => !entry.server_deleted_at);
  if (startDate !== undefined || endDate !== undefined) {
    // Ours: the OpenAPI document says only "To be used with end_date".
    if (startDate === undefined || endDate === undefined)
      throw new SandboxHttpError(400, 'start_date and end_date must be given together');
    const { from, to } = dateRange(context, startDate, endDate);
    return live.filter((entry) => Date.parse(entry.start) >= from && Date.parse(entry.start) < to);
  }
  if (before !== undefined) {
    const until = parseQueryDate(before, 'before');
    return live.filter((entry) => Date.parse(entry.start) < until).slice(0, LATEST_LIMIT);
  }
  return live.slice(0, LATEST_LIMIT);
}
