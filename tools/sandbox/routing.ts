import type { SandboxProject, SandboxState, SandboxUser, SandboxWorkspace } from './state';

/** An answer with a status and Toggl's plain-string error body. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RouteContext {
  state: SandboxState;
  user: SandboxUser;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  now: number;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handler: (context: RouteContext) => unknown;
}

/** `/workspaces/:workspace_id/projects` → a route matching that path with named params. */
export function route(method: string, path: string, handler: (context: RouteContext) => unknown): Route {
  const source = path.replace(/:(\w+)/g, (_match, name: string) => `(?<${name}>[^/]+)`);
  return { method, pattern: new RegExp(`^${source}$`), handler };
}

export const THREE_MONTHS_S = 90 * 24 * 3600;

export function idParam(context: RouteContext, name: string, label: string): number {
  const raw = context.params[name] ?? '';
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id)) throw new SandboxHttpError(400, `Invalid ${label}`);
  return id;
}

export function idList(raw: string | null | undefined, label: string): number[] {
  if (!raw) throw new SandboxHttpError(400, `Invalid value as ${label}`);
  const ids = raw.split(',').map((part) => part.trim());
  if (ids.some((part) => !/^\d+$/.test(part))) throw new SandboxHttpError(400, `Invalid value as ${label}`);
  if (ids.length > 200) throw new SandboxHttpError(400, `${label} cannot exceed 200 elements.`);
  return ids.map(Number);
}

/** `since` as unix seconds; refused when older than three months (observed on Toggl). */
export function sinceParam(context: RouteContext): number | undefined {
  const raw = context.query.get('since');
  if (raw === null || raw === '') return undefined;
  const since = Number(raw);
  if (!Number.isInteger(since) || since < 0) throw new SandboxHttpError(400, 'Invalid since');
  if (since < context.now / 1000 - THREE_MONTHS_S)
    throw new SandboxHttpError(400, 'since cannot be older than 3 months');
  return since;
}

export function changedSince(item: { at: string; server_deleted_at?: string | null }, since: number): boolean {
  const at = Math.max(Date.parse(item.at), item.server_deleted_at ? Date.parse(item.server_deleted_at) : 0);
  return at >= since * 1000;
}

export function boolParam(context: RouteContext, name: string, fallback: boolean): boolean {
  const raw = context.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new SandboxHttpError(400, `Invalid ${name}`);
}

export function intParam(context: RouteContext, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = context.query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new SandboxHttpError(400, `Invalid ${name}`);
  return Math.min(value, max);
}

export function bodyObject(context: RouteContext): Record<string, unknown> {
  const body = context.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SandboxHttpError(400, 'Invalid JSON input');
  }
  return body as Record<string, unknown>;
}

export function memberWorkspace(context: RouteContext, name = 'workspace_id'): SandboxWorkspace {
  const workspace = context.state.workspaces.get(idParam(context, name, 'workspace_id'));
  if (!workspace) throw new SandboxHttpError(404, 'Workspace not found');
  if (!workspace.members.has(context.user.id))
    throw new SandboxHttpError(403, 'User does not have access to this resource.');
  return workspace;
}

export function visibleProject(
  context: RouteContext,
  workspace: SandboxWorkspace,
  name = 'project_id',
): SandboxProject {
  return projectSeenBy(context, workspace, idParam(context, name, 'project_id'));
}

/** A live project of the workspace that the user may see, else 404 as Toggl answers. */
export function projectSeenBy(context: RouteContext, workspace: SandboxWorkspace, id: number): SandboxProject {
  const project = context.state.projects.get(id);
  if (
    !project ||
    project.workspace_id !== workspace.id ||
    project.server_deleted_at ||
    !context.state.canSeeProject(project, context.user.id)
  ) {
    throw new SandboxHttpError(404, 'Project not found/accessible');
  }
  return project;
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SandboxHttpError(400, `Invalid ${key}`);
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new SandboxHttpError(400, `Invalid ${key}`);
  return value;
}

export function optionalInteger(body: Record<string, unknown>, key: string): number | null | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new SandboxHttpError(400, `Invalid ${key}`);
  return value;
}

/** A JSON-Patch array body for the bulk endpoints. */
export function patchOperations(context: RouteContext): { op: string; path: string; value: unknown }[] {
  const body = context.body;
  if (!Array.isArray(body) || body.length === 0) throw new SandboxHttpError(400, 'Empty or invalid patch operation');
  return body.map((entry: unknown) => {
    if (!entry || typeof entry !== 'object') throw new SandboxHttpError(400, 'Empty or invalid patch operation');
    const { op, path, value } = entry as Record<string, unknown>;
    if (op !== 'replace' && op !== 'add' && op !== 'remove')
      throw new SandboxHttpError(400, 'Empty or invalid patch operation');
    if (typeof path !== 'string' || !path.startsWith('/'))
      throw new SandboxHttpError(400, 'Empty or invalid patch path');
    return { op, path, value };
  });
}

/** One collator for every name sort: far cheaper than localeCompare on large accounts. */
export const byName = new Intl.Collator('en', { sensitivity: 'base' }).compare;

export interface BulkResult {
  success: number[];
  failure: { id: number; message: string }[];
}

/** A bulk PATCH: each id succeeds or fails on its own, as Toggl answers them. */
export function bulkPatch(ids: number[], apply: (id: number) => void): BulkResult {
  const result: BulkResult = { success: [], failure: [] };
  for (const id of ids) {
    try {
      apply(id);
      result.success.push(id);
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      result.failure.push({ id, message: error.message });
    }
  }
  return result;
}

/** The body that a list of "replace" operations amounts to; other operations are refused. */
export function replaceBody(
  operations: { op: string; path: string; value: unknown }[],
  allowed?: ReadonlySet<string>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const operation of operations) {
    if (operation.op !== 'replace' || (allowed && !allowed.has(operation.path))) {
      throw new SandboxHttpError(400, `Unsupported patch: ${operation.op} ${operation.path}`);
    }
    body[operation.path.slice(1)] = operation.value;
  }
  return body;
}
