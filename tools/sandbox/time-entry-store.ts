import type { SandboxState, SandboxTimeEntry } from './state';
import { entryStamp, entryTime, epochSeconds } from './time-entry-times';

/** What a new entry is made of; the store derives `duration` and the stamps. */
export interface NewTimeEntry {
  workspaceId: number;
  userId: number;
  projectId: number | null;
  taskId: number | null;
  description: string | null;
  startMs: number;
  /** null: the entry runs. */
  stopMs: number | null;
  billable: boolean;
  tagIds: number[];
  createdWith: string;
}

/** Changes to an entry, each left undefined when unchanged. */
export interface TimeEntryUpdate {
  projectId?: number | null;
  taskId?: number | null;
  description?: string | null;
  billable?: boolean;
  tagIds?: number[];
  userId?: number;
  timing?: { startMs: number; stopMs: number | null };
}

/** The user's running entry, if any (deleted ones never run). */
export function runningTimeEntry(state: SandboxState, userId: number): SandboxTimeEntry | undefined {
  for (const entry of state.timeEntries.values()) {
    if (entry.user_id === userId && entry.stop === null && !entry.server_deleted_at) return entry;
  }
  return undefined;
}

/**
 * Start, stop and duration together: a running entry's duration is minus its start in epoch
 * seconds (recorded: -1734035934 for a start of 2024-12-12T20:38:54), a stopped one's is
 * stop − start in whole seconds.
 */
function setTiming(entry: SandboxTimeEntry, startMs: number, stopMs: number | null): void {
  entry.start = entryTime(startMs);
  entry.stop = stopMs === null ? null : entryTime(stopMs);
  entry.duration =
    entry.stop === null ? -epochSeconds(entry.start) : epochSeconds(entry.stop) - epochSeconds(entry.start);
}

/**
 * Stops the user's running entry at `atMs` (never before its own start), except `keepId`.
 * Toggl keeps one running entry per user (GET /me/time_entries/current answers one), and
 * starting another stops it, as Toggl's v8 API documented; v9 does not say so
 * (../shared/toggl-api-notes.md), so the app stops it itself and must not rely on this. It
 * stops at the new entry's start, not at the request's arrival: an entry started offline and
 * sent later ends the other one where the user switched.
 */
export function stopRunningTimeEntry(
  state: SandboxState,
  userId: number,
  atMs: number,
  keepId?: number,
): SandboxTimeEntry | undefined {
  const running = runningTimeEntry(state, userId);
  if (!running || running.id === keepId) return undefined;
  setTiming(running, Date.parse(running.start), Math.max(atMs, Date.parse(running.start)));
  running.at = entryStamp(state.now());
  return running;
}

/** Adds an entry; a running one stops the user's other running entry first. */
export function addTimeEntry(state: SandboxState, fields: NewTimeEntry, atMs = state.now()): SandboxTimeEntry {
  if (fields.stopMs === null) stopRunningTimeEntry(state, fields.userId, fields.startMs);
  const entry: SandboxTimeEntry = {
    id: state.nextId(),
    workspace_id: fields.workspaceId,
    project_id: fields.projectId,
    task_id: fields.taskId,
    user_id: fields.userId,
    description: fields.description,
    start: '',
    stop: null,
    duration: 0,
    billable: fields.billable,
    tag_ids: fields.tagIds,
    created_with: fields.createdWith,
    at: entryStamp(atMs),
    server_deleted_at: null,
  };
  setTiming(entry, fields.startMs, fields.stopMs);
  state.timeEntries.set(entry.id, entry);
  return entry;
}

/** Applies checked changes; an entry made to run stops the user's other running entry. */
export function updateTimeEntry(state: SandboxState, entry: SandboxTimeEntry, update: TimeEntryUpdate): void {
  if (update.userId !== undefined) entry.user_id = update.userId;
  if (update.projectId !== undefined) entry.project_id = update.projectId;
  if (update.taskId !== undefined) entry.task_id = update.taskId;
  if (update.description !== undefined) entry.description = update.description;
  if (update.billable !== undefined) entry.billable = update.billable;
  if (update.tagIds !== undefined) entry.tag_ids = update.tagIds;
  if (update.timing) {
    if (update.timing.stopMs === null) stopRunningTimeEntry(state, entry.user_id, update.timing.startMs, entry.id);
    setTiming(entry, update.timing.startMs, update.timing.stopMs);
  }
  entry.at = entryStamp(state.now());
}

/** Stops a running entry at `atMs` (PATCH …/stop uses the server's now). */
export function stopTimeEntry(state: SandboxState, entry: SandboxTimeEntry, atMs = state.now()): void {
  const startMs = Date.parse(entry.start);
  setTiming(entry, startMs, Math.max(atMs, startMs));
  entry.at = entryStamp(state.now());
}

/** Deletes as Toggl does: a tombstone that `since` still lists, with `server_deleted_at`. */
export function deleteTimeEntry(state: SandboxState, entry: SandboxTimeEntry): void {
  entry.server_deleted_at = entryStamp(state.now());
  entry.at = entry.server_deleted_at;
}
