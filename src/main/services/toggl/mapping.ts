import type {
  CachedClient,
  CachedProject,
  CachedTask,
  CachedWorkspace,
  ProjectChanges,
  TaskChanges,
} from '../../../shared/entities';
import type {
  TogglClient,
  TogglProject,
  TogglProjectUpdate,
  TogglTask,
  TogglTaskUpdate,
  TogglWorkspace,
} from './types';

/** Toggl's shapes → the app's trimmed ones. */
export function toWorkspace(workspace: TogglWorkspace): CachedWorkspace {
  const role = workspace.role ?? (workspace.admin ? 'admin' : 'user');
  return {
    id: workspace.id,
    organizationId: workspace.organization_id,
    name: workspace.name,
    role,
    admin: workspace.admin || role === 'admin',
    premium: workspace.premium || workspace.business_ws,
    onlyAdminsMayCreateProjects: workspace.only_admins_may_create_projects,
    at: workspace.at,
  };
}

export function toClient(client: TogglClient): CachedClient {
  return { id: client.id, wid: client.wid, name: client.name, archived: client.archived, at: client.at };
}

export function toProject(project: TogglProject): CachedProject {
  return {
    id: project.id,
    wid: project.workspace_id,
    cid: project.client_id ?? project.cid ?? null,
    name: project.name,
    color: project.color,
    active: project.active,
    isPrivate: project.is_private,
    billable: project.billable ?? false,
    at: project.at,
  };
}

export function toTask(task: TogglTask): CachedTask {
  return {
    id: task.id,
    wid: task.workspace_id,
    pid: task.project_id,
    name: task.name,
    active: task.active,
    estimatedSeconds: task.estimated_seconds,
    trackedMs: task.tracked_seconds,
    at: task.at,
  };
}

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
