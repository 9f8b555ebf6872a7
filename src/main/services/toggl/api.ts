import { TogglApiError } from './errors';
import { TogglHttp, type Credentials, type RequestOptions, type TogglHttpOptions } from './http';
import type {
  ActiveFilter,
  BulkPatchResult,
  JsonPatchOperation,
  TogglClient,
  TogglFeatures,
  TogglGroup,
  TogglGroupBody,
  TogglLocation,
  TogglMeUpdate,
  TogglMeWithRelated,
  TogglOrganization,
  TogglProject,
  TogglProjectCreate,
  TogglProjectGroup,
  TogglProjectUpdate,
  TogglProjectUser,
  TogglProjectUserCreate,
  TogglProjectUserUpdate,
  TogglTag,
  TogglTask,
  TogglTaskCreate,
  TogglTaskUpdate,
  TogglUser,
  TogglWorkspaceTasksPage,
} from './types';

/** The seed pages describe list answers as `items`; the live API sends bare arrays. Take both. */
export function asList<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items)) {
    return (value as { items: T[] }).items;
  }
  return [];
}

const ids = (list: readonly number[]): string => list.map((id) => String(Math.trunc(id))).join(',');

type Signal = Pick<RequestOptions, 'signal'>;

export interface WorkspaceProjectsQuery {
  active?: ActiveFilter;
  billable?: boolean;
  name?: string;
  page?: number;
  per_page?: number;
  since?: number;
  sort_field?: string;
  sort_order?: 'ASC' | 'DESC';
  client_ids?: readonly number[];
  only_templates?: boolean;
}

export interface WorkspaceTasksQuery {
  since?: number;
  page?: number;
  per_page?: number;
  sort_order?: 'ASC' | 'DESC';
  sort_field?: 'name' | 'created_at';
  active?: ActiveFilter;
  pid?: number;
  start_date?: string;
  end_date?: string;
}

/**
 * Typed methods for every Toggl API v9 endpoint in ../shared/seeds, built on TogglHttp.
 * Updates use PUT (shared/toggl-api-notes.md), bulk edits a JSON-Patch array.
 */
export class TogglApi {
  readonly http: TogglHttp;

  constructor(options: TogglHttpOptions | TogglHttp) {
    this.http = options instanceof TogglHttp ? options : new TogglHttp(options);
  }

  get quota(): TogglHttp['quota'] {
    return this.http.quota;
  }

