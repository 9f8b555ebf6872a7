import type { CachedTeam, CachedWorkspace } from '../../../shared/entities';
import type { CacheStore } from '../store/cache-store';
import type { TogglApi } from '../toggl/api';
import { TogglApiError } from '../toggl/errors';
import type { SkipReport } from '../toggl/mapping';
import { readGroups, readMembers, readProjectGroups, readUsers } from '../toggl/team-mapping';

/** Project ids per project-groups request: one request for any ordinary workspace. */
const IDS_PER_REQUEST = 200;

/**
 * Loads one workspace's members and groups: project users, workspace users, the workspace's
 * groups and its projects' groups, one request each. Groups are listed only for organization
 * admins: for anyone else Toggl refuses, and the team has none.
 */
export async function loadTeam(
  api: TogglApi,
  cache: CacheStore,
  workspace: CachedWorkspace,
  now: number,
  /** Hears of each item Toggl sent that could not be read (it is skipped). */
  report: SkipReport,
): Promise<CachedTeam> {
  const wid = workspace.id;
  const members = readMembers(await api.team.listProjectUsers(wid), report);
  const users = readUsers(await api.team.listWorkspaceUsers(wid), report);
  const groups = await optional(async () =>
    readGroups(await api.team.listWorkspaceGroups(workspace.organizationId, wid), report),
  );
  const projectIds = [...cache.projects.values()].filter((project) => project.wid === wid).map((project) => project.id);
  const projectGroups: CachedTeam['projectGroups'] = [];
  for (let start = 0; start < projectIds.length && groups.length > 0; start += IDS_PER_REQUEST) {
    const chunk = projectIds.slice(start, start + IDS_PER_REQUEST);
    projectGroups.push(...readProjectGroups(await api.team.listProjectGroups(wid, chunk), report));
  }
  const team: CachedTeam = { wid, members, users, groups, projectGroups, complete: true, loadedAt: now };
  cache.teams.set(wid, team);
  return team;
}

/**
 * Only a workspace's users (who a task may be assigned to): one request. Members and groups
 * already known stay; a team known only so far stays incomplete, loaded whole when opened.
 */
export async function loadUsers(
  api: TogglApi,
  cache: CacheStore,
  workspace: CachedWorkspace,
  now: number,
  report: SkipReport,
): Promise<CachedTeam> {
  const users = await optional(async () => readUsers(await api.team.listWorkspaceUsers(workspace.id), report));
  const before = cache.teams.get(workspace.id);
  const team: CachedTeam = before
    ? { ...before, users, loadedAt: now }
    : { wid: workspace.id, members: [], users, groups: [], projectGroups: [], complete: false, loadedAt: now };
  cache.teams.set(workspace.id, team);
  return team;
}

/** A list the user may not be allowed to read: empty then. */
async function optional<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TogglApiError && (error.kind === 'forbidden' || error.kind === 'not-found')) return [];
    throw error;
  }
}
