/**
 * Toggl entities as the app keeps and shows them: trimmed to what it lists and edits, plus
 * each one's `at` (when Toggl last changed it). Ids below zero are items created offline
 * that Toggl has not given an id yet.
 */

export interface CachedUser {
  id: number;
  fullname: string;
  email: string;
  defaultWorkspaceId: number;
}

export interface CachedWorkspace {
  id: number;
  organizationId: number;
  name: string;
  /** The user's role here, e.g. "admin" or "user". */
  role: string;
  admin: boolean;
  /** Paid plan: billable projects and any hex color. */
  premium: boolean;
  onlyAdminsMayCreateProjects: boolean;
  at: string;
}

export interface CachedClient {
  id: number;
  wid: number;
  name: string;
  archived: boolean;
  at: string;
}

export interface CachedProject {
  id: number;
  wid: number;
  cid: number | null;
  name: string;
  color: string;
  active: boolean;
  isPrivate: boolean;
  billable: boolean;
  at: string;
}

export interface CachedTask {
  id: number;
  wid: number;
  pid: number;
  name: string;
  /** False when the task is done. */
  active: boolean;
  estimatedSeconds: number | null;
  /** Toggl's `tracked_seconds`, which is milliseconds. */
  trackedMs: number;
  at: string;
}

/** Fields a user may set on a project. */
export interface ProjectFields {
  name: string;
  cid: number | null;
  /** A client to create with the project (typed rather than picked). */
  clientName?: string;
  color: string;
  isPrivate: boolean;
  billable: boolean;
}

export type ProjectChanges = Partial<Omit<ProjectFields, 'clientName'> & { active: boolean }>;

export interface TaskFields {
  name: string;
  estimatedSeconds: number | null;
}

export type TaskChanges = Partial<TaskFields & { active: boolean }>;

/** Where an item stands with Toggl. */
export type ItemSync = 'synced' | 'pending' | 'failed' | 'conflict';

export interface OutboxEntryView {
  id: string;
  /** "Rename project", "Create task", … */
  summary: string;
  state: 'pending' | 'failed' | 'conflict';
  /** Why it failed, in Toggl's or our words. */
  error: string | null;
  /** For conflicts: each field, what you set and what Toggl has now. */
  conflicts: { field: string; mine: unknown; theirs: unknown }[];
  /** The items it touches, as list keys: "p:12" (project), "t:-3" (task). */
  targets: string[];
}

/** Everything the popover lists: the cached state with the queued changes applied. */
export interface DataView {
  user: CachedUser | null;
  workspaces: CachedWorkspace[];
  clients: CachedClient[];
  projects: (CachedProject & { sync: ItemSync; clientName: string | null })[];
  tasks: (CachedTask & { sync: ItemSync })[];
  outbox: OutboxEntryView[];
  /** When the list last came from Toggl (epoch ms), or null if never. */
  syncedAt: number | null;
  /** Recent [temporary id, Toggl's id] pairs, so a selection survives the swap. */
  newIds: [number, number][];
}

export interface QuotaStatus {
  /** Requests left this hour, as far as we know. */
  remaining: number;
  limit: number;
  /** Epoch ms when the window frees up, if known. */
  resetsAt: number | null;
}

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  lastSyncedAt: number | null;
  pending: number;
  failed: number;
  conflicts: number;
  /** The user's /me* quota. */
  quota: QuotaStatus;
  /** Set after a 402: no background requests until then (epoch ms). */
  pausedUntil: number | null;
  /** The last sync problem, in words for the user, or null. */
  problem: string | null;
}
