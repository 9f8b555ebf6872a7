/**
 * Time tracked today and this week, in the user's Toggl time zone with their week start.
 * Shared: main puts the running entry in the tray, the window shows the totals. A running
 * entry counts as now − start, clamped at zero; never from Toggl's `duration`.
 */

export interface TimedEntry {
  pid: number | null;
  tid: number | null;
  start: string;
  stop: string | null;
}

export interface TrackedTotals {
  /** Seconds tracked today (the running entry up to now). */
  today: number;
  week: number;
  /** Project id → seconds today; entries without a project are only in the totals. */
  todayByProject: Map<number, number>;
  todayByTask: Map<number, number>;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A zone Intl knows, else UTC (a zone name Toggl sends that this runtime lacks must not break the list). */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = formatterFor('UTC');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time in the zone at an instant, as if it were UTC. */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The instant the local day that holds `instant` begins (DST days are 23 or 25 hours). */
export function startOfDay(instant: number, timeZone: string, daysBack = 0): number {
  const local = wallClock(instant, timeZone);
  const midnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - daysBack * DAY_MS;
  // Local midnight as an instant: take off the zone's offset there, looked up twice around a shift.
  let guess = midnight - (local - instant);
  guess = midnight - (wallClock(guess, timeZone) - guess);
  return guess;
}

/** The instant the local week that holds `instant` begins; `beginningOfWeek` 0 is Sunday. */
export function startOfWeek(instant: number, timeZone: string, beginningOfWeek: number): number {
  const weekday = new Date(wallClock(instant, timeZone)).getUTCDay();
  return startOfDay(instant, timeZone, (weekday - beginningOfWeek + 7) % 7);
}

/** Whole seconds of the entry inside [from, to); a running entry runs to `now`. */
export function secondsWithin(
  entry: Pick<TimedEntry, 'start' | 'stop'>,
  from: number,
  to: number,
  now: number,
): number {
  const start = Date.parse(entry.start);
  const stop = entry.stop === null ? now : Date.parse(entry.stop);
  if (!Number.isFinite(start) || !Number.isFinite(stop)) return 0;
  return Math.max(0, Math.floor((Math.min(stop, to) - Math.max(start, from)) / 1000));
}

/** A running entry's elapsed seconds: now − start, never below zero (a clock behind Toggl's). */
export function elapsedSeconds(start: string, now: number): number {
  const began = Date.parse(start);
  return Number.isFinite(began) ? Math.max(0, Math.floor((now - began) / 1000)) : 0;
}

export function trackedTotals(
  entries: Iterable<TimedEntry>,
  now: number,
  timeZone: string,
  beginningOfWeek: number,
): TrackedTotals {
  const dayStart = startOfDay(now, timeZone);
  const weekStart = startOfWeek(now, timeZone, beginningOfWeek);
  const totals: TrackedTotals = { today: 0, week: 0, todayByProject: new Map(), todayByTask: new Map() };
  for (const entry of entries) {
    totals.week += secondsWithin(entry, weekStart, now, now);
    const today = secondsWithin(entry, dayStart, now, now);
    if (today === 0) continue;
    totals.today += today;
    if (entry.pid !== null) totals.todayByProject.set(entry.pid, (totals.todayByProject.get(entry.pid) ?? 0) + today);
    if (entry.tid !== null) totals.todayByTask.set(entry.tid, (totals.todayByTask.get(entry.tid) ?? 0) + today);
  }
  return totals;
}

/** "0:42" (hours and minutes): the tray title and the totals. */
export function hoursMinutes(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "0:42:07": the running entry's ticking time. */
export function hoursMinutesSeconds(seconds: number): string {
  return `${hoursMinutes(seconds)}:${String(seconds % 60).padStart(2, '0')}`;
}