  setCredentials(credentials: Credentials | undefined): void {
    this.http.setCredentials(credentials);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /**
   * Is the API reachable? A request to the API root: any HTTP answer means yes. No quota
   * bucket counts it, so it is the cheap way to notice that the network is back.
   */
  async ping(options: Signal = {}): Promise<boolean> {
    try {
      await this.http.request('GET', '/', { ...options, anonymous: true, retries: 0 });
      return true;
    } catch (error) {
      if (error instanceof TogglApiError)
        return !['offline', 'connection-lost', 'timeout', 'aborted'].includes(error.kind);
      throw error;
    }
  }

  // ── Me ────────────────────────────────────────────────────────────────────────────────

  getMe(options: Signal & { credentials?: Credentials } = {}): Promise<TogglUser> {
    return this.http.request('GET', '/me', options);
  }

  getMeWithRelatedData(options: Signal = {}): Promise<TogglMeWithRelated> {
    return this.http.request('GET', '/me', { ...options, query: { with_related_data: true } });
  }

  updateMe(body: TogglMeUpdate, options: Signal = {}): Promise<TogglUser> {
    return this.http.request('PUT', '/me', { ...options, body });
  }

  async getMyClients(query: { since?: number } = {}, options: Signal = {}): Promise<TogglClient[]> {
    return asList(await this.http.request('GET', '/me/clients', { ...options, query }));
  }

  async getMyFeatures(options: Signal = {}): Promise<TogglFeatures[]> {
    return asList(await this.http.request('GET', '/me/features', options));
  }

  async getMyLocation(options: Signal = {}): Promise<TogglLocation> {
    // "If no data is present, empty response will be yielded" (seed 004).
    return (await this.http.request<TogglLocation | undefined>('GET', '/me/location', options)) ?? {};
  }

  /** GET /me/logged: true when the credentials work. */
  async isLoggedIn(options: Signal = {}): Promise<boolean> {
    await this.http.request('GET', '/me/logged', options);
    return true;
  }

  async getMyOrganizations(options: Signal = {}): Promise<TogglOrganization[]> {
    return asList(await this.http.request('GET', '/me/organizations', options));
  }

  async getMyProjects(
    query: { include_archived?: boolean; since?: number } = {},
    options: Signal = {},
  ): Promise<TogglProject[]> {
    return asList(await this.http.request('GET', '/me/projects', { ...options, query }));
  }

  async getMyProjectsPaginated(
    query: { start_project_id?: number; since?: number; per_page?: number } = {},
    options: Signal = {},
  ): Promise<TogglProject[]> {
    return asList(await this.http.request('GET', '/me/projects/paginated', { ...options, query }));
  }

  async getMyTags(query: { since?: number } = {}, options: Signal = {}): Promise<TogglTag[]> {
    return asList(await this.http.request('GET', '/me/tags', { ...options, query }));
  }

  async getMyTasks(
    query: { since?: number; include_not_active?: boolean; offset?: number; per_page?: number; meta?: boolean } = {},
    options: Signal = {},
  ): Promise<TogglTask[]> {
    return asList(await this.http.request('GET', '/me/tasks', { ...options, query }));
  }

  // ── Workspace projects ────────────────────────────────────────────────────────────────

  async listProjects(
    workspaceId: number,
    query: WorkspaceProjectsQuery = {},
    options: Signal = {},
  ): Promise<TogglProject[]> {
    const { client_ids, ...rest } = query;
    return asList(
      await this.http.request('GET', `/workspaces/${workspaceId}/projects`, {
        ...options,
        query: { ...rest, client_ids: client_ids ? ids(client_ids) : undefined },
      }),
    );
  }

  createProject(workspaceId: number, body: TogglProjectCreate, options: Signal = {}): Promise<TogglProject> {
    return this.http.request('POST', `/workspaces/${workspaceId}/projects`, { ...options, body });
  }

  getProject(workspaceId: number, projectId: number, options: Signal = {}): Promise<TogglProject> {
    return this.http.request('GET', `/workspaces/${workspaceId}/projects/${projectId}`, options);
  }

  updateProject(
    workspaceId: number,
    projectId: number,
    body: TogglProjectUpdate,
    options: Signal = {},
  ): Promise<TogglProject> {
    return this.http.request('PUT', `/workspaces/${workspaceId}/projects/${projectId}`, { ...options, body });
  }

  async deleteProject(
    workspaceId: number,
    projectId: number,
    query: { teDeletionMode?: 'delete' | 'unassign' } = {},
    options: Signal = {},
  ): Promise<void> {
    await this.http.request('DELETE', `/workspaces/${workspaceId}/projects/${projectId}`, { ...options, query });
  }

  bulkPatchProjects(
    workspaceId: number,
    projectIds: readonly number[],
    operations: JsonPatchOperation[],
    options: Signal = {},
  ): Promise<BulkPatchResult> {
    return this.http.request('PATCH', `/workspaces/${workspaceId}/projects/${ids(projectIds)}`, {
      ...options,
      body: operations,
    });
  }

  // ── Project users ─────────────────────────────────────────────────────────────────────

  async listProjectUsers(
    workspaceId: number,
    query: { project_ids?: readonly number[]; user_id?: number } = {},
    options: Signal = {},
  ): Promise<TogglProjectUser[]> {
    const { project_ids, user_id } = query;
    return asList(
      await this.http.request('GET', `/workspaces/${workspaceId}/project_users`, {
        ...options,
        query: { project_ids: project_ids ? ids(project_ids) : undefined, user_id },
      }),
    );
  }

  addProjectUser(workspaceId: number, body: TogglProjectUserCreate, options: Signal = {}): Promise<TogglProjectUser> {
    return this.http.request('POST', `/workspaces/${workspaceId}/project_users`, { ...options, body });
  }

  patchProjectUsers(
    workspaceId: number,
    projectUserIds: readonly number[],
    operations: JsonPatchOperation[],
    options: Signal = {},
  ): Promise<BulkPatchResult> {
    return this.http.request('PATCH', `/workspaces/${workspaceId}/project_users/${ids(projectUserIds)}`, {
      ...options,
      body: operations,
    });
  }

  updateProjectUser(
    workspaceId: number,
    projectUserId: number,
    body: TogglProjectUserUpdate,
    options: Signal = {},
  ): Promise<TogglProjectUser> {
    return this.http.request('PUT', `/workspaces/${workspaceId}/project_users/${projectUserId}`, { ...options, body });
  }

  async deleteProjectUser(workspaceId: number, projectUserId: number, options: Signal = {}): Promise<void> {
    await this.http.request('DELETE', `/workspaces/${workspaceId}/project_users/${projectUserId}`, options);
  }

  // ── Tasks ─────────────────────────────────────────────────────────────────────────────

  async listProjectTasks(workspaceId: number, projectId: number, options: Signal = {}): Promise<TogglTask[]> {
    return asList(await this.http.request('GET', `/workspaces/${workspaceId}/projects/${projectId}/tasks`, options));
  }

  createTask(workspaceId: number, projectId: number, body: TogglTaskCreate, options: Signal = {}): Promise<TogglTask> {
    return this.http.request('POST', `/workspaces/${workspaceId}/projects/${projectId}/tasks`, { ...options, body });
  }

  bulkPatchTasks(
    workspaceId: number,
    projectId: number,
    taskIds: readonly number[],
    operations: JsonPatchOperation[],
    options: Signal = {},
  ): Promise<BulkPatchResult> {
    return this.http.request('PATCH', `/workspaces/${workspaceId}/projects/${projectId}/tasks/${ids(taskIds)}`, {
      ...options,
      body: operations,
    });
  }

  getTask(workspaceId: number, projectId: number, taskId: number, options: Signal = {}): Promise<TogglTask> {
    return this.http.request('GET', `/workspaces/${workspaceId}/projects/${projectId}/tasks/${taskId}`, options);
  }

  updateTask(
    workspaceId: number,
    projectId: number,
    taskId: number,
    body: TogglTaskUpdate,
    options: Signal = {},
  ): Promise<TogglTask> {
    return this.http.request('PUT', `/workspaces/${workspaceId}/projects/${projectId}/tasks/${taskId}`, {
      ...options,
      body,
    });
  }

  async deleteTask(workspaceId: number, projectId: number, taskId: number, options: Signal = {}): Promise<void> {
    await this.http.request('DELETE', `/workspaces/${workspaceId}/projects/${projectId}/tasks/${taskId}`, options);
  }

  listWorkspaceTasks(
    workspaceId: number,
    query: WorkspaceTasksQuery = {},
    options: Signal = {},
  ): Promise<TogglWorkspaceTasksPage> {
    return this.http.request('GET', `/workspaces/${workspaceId}/tasks`, { ...options, query: { ...query } });
  }

  // ── Groups ────────────────────────────────────────────────────────────────────────────

  listOrganizationGroups(
    organizationId: number,
    query: { name?: string; workspace?: number } = {},
    options: Signal = {},
  ): Promise<TogglGroup[]> {
    return this.http.request('GET', `/organizations/${organizationId}/groups`, { ...options, query });
  }

  createGroup(organizationId: number, body: TogglGroupBody, options: Signal = {}): Promise<TogglGroup> {
    return this.http.request('POST', `/organizations/${organizationId}/groups`, { ...options, body });
  }

  updateGroup(
    organizationId: number,
    groupId: number,
    body: TogglGroupBody,
    options: Signal = {},
  ): Promise<TogglGroup> {
    return this.http.request('PUT', `/organizations/${organizationId}/groups/${groupId}`, { ...options, body });
  }

  patchGroup(
    organizationId: number,
    groupId: number,
    operations: JsonPatchOperation[],
    options: Signal = {},
  ): Promise<BulkPatchResult> {
    return this.http.request('PATCH', `/organizations/${organizationId}/groups/${groupId}`, {
      ...options,
      body: operations,
    });
  }

  async deleteGroup(organizationId: number, groupId: number, options: Signal = {}): Promise<void> {
    await this.http.request('DELETE', `/organizations/${organizationId}/groups/${groupId}`, options);
  }

  listWorkspaceGroups(organizationId: number, workspaceId: number, options: Signal = {}): Promise<TogglGroup[]> {
    return this.http.request('GET', `/organizations/${organizationId}/workspaces/${workspaceId}/groups`, options);
  }

  // ── Project groups ────────────────────────────────────────────────────────────────────

  listProjectGroups(
    workspaceId: number,
    projectIds: readonly number[],
    options: Signal = {},
  ): Promise<TogglProjectGroup[]> {
    return this.http.request('GET', `/workspaces/${workspaceId}/project_groups`, {
      ...options,
      query: { project_ids: ids(projectIds) },
    });
  }

  addProjectGroup(
    workspaceId: number,
    body: { group_id: number; project_id: number },
    options: Signal = {},
  ): Promise<TogglProjectGroup> {
    return this.http.request('POST', `/workspaces/${workspaceId}/project_groups`, { ...options, body });
  }

  async removeProjectGroup(workspaceId: number, projectGroupId: number, options: Signal = {}): Promise<void> {
    await this.http.request('DELETE', `/workspaces/${workspaceId}/project_groups/${projectGroupId}`, options);
  }
}
