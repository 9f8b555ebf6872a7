/**
 * Toggl's time entries → the app's, tolerantly (mapping.ts says why). Real answers carry
 * `description: null`, `project_id: null`, zero-length entries and, for the running one,
 * `stop: null` with `duration` minus the start epoch: all read, none dropped. An entry
 * without an id, a workspace or a readable start is skipped and reported.
 */
import type { CachedTimeEntry, TimerStart } from '../../../shared/entities';
import { appIdentity } from '../app-identity';
import { flag, idOr, isId, readEach, readOne, text, type Delta, type Raw, type Read, type SkipReport } from './mapping';

/** Toggl's body for a create or an update (PUT) of a time entry. */
export interface TogglTimeEntryBody {
  created_with: string;
  workspace_id: number;
  project_id: number | null;
  task_id: number | null;
  description: string;
  billable: boolean;
  /** UTC, RFC 3339. */
  start: string;
  /** Absent or null while running. */
  stop?: string | null;
  /** -1 while running; else whole seconds that agree with start and stop. */
  duration: number;
}

const utc = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
};

function readTimeEntry(raw: Raw): Read<CachedTimeEntry> {
  const wid = idOr(raw.workspace_id, raw.wid);
  if (!isId(raw.id)) return { problem: 'id: missing' };
  if (wid === null) return { problem: 'no workspace id' };
  const start = utc(raw.start);
  if (start === null) return { problem: 'no readable start' };
  // A stopped entry may come without `stop` but with its duration (older answers, duronly).
  const duration = typeof raw.duration === 'number' ? raw.duration : null;
  const stop =
    utc(raw.stop) ??
    (duration !== null && duration >= 0 ? new Date(Date.parse(start) + duration * 1000).toISOString() : null);
  return {
    deleted: Boolean(raw.server_deleted_at),
    item: {
      id: raw.id,
      wid,
      pid: idOr(raw.project_id, raw.pid),
      tid: idOr(raw.task_id, raw.tid),
      description: text(raw.description),
      start,
      stop,
      billable: flag(raw.billable, false),
      at: text(raw.at),
    },
  };
}

export const parseTimeEntries = (raw: unknown, report: SkipReport): Delta<CachedTimeEntry> =>
  readEach(readTimeEntry, raw, 'time entry', report);

export const toTimeEntry = (raw: unknown): CachedTimeEntry => readOne(readTimeEntry, raw, 'time entry');

/** Whole seconds between two ISO times, never below zero. */
export function durationSeconds(start: string, stop: string): number {
  return Math.max(0, Math.round((Date.parse(stop) - Date.parse(start)) / 1000));
}

/** A new entry as Toggl wants it: running (`duration: -1`) unless `stop` is given. */
export function timeEntryBody(
  entry: TimerStart & { start: string; stop: string | null; billable: boolean },
): TogglTimeEntryBody {
  const body: TogglTimeEntryBody = {
    created_with: appIdentity.name,
    workspace_id: entry.wid,
    project_id: entry.pid,
    task_id: entry.tid,
    description: entry.description,
    billable: entry.billable,
    start: entry.start,
    duration: entry.stop === null ? -1 : durationSeconds(entry.start, entry.stop),
  };
  if (entry.stop !== null) body.stop = entry.stop;
  return body;
}
