import { SandboxHttpError, bodyObject, memberWorkspace, route, type Route, type RouteContext } from './routing';
import type { SandboxTimeEntry, SandboxWorkspace } from './state';
import { listTimeEntries } from './time-entry-queries';
import { readNewTimeEntry, readTimeEntryUpdate } from './time-entry-rules';
import { addTimeEntry, deleteTimeEntry, runningTimeEntry, stopTimeEntry, updateTimeEntry } from './time-entry-store';
import { timeEntryView } from './time-entry-view';

/*
 * Refusals Toggl's OpenAPI document gives for these endpoints (its error descriptions are the
 * answers' words), and the recorded 409.
 */
const INVALID_ID = 'Invalid or missing time_entry_id';
const NOT_FOUND = 'Time entry not found';
const RESOURCE_NOT_FOUND = 'Resource can not be found';
/** Recorded: time-entry-stop-409-rb-2024-04-25. */
const ALREADY_STOPPED = 'Time entry already stopped';

function timeEntryId(context: RouteContext): number {
  const raw = context.params.time_entry_id ?? '';
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id)) throw new SandboxHttpError(400, INVALID_ID);
  return id;
}

/** GET /me/time_entries/{id}: one of the user's own entries, not deleted. */
function myTimeEntry(context: RouteContext): SandboxTimeEntry {
  const entry = context.state.timeEntries.get(timeEntryId(context));
  if (!entry || entry.user_id !== context.user.id || entry.server_deleted_at)
    throw new SandboxHttpError(404, RESOURCE_NOT_FOUND);
  return entry;
}

/**
 * An entry of the path's workspace that the user may change: their own, or anyone's for a
 * workspace admin. Others' entries answer as missing, so their ids say nothing.
 */
function changeableTimeEntry(context: RouteContext, workspace: SandboxWorkspace): SandboxTimeEntry {
  const entry = context.state.timeEntries.get(timeEntryId(context));
  const allowed = entry?.user_id === context.user.id || workspace.members.get(context.user.id) === 'admin';
  if (!entry || entry.workspace_id !== workspace.id || entry.server_deleted_at || !allowed)
    throw new SandboxHttpError(404, NOT_FOUND);
  return entry;
}

/**
 * /me/time_entries* (the user's hourly quota) and /workspaces/{wid}/time_entries* (the
 * organization's). GET /workspaces/{wid}/time_entries has no route, so it answers the recorded
 * 405 (ws-time-entries-get-405-go-2024-12-13).
 */
export const timeEntryRoutes: Route[] = [
  route('GET', '/me/time_entries', (context) =>
    listTimeEntries(context).map((entry) => timeEntryView(context.state, entry)),
  ),
  // Recorded: nothing running is 200 with the body `null`, not a 404 (time-entry-current-200-null).
  route('GET', '/me/time_entries/current', (context) => {
    const running = runningTimeEntry(context.state, context.user.id);
    return running ? timeEntryView(context.state, running) : null;
  }),
  route('GET', '/me/time_entries/:time_entry_id', (context) => timeEntryView(context.state, myTimeEntry(context))),
  route('POST', '/workspaces/:workspace_id/time_entries', (context) => {
    const workspace = memberWorkspace(context);
    const entry = addTimeEntry(context.state, readNewTimeEntry(context, workspace, bodyObject(context)));
    return timeEntryView(context.state, entry);
  }),
  route('PUT', '/workspaces/:workspace_id/time_entries/:time_entry_id', (context) => {
    const workspace = memberWorkspace(context);
    const entry = changeableTimeEntry(context, workspace);
    updateTimeEntry(context.state, entry, readTimeEntryUpdate(context, workspace, bodyObject(context), entry));
    return timeEntryView(context.state, entry);
  }),
  // No body: Toggl stops at its own now (an offline stop is a PUT with the real stop).
  route('PATCH', '/workspaces/:workspace_id/time_entries/:time_entry_id/stop', (context) => {
    const entry = changeableTimeEntry(context, memberWorkspace(context));
    if (entry.stop !== null) throw new SandboxHttpError(409, ALREADY_STOPPED);
    stopTimeEntry(context.state, entry, context.now);
    return timeEntryView(context.state, entry);
  }),
  // Recorded: 200 with an empty body and a JSON content type (time-entry-delete-200-empty).
  route('DELETE', '/workspaces/:workspace_id/time_entries/:time_entry_id', (context) => {
    deleteTimeEntry(context.state, changeableTimeEntry(context, memberWorkspace(context)));
    return undefined;
  }),
];
