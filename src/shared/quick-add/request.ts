import type { ProjectFields, TaskFields } from '../entities';
import { TOGGL_PALETTE } from '../palette';
import type { QuickAddAction } from './plan';

export type QuickAddRequest =
  { kind: 'task'; pid: number; fields: TaskFields } | { kind: 'project'; wid: number; fields: ProjectFields };

/** What a quick-add creates, as the forms' commands take it: the popover's box and `toggl-tray add` alike. */
export function quickAddRequest(action: QuickAddAction): QuickAddRequest {
  if (action.kind === 'task')
    return { kind: 'task', pid: action.pid, fields: { name: action.name, estimatedSeconds: action.estimatedSeconds } };
  // As a new project's form starts: the first palette color, public, not billable.
  const fields = {
    name: action.name,
    cid: action.cid,
    color: TOGGL_PALETTE[0] ?? '#0b83d9',
    isPrivate: false,
    billable: false,
  };
  return { kind: 'project', wid: action.wid, fields };
}

/** Where a timer on what a quick-add made goes (Shift+Enter, `toggl-tray add --start`): `id` is the new item's. */
export function madeTimerPlace(action: QuickAddAction, id: number): { wid: number; pid: number; tid: number | null } {
  return action.kind === 'task'
    ? { wid: action.wid, pid: action.pid, tid: id }
    : { wid: action.wid, pid: id, tid: null };
}
