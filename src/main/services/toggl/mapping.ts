/**
 * Toggl's answers → the app's shapes, parsed once, here, tolerantly. Toggl's OpenAPI document
 * marks no field as required and real answers omit keys and send nulls no field list
 * promises (../shared/toggl-recordings), so every field has a default; only what an item
 * cannot exist without (its id, the workspace or project it belongs to) is required. An item
 * that lacks those is skipped and reported; the rest of the list is kept.
 */
import type {
  CachedClient,
  CachedProject,
  CachedTask,
  CachedUser,
  CachedWorkspace,
  ProjectChanges,
  TaskChanges,
} from '../../../shared/entities';
import { TOGGL_PALETTE } from '../../../shared/palette';
import { TogglApiError } from './errors';
import type { TogglProjectUpdate, TogglTaskUpdate } from './types';

export type Raw = Record<string, unknown>;

/**
 * Readers of one field each, with its default. Written by hand rather than as zod schemas:
 * a 100,000-task answer is read in a few milliseconds instead of a third of a second on the
 * main process.
 */
export const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
export const idOr = (...values: unknown[]): number | null => values.find<number>(isId) ?? null;
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
const numberOr = <T>(value: unknown, fallback: T): number | T =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
export const asRaw = (value: unknown): Raw | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;

/** An answer item read into the app's shape, or why it could not be. */
export type Read<T> = { item: T; deleted: boolean } | { problem: string };

function readWorkspace(raw: Raw): Read<CachedWorkspace> {
  if (!isId(raw.id)) return { problem: 'id: missing' };
  const admin = flag(raw.admin, false);
  const role = typeof raw.role === 'string' ? raw.role : admin ? 'admin' : 'user';
  return {
    deleted: false,
    item: {
      id: raw.id,
      organizationId: idOr(raw.organization_id) ?? 0,
      name: text(raw.name) || `Workspace ${raw.id}`,
      role,
      admin: admin || role === 'admin',
      premium: flag(raw.premium, false) || flag(raw.business_ws, false),
      onlyAdminsMayCreateProjects: flag(raw.only_admins_may_create_projects, false),
      managedProjects: [],
      managedPending: false,
      at: text(raw.at),
    },
  };
}

function readClient(raw: Raw): Read<CachedClient> {
  const wid = idOr(raw.wid, raw.workspace_id);
  if (!isId(raw.id)) return { problem: 'id: missing' };
  if (wid === null) return { problem: 'no workspace id' };
  return {
    deleted: Boolean(raw.server_deleted_at),
    item: { id: raw.id, wid, name: text(raw.name), archived: flag(raw.archived, false), at: text(raw.at) },
  };
}

function readProject(raw: Raw): Read<CachedProject> {
  const wid = idOr(raw.workspace_id, raw.wid);
  if (!isId(raw.id)) return { problem: 'id: missing' };
  if (wid === null) return { problem: 'no workspace id' };
  return {
    deleted: Boolean(raw.server_deleted_at),
    item: {
      id: raw.id,
      wid,
      cid: idOr(raw.client_id, raw.cid),
      name: text(raw.name),
      color: typeof raw.color === 'string' ? raw.color : (TOGGL_PALETTE[0] ?? '#0b83d9'),
      active: typeof raw.active === 'boolean' ? raw.active : raw.status !== 'archived',
      isPrivate: flag(raw.is_private, false),
      billable: flag(raw.billable, false),
      at: text(raw.at),
    },
  };
}

function readTask(raw: Raw): Read<CachedTask> {
  const wid = idOr(raw.workspace_id, raw.wid);
  const pid = idOr(raw.project_id, raw.pid);
  if (!isId(raw.id)) return { problem: 'id: missing' };
  if (wid === null || pid === null) return { problem: 'no workspace or project id' };
  return {
    deleted: Boolean(raw.server_deleted_at),
    item: {
      id: raw.id,
      wid,
      pid,
      name: text(raw.name),
      active: flag(raw.active, true),
      estimatedSeconds: numberOr(raw.estimated_seconds, null),
      trackedMs: numberOr(raw.tracked_seconds, 0),
      at: text(raw.at),
    },
  };
}

