import { TogglApiError } from './errors';
import { asList, ids, type Signal } from './api-support';
import { TogglHttp, type Credentials, type TogglHttpOptions } from './http';
import { TogglTeamApi } from './team-api';
import { TogglTimeEntryApi } from './time-entry-api';
import type { PiecedJson } from './pieced-json';
import type {
  ActiveFilter,
  BulkPatchResult,
  JsonPatchOperation,
  TogglClient,
  TogglFeatures,
  TogglLocation,
  TogglMeUpdate,
  TogglMeWithRelated,
  TogglOrganization,
  TogglProject,
  TogglProjectCreate,
  TogglProjectUpdate,
  TogglTag,
  TogglTask,
  TogglTaskCreate,
  TogglTaskUpdate,
  TogglUser,
  TogglWorkspaceTasksPage,
} from './types';

/** The lists of `GET /me?with_related_data=true` a full load reads, in the order it reads them. */
export const ME_LISTS = ['workspaces', 'clients', 'projects', 'tasks', 'time_entries'] as const;

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
  /** Project members and groups. */
  readonly team: TogglTeamApi;
  /** The timer's time entries. */
  readonly timeEntries: TogglTimeEntryApi;

  constructor(options: TogglHttpOptions | TogglHttp) {
    this.http = options instanceof TogglHttp ? options : new TogglHttp(options);
    this.team = new TogglTeamApi(this.http);
    this.timeEntries = new TogglTimeEntryApi(this.http);
  }

  get quota(): TogglHttp['quota'] {
    return this.http.quota;
  }

  setCredentials(credentials: Credentials | undefined): void {
    this.http.setCredentials(credentials);
  }

  close(abandon = false): Promise<void> {
    return this.http.close(abandon);
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

  getMe(options: Signal & { credentials?: Credentials; retries?: number } = {}): Promise<TogglUser> {
    return this.http.request('GET', '/me', options);
  }

  getMeWithRelatedData(
    options: Signal & { credentials?: Credentials; retries?: number } = {},
  ): Promise<TogglMeWithRelated> {
    return this.http.request('GET', '/me', { ...options, query: { with_related_data: true } });
  }

  /**
   * `getMeWithRelatedData` for taking a whole account in: its large lists are handed over a
   * piece at a time as they are read, in the order of `ME_LISTS` (close the answer when done).
   */
  loadMeWithRelatedData(options: Signal & { credentials?: Credentials; retries?: number } = {}): Promise<PiecedJson> {
    return this.http.requestPieced('GET', '/me', { ...options, query: { with_related_data: true }, lists: ME_LISTS });
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
}
