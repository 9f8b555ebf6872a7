import type { TogglProject, TogglUser } from '../../src/main/services/toggl/types';
import {
  SandboxHttpError,
  boolParam,
  bodyObject,
  changedSince,
  intParam,
  optionalInteger,
  optionalString,
  route,
  sinceParam,
  type Route,
  type RouteContext,
} from './routing';
import type { SandboxProject, SandboxUser } from './state';
import { recentTimeEntries } from './time-entry-queries';
import { timeEntryView } from './time-entry-view';

function userView(user: SandboxUser): TogglUser {
  return {
    id: user.id,
    email: user.email,
    fullname: user.fullname,
    api_token: user.apiToken,
    at: user.at,
    created_at: user.created_at,
    updated_at: user.at,
    default_workspace_id: user.default_workspace_id,
    beginning_of_week: user.beginning_of_week,
    country_id: user.country_id,
    timezone: user.timezone,
    image_url: 'https://assets.track.toggl.com/images/profile.png',
    has_password: true,
    openid_enabled: false,
    openid_email: null,
  };
}

function myClients(context: RouteContext) {
  const workspaces = new Set(context.state.workspacesOf(context.user.id).map((workspace) => workspace.id));
  return [...context.state.clients.values()].filter(
    (client) => workspaces.has(client.wid) && !client.server_deleted_at,
  );
}

function myProjects(context: RouteContext, includeArchived: boolean, since: number | undefined) {
  return context.state
    .visibleProjects(context.user.id)
    .filter((project) => (since === undefined ? !project.server_deleted_at : changedSince(project, since)))
    .filter((project) => includeArchived || project.active || project.server_deleted_at)
    .sort((a, b) => a.id - b.id);
}

function projectViews(context: RouteContext, projects: SandboxProject[]): TogglProject[] {
  const totals = context.state.projectTotals();
  return projects.map((project) => context.state.projectView(project, totals));
}

function myTasks(context: RouteContext, includeDone: boolean, since: number | undefined) {
  return context.state
    .visibleTasks(context.user.id)
    .filter((task) => (since === undefined ? !task.server_deleted_at : changedSince(task, since)))
    .filter((task) => includeDone || task.active || task.server_deleted_at)
    .sort((a, b) => a.id - b.id);
}

const PLAN_NAMES = { free: 'Free', starter: 'Starter', premium: 'Premium' } as const;

const TIMEZONE = /^[A-Za-z_]+(\/[A-Za-z_+-]+)*$|^UTC$/;

function updateMe(context: RouteContext): TogglUser {
  const body = bodyObject(context);
  const { user, state } = context;
  const fullname = optionalString(body, 'fullname');
  const email = optionalString(body, 'email');
  const timezone = optionalString(body, 'timezone');
  const password = optionalString(body, 'password');
  const currentPassword = optionalString(body, 'current_password');
  const beginningOfWeek = optionalInteger(body, 'beginning_of_week');
  const defaultWorkspace = optionalInteger(body, 'default_workspace_id');
  const country = optionalInteger(body, 'country_id');
  if (fullname !== undefined && (fullname.trim() === '' || fullname.length > 100))
    throw new SandboxHttpError(400, 'Invalid fullname');
  if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new SandboxHttpError(400, 'Invalid email');
  if (email !== undefined && state.userByEmail(email) && state.userByEmail(email)?.id !== user.id) {
    throw new SandboxHttpError(400, 'user with this email already exists');
  }
  if (timezone !== undefined && !TIMEZONE.test(timezone)) throw new SandboxHttpError(400, 'Invalid timezone');
  if (beginningOfWeek !== undefined && (beginningOfWeek === null || beginningOfWeek > 6)) {
    throw new SandboxHttpError(400, 'Invalid beginning_of_week');
  }
  if (defaultWorkspace !== undefined && (defaultWorkspace === null || !state.roleIn(defaultWorkspace, user.id))) {
    throw new SandboxHttpError(400, 'Invalid default_workspace_id');
  }
  if (country === null) throw new SandboxHttpError(400, 'Invalid country_id');
  if (password !== undefined) {
    if (currentPassword === undefined)
      throw new SandboxHttpError(400, 'Current password must be present to change password');
    if (currentPassword !== user.password) throw new SandboxHttpError(400, 'Current password is not valid');
    if (password.length < 6) throw new SandboxHttpError(400, 'Password should be at least 6 characters');
    user.password = password;
  }
  if (fullname !== undefined) user.fullname = fullname.trim();
  if (email !== undefined) user.email = email;
  if (timezone !== undefined) user.timezone = timezone;
  if (beginningOfWeek !== undefined) user.beginning_of_week = beginningOfWeek;
  if (defaultWorkspace !== undefined) user.default_workspace_id = defaultWorkspace;
  if (country !== undefined) user.country_id = country;
  user.at = state.stamp();
  return userView(user);
}

