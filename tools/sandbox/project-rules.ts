import { addClient } from './builders';
import { SandboxHttpError, optionalBoolean, optionalInteger, optionalString, type RouteContext } from './routing';
import { TOGGL_PALETTE, type SandboxProject, type SandboxWorkspace } from './state';

export const PROJECT_NAME_MAX = 255;
export const TASK_NAME_MAX = 255;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export interface ProjectChanges {
  name?: string;
  active?: boolean;
  is_private?: boolean;
  billable?: boolean;
  client_id?: number | null;
  color?: string;
  estimated_hours?: number | null;
  currency?: string;
}

/** Reads and checks a project create/update body against the workspace's rules. */
export function projectChanges(
  context: RouteContext,
  workspace: SandboxWorkspace,
  body: Record<string, unknown>,
  existing: SandboxProject | undefined,
): ProjectChanges {
  const changes: ProjectChanges = {};
  const name = optionalString(body, 'name');
  if (name !== undefined || !existing) {
    const trimmed = (name ?? '').trim();
    if (!trimmed) throw new SandboxHttpError(400, 'Project name must not be empty');
    if (trimmed.length > PROJECT_NAME_MAX)
      throw new SandboxHttpError(400, `Project name must be at most ${PROJECT_NAME_MAX} characters`);
    changes.name = trimmed;
  }
  const active = optionalBoolean(body, 'active');
  if (active !== undefined) changes.active = active;
  const isPrivate = optionalBoolean(body, 'is_private');
  if (isPrivate !== undefined) changes.is_private = isPrivate;
  const billable = optionalBoolean(body, 'billable');
  if (billable !== undefined) {
    if (billable && !workspace.premium)
      throw new SandboxHttpError(403, 'Billable projects are available on paid plans only');
    changes.billable = billable;
  }
  const color = optionalString(body, 'color');
  if (color !== undefined) {
    if (!HEX_COLOR.test(color)) throw new SandboxHttpError(400, 'Invalid project color');
    if (!workspace.premium && !TOGGL_PALETTE.includes(color.toLowerCase())) {
      // Toggl's own answer (../shared/toggl-recordings: project-put-402-color).
      throw new SandboxHttpError(402, 'Custom project colors available only for premium plans');
    }
    changes.color = color.toLowerCase();
  }
  const hours = optionalInteger(body, 'estimated_hours');
  if (hours !== undefined) changes.estimated_hours = hours;
  const currency = optionalString(body, 'currency');
  if (currency !== undefined) changes.currency = currency;

  const clientId = body.client_id ?? body.cid;
  const clientName = optionalString(body, 'client_name');
  if (clientId !== undefined && clientId !== null) {
    const client = typeof clientId === 'number' ? context.state.clients.get(clientId) : undefined;
    if (!client || client.wid !== workspace.id || client.server_deleted_at)
      throw new SandboxHttpError(400, 'Client not found');
    changes.client_id = client.id;
  } else if (clientName !== undefined && clientName.trim() !== '') {
    const wanted = clientName.trim();
    const found = [...context.state.clients.values()].find(
      (client) =>
        client.wid === workspace.id && !client.server_deleted_at && client.name.toLowerCase() === wanted.toLowerCase(),
    );
    changes.client_id = (found ?? addClient(context.state, workspace.id, wanted, context.user.id)).id;
  } else if (clientId === null) {
    changes.client_id = null;
  }

  const finalName = changes.name ?? existing?.name ?? '';
  const finalClient = changes.client_id !== undefined ? changes.client_id : (existing?.client_id ?? null);
  for (const other of context.state.projects.values()) {
    if (
      other.id !== existing?.id &&
      other.workspace_id === workspace.id &&
      !other.server_deleted_at &&
      (other.client_id ?? null) === finalClient &&
      other.name.toLowerCase() === finalName.toLowerCase()
    ) {
      throw new SandboxHttpError(400, 'Name has already been taken');
    }
  }
  return changes;
}

export function applyProjectChanges(context: RouteContext, project: SandboxProject, changes: ProjectChanges): void {
  Object.assign(project, changes);
  if (changes.client_id !== undefined) project.cid = changes.client_id;
  if (changes.estimated_hours !== undefined)
    project.estimated_seconds = changes.estimated_hours === null ? null : changes.estimated_hours * 3600;
  project.at = context.state.stamp();
}

export function requireProjectEditor(context: RouteContext, project: SandboxProject): void {
  if (!context.state.canEditProject(project, context.user.id)) {
    throw new SandboxHttpError(403, 'Only workspace admins and project managers may change this project');
  }
}
