import type { TogglGroup } from '../../src/main/services/toggl/types';
import {
  SandboxHttpError,
  bodyObject,
  idList,
  idParam,
  memberWorkspace,
  patchOperations,
  byName,
  route,
  type Route,
  type RouteContext,
} from './routing';
import type { SandboxOrganization } from './state';

type StoredGroup = TogglGroup & { organization_id: number };

function adminOrganization(context: RouteContext): SandboxOrganization {
  const organization = context.state.organizations.get(idParam(context, 'organization_id', 'organization_id'));
  if (!organization || !organization.members.has(context.user.id))
    throw new SandboxHttpError(403, 'User does not have access to this resource');
  return organization;
}

/**
 * Groups are changed by organization admins only. The 403's words are the OpenAPI document's
 * for each method (POST and DELETE "User does not have access to this resource", the words a
 * recorded 403 of POST /organizations/{id}/workspaces has; PUT and PATCH "Forbidden"); no
 * recording has a group 403 itself.
 */
function requireOrgAdmin(
  context: RouteContext,
  organization: SandboxOrganization,
  refusal = 'User does not have access to this resource',
): void {
  if (organization.members.get(context.user.id) !== true) throw new SandboxHttpError(403, refusal);
}

function group(context: RouteContext, organization: SandboxOrganization): StoredGroup {
  const found = context.state.groups.get(idParam(context, 'group_id', 'group ID'));
  if (!found || found.organization_id !== organization.id) throw new SandboxHttpError(404, 'Invalid group ID.');
  return found;
}

function view({ organization_id: _organization, ...rest }: StoredGroup): TogglGroup {
  return rest;
}

/** Checks a group body: name present, at most 200, unique; users and workspaces of the org. */
function groupFields(
  context: RouteContext,
  organization: SandboxOrganization,
  body: Record<string, unknown>,
  existing: StoredGroup | undefined,
): Pick<TogglGroup, 'name' | 'users' | 'workspaces'> {
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name) throw new SandboxHttpError(400, 'Group name must be present');
  if (name.length > 200) throw new SandboxHttpError(400, 'Group name too long, maximum length is 200');
  for (const other of context.state.groups.values()) {
    if (
      other.organization_id === organization.id &&
      other.group_id !== existing?.group_id &&
      other.name.toLowerCase() === name.toLowerCase()
    ) {
      throw new SandboxHttpError(400, 'Name has already been taken');
    }
  }
  const userIds = Array.isArray(body.users) ? body.users : [];
  const workspaceIds = Array.isArray(body.workspaces) ? body.workspaces : [];
  const users = userIds.map((id: unknown) => {
    const user = typeof id === 'number' ? context.state.users.get(id) : undefined;
    if (!user || !organization.members.has(user.id))
      throw new SandboxHttpError(400, `User ${String(id)} not exists in the organization ${organization.id}`);
    return { user_id: user.id, name: user.fullname };
  });
  const workspaces = workspaceIds.map((id: unknown) => {
    const workspace = typeof id === 'number' ? context.state.workspaces.get(id) : undefined;
    if (!workspace || workspace.organization_id !== organization.id) {
      throw new SandboxHttpError(400, `Workspace ${String(id)} not exists in the organization ${organization.id}`);
    }
    return workspace.id;
  });
  return { name, users, workspaces };
}

