import { addProject, addProjectUser, addTask } from './builders';
import { applyProjectChanges, projectChanges, requireProjectEditor } from './project-rules';
import { applyProjectUserChanges, projectUserChanges } from './project-user-rules';
import {
  SandboxHttpError,
  bodyObject,
  changedSince,
  idList,
  idParam,
  intParam,
  memberWorkspace,
  patchOperations,
  projectSeenBy,
  bulkPatch,
  byName,
  replaceBody,
  route,
  sinceParam,
  visibleProject,
  type Route,
  type RouteContext,
} from './routing';
import type { SandboxProject } from './state';

const PATCHABLE = new Set(['/active', '/name', '/color', '/billable', '/is_private', '/client_id', '/estimated_hours']);

function deleteProject(context: RouteContext, project: SandboxProject): void {
  const stamp = context.state.stamp();
  project.server_deleted_at = stamp;
  project.at = stamp;
  for (const task of context.state.tasks.values()) {
    if (task.project_id === project.id && !task.server_deleted_at) {
      task.server_deleted_at = stamp;
      task.at = stamp;
    }
  }
}

function listProjects(context: RouteContext) {
  const workspace = memberWorkspace(context);
  const active = context.query.get('active') ?? 'true';
  if (!['true', 'false', 'both'].includes(active)) throw new SandboxHttpError(400, 'Invalid active');
  const since = sinceParam(context);
  const name = context.query.get('name')?.toLowerCase();
  const clientIds = context.query.get('client_ids');
  const clients = clientIds ? new Set(idList(clientIds, 'client IDs')) : undefined;
  const page = Math.max(1, intParam(context, 'page', 1));
  const perPage = Math.max(1, intParam(context, 'per_page', intParam(context, 'perPage', 151), 200));
  const order = (context.query.get('sort_order') ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
  const field = context.query.get('sort_field') === 'created_at' ? 'created_at' : 'name';
  const totals = context.state.projectTotals();
  return context.state
    .visibleProjects(context.user.id)
    .filter((project) => project.workspace_id === workspace.id)
    .filter((project) => (since === undefined ? !project.server_deleted_at : changedSince(project, since)))
    .filter((project) => active === 'both' || String(project.active) === active || project.server_deleted_at)
    .filter((project) => !name || project.name.toLowerCase().includes(name))
    .filter((project) => !clients || (project.client_id !== null && clients.has(project.client_id)))
    .sort(
      (a, b) =>
        order * ((field === 'name' ? byName(a.name, b.name) : a.created_at.localeCompare(b.created_at)) || a.id - b.id),
    )
    .slice((page - 1) * perPage, page * perPage)
    .map((project) => context.state.projectView(project, totals));
}

function createProject(context: RouteContext) {
  const workspace = memberWorkspace(context);
  if (!context.state.canCreateProject(workspace.id, context.user.id)) {
    throw new SandboxHttpError(403, 'Only workspace admins may create projects in this workspace');
  }
  const body = bodyObject(context);
  const changes = projectChanges(context, workspace, body, undefined);
  const project = addProject(context.state, workspace.id, {
    name: changes.name ?? '',
    creatorId: context.user.id,
    isPrivate: changes.is_private ?? workspace.projects_private_by_default,
  });
  applyProjectChanges(context, project, changes);
  if (context.state.roleIn(workspace.id, context.user.id) !== 'admin') {
    addProjectUser(context.state, project, context.user.id, true);
  }
  if (changes.template_id !== undefined) copyTemplate(context, changes.template_id, project);
  return context.state.projectView(project);
}

/** A project made from a template gets its tasks (open ones, nothing tracked) and its members (seed 000). */
function copyTemplate(context: RouteContext, templateId: number, project: SandboxProject): void {
  const { state } = context;
  for (const task of [...state.tasks.values()]) {
    if (task.project_id !== templateId || task.server_deleted_at || !task.active) continue;
    addTask(state, project, { name: task.name, estimatedSeconds: task.estimated_seconds });
  }
  for (const member of [...state.projectUsers.values()]) {
    if (member.project_id === templateId && !state.isProjectMember(project.id, member.user_id))
      addProjectUser(state, project, member.user_id, member.manager);
  }
}

/** PATCH with a JSON-Patch array: each project succeeds or fails on its own. */
function bulkPatchProjects(context: RouteContext) {
  const workspace = memberWorkspace(context);
  const ids = idList(context.params.project_ids, 'project IDs');
  const operations = patchOperations(context);
  return bulkPatch(ids, (id) => {
    const project = projectSeenBy(context, workspace, id);
    requireProjectEditor(context, project);
    const body = replaceBody(operations, PATCHABLE);
    applyProjectChanges(context, project, projectChanges(context, workspace, body, project));
  });
}

function projectUsers(context: RouteContext) {
  const workspace = memberWorkspace(context);
  const projectIds = context.query.get('project_ids');
  const projects = projectIds ? new Set(idList(projectIds, 'project IDs')) : undefined;
  const userId = context.query.get('user_id');
  return [...context.state.projectUsers.values()].filter(
    (member) =>
      member.workspace_id === workspace.id &&
      (!projects || projects.has(member.project_id)) &&
      (userId === null || String(member.user_id) === userId),
  );
}

/** Members of a project are managed by workspace admins and that project's managers. */
function requireMemberManager(context: RouteContext, projectId: number | undefined): void {
  const project = projectId === undefined ? undefined : context.state.projects.get(projectId);
  if (!project || !context.state.canEditProject(project, context.user.id)) {
    throw new SandboxHttpError(403, 'User does not have access to this resource.');
  }
}

/** Workspace projects and project users (seed 000). */
export const projectRoutes: Route[] = [
  route('GET', '/workspaces/:workspace_id/projects', listProjects),
  route('POST', '/workspaces/:workspace_id/projects', createProject),
  route('PATCH', '/workspaces/:workspace_id/projects/:project_ids', bulkPatchProjects),
  route('GET', '/workspaces/:workspace_id/projects/:project_id', (context) =>
    context.state.projectView(visibleProject(context, memberWorkspace(context))),
  ),
  route('PUT', '/workspaces/:workspace_id/projects/:project_id', (context) => {
    const workspace = memberWorkspace(context);
    const project = visibleProject(context, workspace);
    requireProjectEditor(context, project);
    applyProjectChanges(context, project, projectChanges(context, workspace, bodyObject(context), project));
    return context.state.projectView(project);
  }),
  route('DELETE', '/workspaces/:workspace_id/projects/:project_id', (context) => {
    const workspace = memberWorkspace(context);
    // Toggl's OpenAPI document lists 400 "Invalid project_id" for a project it does not have.
    const known = context.state.projects.get(Number(context.params.project_id));
    if (!known || known.server_deleted_at || known.workspace_id !== workspace.id)
      throw new SandboxHttpError(400, 'Invalid project_id');
    const project = visibleProject(context, workspace);
    requireProjectEditor(context, project);
    const mode = context.query.get('teDeletionMode');
    if (mode !== null && mode !== 'delete' && mode !== 'unassign')
      throw new SandboxHttpError(400, 'Invalid teDeletionMode');
    deleteProject(context, project);
    return undefined;
  }),

  route('GET', '/workspaces/:workspace_id/project_users', projectUsers),
  route('POST', '/workspaces/:workspace_id/project_users', (context) => {
    const workspace = memberWorkspace(context);
    const body = bodyObject(context);
    const project = typeof body.project_id === 'number' ? context.state.projects.get(body.project_id) : undefined;
    if (!project || project.workspace_id !== workspace.id || project.server_deleted_at)
      throw new SandboxHttpError(400, 'Invalid project_id');
    requireMemberManager(context, project.id);
    if (typeof body.user_id !== 'number' || !workspace.members.has(body.user_id))
      throw new SandboxHttpError(400, 'Invalid user_id');
    if (context.state.isProjectMember(project.id, body.user_id))
      throw new SandboxHttpError(400, 'User is already a member of the project');
    const changes = projectUserChanges(context, workspace, body, 'body');
    const member = context.state.projectUsers.get(addProjectUser(context.state, project, body.user_id));
    if (!member) throw new Error('the member just added is missing');
    applyProjectUserChanges(context, member, changes);
    return member;
  }),
  route('PATCH', '/workspaces/:workspace_id/project_users/:project_user_ids', (context) => {
    const workspace = memberWorkspace(context);
    const operations = patchOperations(context);
    return bulkPatch(idList(context.params.project_user_ids, 'user IDs'), (id) => {
      const member = context.state.projectUsers.get(id);
      if (!member || member.workspace_id !== workspace.id)
        throw new SandboxHttpError(404, 'Project user not found/accessible');
      requireMemberManager(context, member.project_id);
      applyProjectUserChanges(
        context,
        member,
        projectUserChanges(context, workspace, replaceBody(operations), 'patch'),
      );
    });
  }),
  route('PUT', '/workspaces/:workspace_id/project_users/:project_user_id', (context) => {
    const workspace = memberWorkspace(context);
    const member = context.state.projectUsers.get(idParam(context, 'project_user_id', 'project_user_id'));
    if (!member || member.workspace_id !== workspace.id)
      throw new SandboxHttpError(404, 'Project user not found/accessible');
    requireMemberManager(context, member.project_id);
    const body = bodyObject(context);
    if (Object.keys(body).length === 0) throw new SandboxHttpError(400, 'Missing data');
    applyProjectUserChanges(context, member, projectUserChanges(context, workspace, body, 'body'));
    return member;
  }),
  route('DELETE', '/workspaces/:workspace_id/project_users/:project_user_id', (context) => {
    const workspace = memberWorkspace(context);
    const id = idParam(context, 'project_user_id', 'project_user_id');
    const member = context.state.projectUsers.get(id);
    if (!member || member.workspace_id !== workspace.id)
      throw new SandboxHttpError(404, 'Project user not found/accessible');
    requireMemberManager(context, member.project_id);
    context.state.projectUsers.delete(id);
    return undefined;
  }),
];
