import type { TogglTask } from '../../src/main/services/toggl/types';
import { addTask } from './builders';
import { TASK_NAME_MAX, requireProjectEditor } from './project-rules';
import {
  SandboxHttpError,
  bodyObject,
  changedSince,
  idList,
  idParam,
  intParam,
  memberWorkspace,
  optionalBoolean,
  optionalInteger,
  optionalString,
  patchOperations,
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

const ARCHIVED = 'Can not change tasks of archived project';

interface TaskChanges {
  name?: string;
  active?: boolean;
  estimated_seconds?: number | null;
  user_id?: number | null;
}

function taskChanges(
  context: RouteContext,
  project: SandboxProject,
  body: Record<string, unknown>,
  existing: TogglTask | undefined,
): TaskChanges {
  if (!project.active) throw new SandboxHttpError(400, ARCHIVED);
  const changes: TaskChanges = {};
  const name = optionalString(body, 'name');
  if (name !== undefined || !existing) {
    const trimmed = (name ?? '').trim();
    if (!trimmed) throw new SandboxHttpError(400, 'Task name must not be empty');
    if (trimmed.length > TASK_NAME_MAX)
      throw new SandboxHttpError(400, `Task name must be at most ${TASK_NAME_MAX} characters`);
    for (const other of context.state.tasks.values()) {
      if (
        other.id !== existing?.id &&
        other.project_id === project.id &&
        !other.server_deleted_at &&
        other.name.toLowerCase() === trimmed.toLowerCase()
      ) {
        throw new SandboxHttpError(400, 'Task name has already been taken');
      }
    }
    changes.name = trimmed;
  }
  const active = optionalBoolean(body, 'active');
  if (active !== undefined) changes.active = active;
  const estimate = optionalInteger(body, 'estimated_seconds');
  if (estimate !== undefined) changes.estimated_seconds = estimate;
  const userId = optionalInteger(body, 'user_id');
  if (userId !== undefined) {
    if (userId !== null && !context.state.roleIn(project.workspace_id, userId))
      throw new SandboxHttpError(400, 'Invalid user_id');
    changes.user_id = userId;
  }
  return changes;
}

function visibleTask(context: RouteContext, project: SandboxProject): TogglTask {
  const task = context.state.tasks.get(idParam(context, 'task_id', 'task_id'));
  if (!task || task.project_id !== project.id || task.server_deleted_at)
    throw new SandboxHttpError(400, 'Invalid task_id');
  return task;
}

function editableProject(context: RouteContext): SandboxProject {
  const project = visibleProject(context, memberWorkspace(context));
  requireProjectEditor(context, project);
  return project;
}

/**
 * Tasks are a paid feature: other clients report a 402 when they use them on a Free workspace
 * (Toggl's exact words are not in any recording, so these are ours).
 */
function requirePaidPlan(context: RouteContext): void {
  if (!memberWorkspace(context).premium) throw new SandboxHttpError(402, 'Tasks are available only on paid plans');
}

function workspaceTasks(context: RouteContext) {
  const workspace = memberWorkspace(context);
  const since = sinceParam(context);
  const page = Math.max(1, intParam(context, 'page', 1));
  const perPage = Math.max(1, intParam(context, 'per_page', 50, 200));
  const active = context.query.get('active') ?? 'true';
  if (!['true', 'false', 'both'].includes(active)) throw new SandboxHttpError(400, 'Invalid active');
  const pid = context.query.get('pid');
  const sortField = context.query.get('sort_field') === 'created_at' ? 'created_at' : 'name';
  const sortOrder = (context.query.get('sort_order') ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const matching = context.state
    .visibleTasks(context.user.id)
    .filter((task) => task.workspace_id === workspace.id)
    .filter((task) => (since === undefined ? !task.server_deleted_at : changedSince(task, since)))
    .filter((task) => active === 'both' || String(task.active) === active || task.server_deleted_at)
    .filter((task) => pid === null || String(task.project_id) === pid)
    .sort((a, b) => {
      const order = sortField === 'name' ? byName(a.name, b.name) : a.id - b.id;
      return (sortOrder === 'DESC' ? -1 : 1) * (order || a.id - b.id);
    });
  return {
    data: matching.slice((page - 1) * perPage, page * perPage).map((task) => context.state.taskView(task)),
    page,
    per_page: perPage,
    sort_field: sortField,
    sort_order: sortOrder,
    total_count: matching.length,
  };
}

/** Project tasks and workspace tasks (seed 002). */
export const taskRoutes: Route[] = [
  route('GET', '/workspaces/:workspace_id/projects/:project_id/tasks', (context) => {
    const project = visibleProject(context, memberWorkspace(context));
    return [...context.state.tasks.values()]
      .filter((task) => task.project_id === project.id && !task.server_deleted_at)
      .map((task) => context.state.taskView(task));
  }),
  route('POST', '/workspaces/:workspace_id/projects/:project_id/tasks', (context) => {
    const project = editableProject(context);
    requirePaidPlan(context);
    const changes = taskChanges(context, project, bodyObject(context), undefined);
    // Seed 002: "Creator ID, if omitted, will use requester user ID"; null says no one.
    const userId = changes.user_id === undefined ? context.user.id : changes.user_id;
    const task = addTask(context.state, project, { name: changes.name ?? '', userId });
    Object.assign(task, changes, { user_id: userId });
    return context.state.taskView(task);
  }),
  route('PATCH', '/workspaces/:workspace_id/projects/:project_id/tasks/:task_ids', (context) => {
    const project = editableProject(context);
    const operations = patchOperations(context);
    return bulkPatch(idList(context.params.task_ids, 'task IDs'), (id) => {
      const task = context.state.tasks.get(id);
      if (!task || task.project_id !== project.id || task.server_deleted_at)
        throw new SandboxHttpError(400, 'Invalid task_id');
      Object.assign(task, taskChanges(context, project, replaceBody(operations), task), { at: context.state.stamp() });
    });
  }),
  route('GET', '/workspaces/:workspace_id/projects/:project_id/tasks/:task_id', (context) => {
    const project = visibleProject(context, memberWorkspace(context));
    return context.state.taskView(visibleTask(context, project));
  }),
  route('PUT', '/workspaces/:workspace_id/projects/:project_id/tasks/:task_id', (context) => {
    const project = editableProject(context);
    const task = visibleTask(context, project);
    Object.assign(task, taskChanges(context, project, bodyObject(context), task), { at: context.state.stamp() });
    return context.state.taskView(task);
  }),
  route('DELETE', '/workspaces/:workspace_id/projects/:project_id/tasks/:task_id', (context) => {
    const project = editableProject(context);
    const task = visibleTask(context, project);
    task.server_deleted_at = context.state.stamp();
    task.at = task.server_deleted_at;
    return undefined;
  }),
  route('GET', '/workspaces/:workspace_id/tasks', workspaceTasks),
];