/** Organization groups and project groups (seed 001). */
export const groupRoutes: Route[] = [
  route('GET', '/organizations/:organization_id/groups', (context) => {
    const organization = adminOrganization(context);
    const name = context.query.get('name')?.toLowerCase();
    const workspace = context.query.get('workspace');
    return [...context.state.groups.values()]
      .filter((item) => item.organization_id === organization.id)
      .filter((item) => !name || item.name.toLowerCase().includes(name))
      .filter((item) => !workspace || item.workspaces.includes(Number(workspace)))
      .sort((a, b) => byName(a.name, b.name))
      .map(view);
  }),
  route('POST', '/organizations/:organization_id/groups', (context) => {
    const organization = adminOrganization(context);
    requireOrgAdmin(context, organization);
    const fields = groupFields(context, organization, bodyObject(context), undefined);
    const id = context.state.nextId();
    const created: StoredGroup = {
      group_id: id,
      organization_id: organization.id,
      at: context.state.stamp(),
      ...fields,
    };
    context.state.groups.set(id, created);
    return view(created);
  }),
  route('PUT', '/organizations/:organization_id/groups/:group_id', (context) => {
    const organization = adminOrganization(context);
    requireOrgAdmin(context, organization, 'Forbidden');
    const existing = group(context, organization);
    Object.assign(existing, groupFields(context, organization, bodyObject(context), existing), {
      at: context.state.stamp(),
    });
    return view(existing);
  }),
  route('PATCH', '/organizations/:organization_id/groups/:group_id', (context) => {
    const organization = adminOrganization(context);
    requireOrgAdmin(context, organization, 'Forbidden');
    const existing = group(context, organization);
    const result = { success: [] as string[], failure: [] as { path: string; message: string }[] };
    for (const operation of patchOperations(context)) {
      try {
        const next = {
          name: existing.name,
          users: existing.users.map((user) => user.user_id),
          workspaces: [...existing.workspaces],
        };
        const values = Array.isArray(operation.value) ? (operation.value as unknown[]) : [operation.value];
        if (operation.path === '/name' && operation.op === 'replace') next.name = String(operation.value);
        else if (operation.path === '/users' || operation.path === '/workspaces') {
          const key = operation.path.slice(1) as 'users' | 'workspaces';
          if (values.length > 100) throw new SandboxHttpError(400, 'Too many values per patch');
          const numbers = values.map(Number);
          next[key] =
            operation.op === 'remove'
              ? next[key].filter((id) => !numbers.includes(id))
              : operation.op === 'add'
                ? [...new Set([...next[key], ...numbers])]
                : numbers;
        } else throw new SandboxHttpError(400, 'Empty or invalid patch path');
        Object.assign(existing, groupFields(context, organization, next, existing), { at: context.state.stamp() });
        result.success.push(operation.path);
      } catch (error) {
        if (!(error instanceof SandboxHttpError)) throw error;
        result.failure.push({ path: operation.path, message: error.message });
      }
    }
    return result;
  }),
  route('DELETE', '/organizations/:organization_id/groups/:group_id', (context) => {
    const organization = adminOrganization(context);
    requireOrgAdmin(context, organization);
    const existing = group(context, organization);
    context.state.groups.delete(existing.group_id);
    for (const [id, link] of context.state.projectGroups)
      if (link.group_id === existing.group_id) context.state.projectGroups.delete(id);
    return undefined;
  }),
  route('GET', '/organizations/:organization_id/workspaces/:workspace_id/groups', (context) => {
    const organization = adminOrganization(context);
    const workspaceId = idParam(context, 'workspace_id', 'workspace_id');
    const workspace = context.state.workspaces.get(workspaceId);
    if (!workspace || workspace.organization_id !== organization.id)
      throw new SandboxHttpError(404, 'Resource can not be found');
    return [...context.state.groups.values()]
      .filter((item) => item.organization_id === organization.id && item.workspaces.includes(workspaceId))
      .sort((a, b) => byName(a.name, b.name))
      .map(view);
  }),

  // The workspace's people (seed: workspaces, "users"), for naming project members.
  route('GET', '/workspaces/:workspace_id/users', (context) => {
    const workspace = memberWorkspace(context);
    return [...workspace.members.keys()].flatMap((userId) => {
      const user = context.state.users.get(userId);
      return user ? [{ id: user.id, email: user.email, fullname: user.fullname, at: user.at }] : [];
    });
  }),

  route('GET', '/workspaces/:workspace_id/project_groups', (context) => {
    const workspace = memberWorkspace(context);
    const projects = new Set(idList(context.query.get('project_ids'), 'project IDs'));
    return [...context.state.projectGroups.values()].filter(
      (link) => link.wid === workspace.id && projects.has(link.pid),
    );
  }),
  route('POST', '/workspaces/:workspace_id/project_groups', (context) => {
    const workspace = memberWorkspace(context);
    if (context.state.roleIn(workspace.id, context.user.id) !== 'admin')
      throw new SandboxHttpError(403, 'User does not have access to this resource.');
    const body = bodyObject(context);
    const project = typeof body.project_id === 'number' ? context.state.projects.get(body.project_id) : undefined;
    const found = typeof body.group_id === 'number' ? context.state.groups.get(body.group_id) : undefined;
    if (!project || project.workspace_id !== workspace.id || project.server_deleted_at)
      throw new SandboxHttpError(400, 'Invalid project_id');
    if (!found || found.organization_id !== workspace.organization_id)
      throw new SandboxHttpError(400, 'Invalid group_id');
    const id = context.state.nextId();
    const link = { id, group_id: found.group_id, pid: project.id, wid: workspace.id };
    context.state.projectGroups.set(id, link);
    return link;
  }),
  route('DELETE', '/workspaces/:workspace_id/project_groups/:project_group_id', (context) => {
    const workspace = memberWorkspace(context);
    if (context.state.roleIn(workspace.id, context.user.id) !== 'admin')
      throw new SandboxHttpError(403, 'User does not have access to this resource.');
    const id = idParam(context, 'project_group_id', 'project_group_id');
    const link = context.state.projectGroups.get(id);
    if (!link || link.wid !== workspace.id) throw new SandboxHttpError(404, 'Project group not found');
    context.state.projectGroups.delete(id);
    return undefined;
  }),
];