/** Told about each answer item that could not be read (it was skipped). */
export type SkipReport = (what: string, problem: string) => void;

export interface Delta<T> {
  live: T[];
  deletedIds: number[];
}

export function readEach<T extends { id: number }>(
  read: (raw: Raw) => Read<T>,
  raw: unknown,
  what: string,
  report: SkipReport,
): Delta<T> {
  const delta: Delta<T> = { live: [], deletedIds: [] };
  // Toggl leaves a list out when it is empty (`tasks`, `clients` in /me?with_related_data).
  if (raw == null) return delta;
  if (!Array.isArray(raw)) {
    report(what, 'the list was not a list');
    return delta;
  }
  for (const value of raw as unknown[]) {
    const object = asRaw(value);
    const result = object ? read(object) : { problem: 'not an object' };
    if ('problem' in result) report(what, result.problem);
    else if (result.deleted) delta.deletedIds.push(result.item.id);
    else delta.live.push(result.item);
  }
  return delta;
}

export const parseWorkspaces = (raw: unknown, report: SkipReport): CachedWorkspace[] =>
  readEach(readWorkspace, raw, 'workspace', report).live;
export const parseClients = (raw: unknown, report: SkipReport): Delta<CachedClient> =>
  readEach(readClient, raw, 'client', report);
export const parseProjects = (raw: unknown, report: SkipReport): Delta<CachedProject> =>
  readEach(readProject, raw, 'project', report);
export const parseTasks = (raw: unknown, report: SkipReport): Delta<CachedTask> =>
  readEach(readTask, raw, 'task', report);

/** The user from /me; undefined when the answer has no user id. */
export function parseUser(raw: unknown): CachedUser | undefined {
  const user = asRaw(raw);
  if (!user || !isId(user.id)) return undefined;
  return {
    id: user.id,
    fullname: text(user.fullname),
    email: text(user.email),
    // Absent, null, or 0 (the sandbox's "none"): no default; a real id is never 0.
    defaultWorkspaceId: idOr(user.default_workspace_id) || null,
    timezone: text(user.timezone) || 'UTC',
    beginningOfWeek:
      isId(user.beginning_of_week) && user.beginning_of_week >= 0 && user.beginning_of_week <= 6
        ? user.beginning_of_week
        : 1,
  };
}

/** The user from /me, or an error saying the answer could not be read. */
export function toUser(raw: unknown): CachedUser {
  const user = parseUser(raw);
  if (!user)
    throw new TogglApiError('unexpected', { method: 'GET', path: '/me', serverMessage: 'no user in the answer' });
  return user;
}

/** One project or task from an answer to a create or an edit. */
export function readOne<T>(read: (raw: Raw) => Read<T>, raw: unknown, what: string): T {
  const object = asRaw(raw);
  const result = object ? read(object) : undefined;
  if (!result || 'problem' in result) {
    throw new TogglApiError('unexpected', { method: 'answer', path: what, serverMessage: `an unreadable ${what}` });
  }
  return result.item;
}

export const toProject = (raw: unknown): CachedProject => readOne(readProject, raw, 'project');
export const toTask = (raw: unknown): CachedTask => readOne(readTask, raw, 'task');

/** The app's project changes → Toggl's PUT body (only the changed fields). */
export function projectBody(changes: ProjectChanges): TogglProjectUpdate {
  const body: TogglProjectUpdate = {};
  if (changes.name !== undefined) body.name = changes.name;
  if (changes.cid !== undefined) body.client_id = changes.cid;
  if (changes.color !== undefined) body.color = changes.color;
  if (changes.isPrivate !== undefined) body.is_private = changes.isPrivate;
  if (changes.billable !== undefined) body.billable = changes.billable;
  if (changes.active !== undefined) body.active = changes.active;
  return body;
}

/** The app's task changes → Toggl's PUT body (only the changed fields). */
export function taskBody(changes: TaskChanges): TogglTaskUpdate {
  const body: TogglTaskUpdate = {};
  if (changes.name !== undefined) body.name = changes.name;
  if (changes.estimatedSeconds !== undefined) body.estimated_seconds = changes.estimatedSeconds;
  if (changes.active !== undefined) body.active = changes.active;
  return body;
}
