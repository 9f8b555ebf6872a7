/**
 * Toggl entities as the app keeps and shows them: trimmed to what it lists and edits, plus
 * each one's `at` (when Toggl last changed it). Ids below zero are items created offline
 * that Toggl has not given an id yet.
 */

import type { z } from 'zod';
import type { NO_PROJECT_DETAILS } from './schema';
import type {
  clientSchema,
  memberSchema,
  projectGroupSchema,
  teamSchema,
  conflictSchema,
  changeStateSchema,
  projectChangesSchema,
  projectFieldsSchema,
  projectSchema,
  taskChangesSchema,
  taskFieldsSchema,
  taskSchema,
  timeEntrySchema,
  timerStartSchema,
  timerChangesSchema,
  userSchema,
  workspaceSchema,
  organizationSchema,
  orgGroupSchema,
  orgGroupChangesSchema,
  recurringParametersSchema,
} from './schema';

export type CachedUser = z.infer<typeof userSchema>;
export type CachedWorkspace = z.infer<typeof workspaceSchema>;
export type CachedClient = z.infer<typeof clientSchema>;
export type CachedProject = z.infer<typeof projectSchema>;
export type CachedTask = z.infer<typeof taskSchema>;
export type CachedTeam = z.infer<typeof teamSchema>;
export type CachedOrganization = z.infer<typeof organizationSchema>;
export type OrgGroup = z.infer<typeof orgGroupSchema>;
/** Name, people (user ids) or workspaces of an organization group, as the user sets them. */
export type OrgGroupChanges = z.infer<typeof orgGroupChangesSchema>;
/**
 * An organization as Settings shows it: queued group changes laid over, each group marked,
 * and why the user may not change its groups (null for organization admins), computed in main.
 */
export type ViewOrganization = Omit<CachedOrganization, 'groups'> & {
  groups: (OrgGroup & { sync: ItemSync })[];
  groupsLock: string | null;
};
export type CachedTimeEntry = z.infer<typeof timeEntrySchema>;
/** A time entry as listed: queued changes laid over, marked. */
export type ViewTimeEntry = CachedTimeEntry & { sync: ItemSync };
export type TimerStart = z.infer<typeof timerStartSchema>;
export type TimerChanges = z.infer<typeof timerChangesSchema>;
export type Member = z.infer<typeof memberSchema>;
export type ProjectGroup = z.infer<typeof projectGroupSchema>;
/** A workspace's people as shown: queued changes laid over, each marked. */
export type ViewTeam = Omit<CachedTeam, 'members' | 'projectGroups'> & {
  members: (Member & { sync: ItemSync })[];
  projectGroups: (ProjectGroup & { sync: ItemSync })[];
};
/** Fields a user may set on a project. */
export type ProjectFields = z.infer<typeof projectFieldsSchema>;
/** A project's details (estimate, dates, template, rates, recurring): see schema.ts. */
export type ProjectDetails = Pick<CachedProject, keyof typeof NO_PROJECT_DETAILS>;
export type ProjectChanges = z.infer<typeof projectChangesSchema>;
/** A recurring project's period and start (Toggl's `recurring_parameters`). */
export type RecurringParameters = z.infer<typeof recurringParametersSchema>;
export type TaskFields = z.infer<typeof taskFieldsSchema>;
export type TaskChanges = z.infer<typeof taskChangesSchema>;
export type ChangeState = z.infer<typeof changeStateSchema>;
export type FieldConflict = z.infer<typeof conflictSchema>;

/** Where an item stands with Toggl. */
export type ItemSync = 'synced' | 'pending' | 'failed' | 'conflict';

export interface OutboxEntryView {
  id: string;
  /** "Rename project", "Create task", … */
  summary: string;
  state: ChangeState;
  /** Why it failed, in Toggl's or our words. */
  error: string | null;
  /** For conflicts: each field, what you set and what Toggl has now. */
  conflicts: FieldConflict[];
  /** The items it touches, as list keys: "p:12" (project), "t:-3" (task). */
  targets: string[];
  /** Why it has not gone yet when it waits for another change (a create of its project), or null. */
  waitingFor: string | null;
}

/** A queued change that could not be read back from disk: shown until the user discards it. */
export interface DamagedChangeView {
  id: string;
  summary: string;
  createdAt: number | null;
}

/**
 * What the user may do in a workspace, computed in main from Toggl's rules: null where it is
 * allowed, else the reason it is not (shown beside the disabled control). Main checks these
 * again on every command.
 */
export interface WorkspaceRights {
  createProjects: string | null;
  /** Edit, archive and delete projects and their tasks (and members), except where managed. */
  editProjects: string | null;
  /** Projects the user manages here, so may change even when `editProjects` says no. */
  managedProjects: number[];
  /** Add tasks: Free plans have none. */
  tasks: string | null;
  billable: string | null;
  customColors: string | null;
  /** Project details Toggl keeps for paid plans: estimates from tasks, templates, rates (currency, rate, fixed fee), recurring. */
  autoEstimates: string | null;
  templates: string | null;
  rates: string | null;
  recurring: string | null;
  /** A project member's hourly rate and labor cost: workspace admins, where the plan has rates. */
  memberRates: string | null;
}

/** Everything the popover lists: the cached state with the queued changes applied. */
export interface DataView {
  /** Grows with every change; a window applies a delta only onto the version it was made from. */
  version: number;
  user: CachedUser | null;
  workspaces: CachedWorkspace[];
  /** Workspace id → what the user may do there. */
  rights: Record<number, WorkspaceRights>;
  clients: CachedClient[];
  projects: (Omit<CachedProject, 'at'> & { sync: ItemSync; clientName: string | null })[];
  tasks: (Omit<CachedTask, 'at'> & { sync: ItemSync })[];
  outbox: OutboxEntryView[];
  /** Queued changes that could not be read back (a damaged file): kind, name, time. */
  damaged: DamagedChangeView[];
  /** When the list last came from Toggl (epoch ms), or null if never. */
  syncedAt: number | null;
  /** Recent [temporary id, Toggl's id] pairs, so a selection survives the swap. */
  newIds: [number, number][];
  /** Members and groups of the workspaces whose project details were opened. */
  teams: ViewTeam[];
  /** The user's recent time entries (the running one included), newest start first. */
  entries: ViewTimeEntry[];
  /** The user's organizations and their groups, once Settings asked for them. */
  organizations: ViewOrganization[];
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
  /** Changes or the list could not be written to disk (they are kept in memory meanwhile). */
  diskProblem: string | null;
}
