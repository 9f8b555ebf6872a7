import type { TogglClient, TogglTask } from '../../src/main/services/toggl/types';
import { TOGGL_PALETTE, type Plan, type Role, type SandboxProject, type SandboxState, type SandboxUser } from './state';

/** Small constructors for the sandbox's entities, used by the fixture and the generator. */
export function addUser(
  state: SandboxState,
  fields: { email: string; password: string; apiToken: string; fullname: string },
): SandboxUser {
  const user: SandboxUser = {
    id: state.nextId(),
    ...fields,
    timezone: 'Europe/Tallinn',
    beginning_of_week: 1,
    default_workspace_id: 0,
    country_id: null,
    created_at: state.stamp(),
    at: state.stamp(),
  };
  state.users.set(user.id, user);
  return user;
}

export function addOrganization(state: SandboxState, name: string, plan: Plan, owner: SandboxUser): number {
  const id = state.nextId();
  state.organizations.set(id, {
    id,
    name,
    plan,
    created_at: state.stamp(),
    at: state.stamp(),
    members: new Map([[owner.id, true]]),
    ownerId: owner.id,
  });
  return id;
}

export function addWorkspace(
  state: SandboxState,
  organizationId: number,
  name: string,
  members: [SandboxUser, Role][],
  settings: { only_admins_may_create_projects?: boolean } = {},
): number {
  const organization = state.organizations.get(organizationId);
  if (!organization) throw new Error(`no organization ${organizationId}`);
  const id = state.nextId();
  state.workspaces.set(id, {
    id,
    organization_id: organizationId,
    name,
    at: state.stamp(),
    premium: organization.plan !== 'free',
    business_ws: organization.plan === 'premium',
    only_admins_may_create_projects: settings.only_admins_may_create_projects ?? false,
    only_admins_may_create_tags: false,
    projects_billable_by_default: false,
    projects_private_by_default: false,
    default_currency: 'EUR',
    permissions: null,
    members: new Map(members.map(([user, role]) => [user.id, role])),
  });
  for (const [user] of members) {
    if (!organization.members.has(user.id)) organization.members.set(user.id, false);
    if (!user.default_workspace_id) user.default_workspace_id = id;
  }
  return id;
}

export function addClient(
  state: SandboxState,
  workspaceId: number,
  name: string,
  creatorId: number,
  archived = false,
): TogglClient {
  const client: TogglClient = {
    id: state.nextId(),
    wid: workspaceId,
    name,
    archived,
    at: state.stamp(),
    creator_id: creatorId,
    notes: null,
    permissions: null,
  };
  state.clients.set(client.id, client);
  return client;
}

export function addProject(
  state: SandboxState,
  workspaceId: number,
  fields: {
    name: string;
    creatorId: number;
    clientId?: number | null;
    active?: boolean;
    color?: string;
    isPrivate?: boolean;
    billable?: boolean;
  },
): SandboxProject {
  const id = state.nextId();
  const project: SandboxProject = {
    id,
    workspace_id: workspaceId,
    wid: workspaceId,
    client_id: fields.clientId ?? null,
    cid: fields.clientId ?? null,
    name: fields.name,
    active: fields.active ?? true,
    is_private: fields.isPrivate ?? false,
    billable: fields.billable ?? false,
    color: fields.color ?? TOGGL_PALETTE[id % TOGGL_PALETTE.length] ?? '#06aaf5',
    at: state.stamp(),
    created_at: state.stamp(),
    estimated_hours: null,
    estimated_seconds: null,
    actual_hours: 0,
    actual_seconds: 0,
    currency: null,
    template: false,
    // As the recordings have them: no end date key until one is set, the start the day it was made.
    template_id: null,
    auto_estimates: null,
    start_date: state.stamp().slice(0, 10),
    rate: null,
    fixed_fee: null,
    recurring: false,
    recurring_parameters: null,
    permissions: null,
    can_track_time: true,
    pinned: false,
    server_deleted_at: null,
    creator_id: fields.creatorId,
  };
  state.projects.set(id, project);
  return project;
}

export function addTask(
  state: SandboxState,
  project: SandboxProject,
  fields: {
    name: string;
    active?: boolean;
    estimatedSeconds?: number | null;
    trackedMs?: number;
    userId?: number | null;
  },
): TogglTask {
  const task: TogglTask = {
    id: state.nextId(),
    workspace_id: project.workspace_id,
    project_id: project.id,
    name: fields.name,
    active: fields.active ?? true,
    at: state.stamp(),
    estimated_seconds: fields.estimatedSeconds ?? null,
    tracked_seconds: fields.trackedMs ?? 0,
    user_id: fields.userId ?? null,
    recurring: false,
    permissions: null,
    server_deleted_at: null,
  };
  state.tasks.set(task.id, task);
  return task;
}

export function addProjectUser(state: SandboxState, project: SandboxProject, userId: number, manager = false): number {
  const id = state.nextId();
  state.projectUsers.set(id, {
    id,
    project_id: project.id,
    user_id: userId,
    workspace_id: project.workspace_id,
    manager,
    rate: null,
    labor_cost: null,
    group_id: null,
    gid: null,
    rate_last_updated: null,
    labor_cost_last_updated: null,
    at: state.stamp(),
  });
  return id;
}
