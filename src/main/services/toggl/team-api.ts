import { asList, ids, type Signal } from './api-support';
import type { TogglHttp } from './http';
import type {
  BulkPatchResult,
  JsonPatchOperation,
  TogglGroup,
  TogglGroupBody,
  TogglProjectGroup,
  TogglProjectUser,
  TogglProjectUserCreate,
  TogglProjectUserUpdate,
} from './types';

/** The team around projects: project members (project_users), groups and project groups. */
export class TogglTeamApi {
  constructor(private readonly http: TogglHttp) {}

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

  /** The workspace's people: read tolerantly by the caller (id and a name or email). */
  async listWorkspaceUsers(workspaceId: number, options: Signal = {}): Promise<unknown[]> {
    return asList(await this.http.request('GET', `/workspaces/${workspaceId}/users`, options));
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
