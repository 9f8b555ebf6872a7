/**
 * Toggl's answers → the app's shapes, parsed once, here, tolerantly. Toggl's OpenAPI document
 * marks no field as required and real answers omit keys and send nulls no field list
 * promises (../shared/toggl-recordings), so every field has a default; only what an item
 * cannot exist without (its id, the workspace or project it belongs to) is required. An item
 * that lacks those is skipped and reported; the rest of the list is kept.
 */
import { z } from 'zod';
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

const id = z.number().int();
const maybeId = id.nullish();
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const flag = (fallback: boolean) =>
  z
    .boolean()
    .nullish()
    .transform((value) => value ?? fallback);
const deletedAt = z.string().nullish();

const workspaceAnswer = z
  .object({
    id,
    organization_id: maybeId,
    name: text,
    role: z.string().nullish(),
    admin: flag(false),
    premium: flag(false),
    business_ws: flag(false),
    only_admins_may_create_projects: flag(false),
    at: text,
  })
  .transform((workspace): CachedWorkspace => {
    const role = workspace.role ?? (workspace.admin ? 'admin' : 'user');
    return {
      id: workspace.id,
      organizationId: workspace.organization_id ?? 0,
      name: workspace.name || `Workspace ${workspace.id}`,
      role,
      admin: workspace.admin || role === 'admin',
      premium: workspace.premium || workspace.business_ws,
      onlyAdminsMayCreateProjects: workspace.only_admins_may_create_projects,
      at: workspace.at,
    };
  });

const clientAnswer = z
  .object({
    id,
    wid: maybeId,
    workspace_id: maybeId,
    name: text,
    archived: flag(false),
    at: text,
    server_deleted_at: deletedAt,
  })
  .refine((client) => (client.wid ?? client.workspace_id) != null, 'no workspace id')
  .transform((client) => ({
    deleted: Boolean(client.server_deleted_at),
    item: {
      id: client.id,
      wid: client.wid ?? client.workspace_id ?? 0,
      name: client.name,
      archived: client.archived,
      at: client.at,
    } satisfies CachedClient,
  }));

const projectAnswer = z
  .object({
    id,
    workspace_id: maybeId,
    wid: maybeId,
    client_id: maybeId,
    cid: maybeId,
    name: text,
    color: z.string().nullish(),
    active: z.boolean().nullish(),
    status: z.string().nullish(),
    is_private: flag(false),
    billable: flag(false),
    at: text,
    server_deleted_at: deletedAt,
  })
  .refine((project) => (project.workspace_id ?? project.wid) != null, 'no workspace id')
  .transform((project) => ({
    deleted: Boolean(project.server_deleted_at),
    item: {
      id: project.id,
      wid: project.workspace_id ?? project.wid ?? 0,
      cid: project.client_id ?? project.cid ?? null,
      name: project.name,
      color: project.color ?? TOGGL_PALETTE[0] ?? '#0b83d9',
      active: project.active ?? project.status !== 'archived',
      isPrivate: project.is_private,
      billable: project.billable,
      at: project.at,
    } satisfies CachedProject,
  }));

const taskAnswer = z
  .object({
    id,
    workspace_id: maybeId,
    wid: maybeId,
    project_id: maybeId,
    pid: maybeId,
    name: text,
    active: flag(true),
    estimated_seconds: z.number().nullish(),
    tracked_seconds: z.number().nullish(),
    at: text,
    server_deleted_at: deletedAt,
  })
  .refine((task) => (task.workspace_id ?? task.wid) != null && (task.project_id ?? task.pid) != null, {
    message: 'no workspace or project id',
  })
  .transform((task) => ({
    deleted: Boolean(task.server_deleted_at),
    item: {
      id: task.id,
      wid: task.workspace_id ?? task.wid ?? 0,
      pid: task.project_id ?? task.pid ?? 0,
      name: task.name,
      active: task.active,
      estimatedSeconds: task.estimated_seconds ?? null,
      trackedMs: task.tracked_seconds ?? 0,
      at: task.at,
    } satisfies CachedTask,
  }));

const userAnswer = z
  .object({ id, fullname: text, email: text, default_workspace_id: maybeId })
  .transform((user): CachedUser => ({
    id: user.id,
    fullname: user.fullname,
    email: user.email,
    defaultWorkspaceId: user.default_workspace_id ?? 0,
  }));

/** Told about each answer item that could not be read (it was skipped). */
export type SkipReport = (what: string, problem: string) => void;

function parseEach<T>(schema: z.ZodType<T>, raw: unknown, what: string, report: SkipReport): T[] {
  // Toggl leaves a list out when it is empty (`tasks`, `clients` in /me?with_related_data).
  if (raw == null) return [];
  if (!Array.isArray(raw)) {
    report(what, 'the list was not a list');
    return [];
  }
  const items: T[] = [];
  for (const value of raw) {
    const parsed = schema.safeParse(value);
    if (parsed.success) items.push(parsed.data);
    else report(what, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return items;
}

export interface Delta<T> {
  live: T[];
  deletedIds: number[];
}

function split<T extends { id: number }>(items: { deleted: boolean; item: T }[]): Delta<T> {
  return {
    live: items.filter((entry) => !entry.deleted).map((entry) => entry.item),
    deletedIds: items.filter((entry) => entry.deleted).map((entry) => entry.item.id),
  };
}

export const parseWorkspaces = (raw: unknown, report: SkipReport): CachedWorkspace[] =>
  parseEach(workspaceAnswer, raw, 'workspace', report);
export const parseClients = (raw: unknown, report: SkipReport): Delta<CachedClient> =>
  split(parseEach(clientAnswer, raw, 'client', report));
export const parseProjects = (raw: unknown, report: SkipReport): Delta<CachedProject> =>
  split(parseEach(projectAnswer, raw, 'project', report));
export const parseTasks = (raw: unknown, report: SkipReport): Delta<CachedTask> =>
  split(parseEach(taskAnswer, raw, 'task', report));

/** The user from /me; undefined when the answer has no user id. */
export function parseUser(raw: unknown): CachedUser | undefined {
  const parsed = userAnswer.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The user from /me, or an error saying the answer could not be read. */
export function toUser(raw: unknown): CachedUser {
  const user = parseUser(raw);
  if (!user)
    throw new TogglApiError('unexpected', { method: 'GET', path: '/me', serverMessage: 'no user in the answer' });
  return user;
}

/** One project or task from an answer to a create or an edit. */
function parseOne<T>(schema: z.ZodType<{ item: T }>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new TogglApiError('unexpected', { method: 'answer', path: what, serverMessage: `an unreadable ${what}` });
  }
  return parsed.data.item;
}

export const toProject = (raw: unknown): CachedProject => parseOne(projectAnswer, raw, 'project');
export const toTask = (raw: unknown): CachedTask => parseOne(taskAnswer, raw, 'task');

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
