import type { SandboxState, SandboxTimeEntry } from './state';

/**
 * A time entry as Toggl answers it, keys in the recorded order (me-related-200-go-2024-12-12,
 * December 2024). `pid` is left out when there is no project, as recorded; `tid` is assumed to
 * follow `task_id` the same way (no recording has a task). The April 2024 answers also carried
 * `permissions: null`, which the December ones no longer do: the newer shape is played.
 */
export interface TogglTimeEntryAnswer {
  id: number;
  workspace_id: number;
  project_id: number | null;
  task_id: number | null;
  billable: boolean;
  start: string;
  stop: string | null;
  duration: number;
  description: string | null;
  tags: string[];
  tag_ids: number[];
  /** Always true on answers (Toggl's OpenAPI document: "deprecated for GET endpoints"). */
  duronly: boolean;
  at: string;
  server_deleted_at: string | null;
  user_id: number;
  uid: number;
  wid: number;
  pid?: number;
  tid?: number;
}

export function timeEntryView(state: SandboxState, entry: SandboxTimeEntry): TogglTimeEntryAnswer {
  // A deleted tag drops out of the entry, as the OpenAPI document says ("or were later deleted").
  const tags = entry.tag_ids.flatMap((id) => {
    const tag = state.tags.get(id);
    return tag && !tag.deleted_at ? [tag] : [];
  });
  return {
    id: entry.id,
    workspace_id: entry.workspace_id,
    project_id: entry.project_id,
    task_id: entry.task_id,
    billable: entry.billable,
    start: entry.start,
    stop: entry.stop,
    duration: entry.duration,
    description: entry.description,
    tags: tags.map((tag) => tag.name),
    tag_ids: tags.map((tag) => tag.id),
    duronly: true,
    at: entry.at,
    server_deleted_at: entry.server_deleted_at,
    user_id: entry.user_id,
    uid: entry.user_id,
    wid: entry.workspace_id,
    ...(entry.project_id !== null && { pid: entry.project_id }),
    ...(entry.task_id !== null && { tid: entry.task_id }),
  };
}