/** /me and /me/* (seed 004). */
export const meRoutes: Route[] = [
  route('GET', '/me', (context) => {
    const user = userView(context.user);
    if (!boolParam(context, 'with_related_data', false)) return user;
    const { state } = context;
    const workspaces = state
      .workspacesOf(context.user.id)
      .map((workspace) => state.workspaceFor(workspace, context.user.id));
    const tags = [...state.tags.values()].filter((tag) =>
      workspaces.some((workspace) => workspace.id === tag.workspace_id),
    );
    const clients = myClients(context);
    const tasks = myTasks(context, true, undefined).map((task) => state.taskView(task));
    const timeEntries = recentTimeEntries(state, context.user.id, context.now).map((entry) =>
      timeEntryView(state, entry),
    );
    // As recorded: Toggl leaves `clients` and `tasks` out when there are none (not [] or null);
    // `time_entries` is assumed to do the same (every recorded answer had some).
    return {
      ...user,
      ...(clients.length > 0 && { clients }),
      projects: projectViews(context, myProjects(context, true, undefined)),
      ...(tasks.length > 0 && { tasks }),
      tags,
      workspaces,
      ...(timeEntries.length > 0 && { time_entries: timeEntries }),
    };
  }),
  route('PUT', '/me', updateMe),
  route('GET', '/me/clients', (context) => {
    const since = sinceParam(context);
    return myClients(context).filter((client) => since === undefined || changedSince(client, since));
  }),
  route('GET', '/me/features', (context) =>
    context.state.workspacesOf(context.user.id).map((workspace) => ({
      workspace_id: workspace.id,
      features: [
        { feature_id: 1, name: 'tasks', enabled: workspace.premium },
        { feature_id: 2, name: 'pro_project_colors', enabled: workspace.premium },
      ],
    })),
  ),
  route('GET', '/me/location', () => ({ city: 'Tallinn', country_code: 'EE', country_name: 'Estonia', state: '' })),
  route('GET', '/me/logged', () => undefined),
  route('GET', '/me/organizations', (context) =>
    [...context.state.organizations.values()]
      .filter((organization) => organization.members.has(context.user.id))
      .map((organization) => ({
        id: organization.id,
        name: organization.name,
        admin: organization.members.get(context.user.id) === true,
        owner: organization.ownerId === context.user.id,
        at: organization.at,
        created_at: organization.created_at,
        pricing_plan_id: { free: 0, starter: 1, premium: 2 }[organization.plan],
        pricing_plan_name: PLAN_NAMES[organization.plan],
        max_workspaces: organization.plan === 'free' ? 1 : 20,
        user_count: organization.members.size,
        is_multi_workspace_enabled: true,
        permissions: null,
      })),
  ),
  route('GET', '/me/projects', (context) => {
    const raw = context.query.get('include_archived');
    if (raw !== null && raw !== '' && raw !== 'true' && raw !== 'false')
      throw new SandboxHttpError(400, 'Invalid include_archived');
    return projectViews(context, myProjects(context, raw === 'true', sinceParam(context)));
  }),
  route('GET', '/me/projects/paginated', (context) => {
    const start = intParam(context, 'start_project_id', 0);
    const perPage = Math.max(1, intParam(context, 'per_page', 201, 1000));
    const page = myProjects(context, true, sinceParam(context))
      .filter((project) => project.id >= start)
      .slice(0, perPage);
    return projectViews(context, page);
  }),
  route('GET', '/me/tags', (context) => {
    const since = sinceParam(context);
    const workspaces = new Set(context.state.workspacesOf(context.user.id).map((workspace) => workspace.id));
    return [...context.state.tags.values()].filter(
      (tag) => workspaces.has(tag.workspace_id) && (since === undefined || changedSince(tag, since)),
    );
  }),
  route('GET', '/me/tasks', (context) => {
    const raw = context.query.get('include_not_active');
    if (raw !== null && raw !== '' && raw !== 'true' && raw !== 'false')
      throw new SandboxHttpError(400, 'Invalid include_not_active');
    const all = myTasks(context, raw === 'true', sinceParam(context));
    const offset = intParam(context, 'offset', 0);
    const perPage = intParam(context, 'per_page', all.length);
    return all.slice(offset, offset + perPage).map((task) => context.state.taskView(task));
  }),
];
