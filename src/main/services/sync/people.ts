import type { CachedWorkspace } from '../../../shared/entities';
import type { Logger } from '../logger';
import type { CacheStore } from '../store/cache-store';
import type { TogglApi } from '../toggl/api';
import { TogglApiError } from '../toggl/errors';
import { loadTeam } from './team-loader';

/** What the full load's people part needs from the engine. */
export interface PeopleContext {
  api: TogglApi;
  cache: CacheStore;
  log: Logger;
}

/**
 * Where the user is not admin, which projects they manage (their rights there): one request
 * per such workspace, on the workspace quota. One that fails keeps what was known before.
 */
export async function loadManagedProjects(
  { api, cache, log }: PeopleContext,
  userId: number,
  previous: Map<number, CachedWorkspace>,
): Promise<void> {
  for (const workspace of cache.workspaces.values()) {
    if (workspace.admin) continue;
    try {
      const members = await api.team.listProjectUsers(workspace.id, { user_id: userId });
      workspace.managedProjects = managedIn(members, userId);
    } catch (error) {
      if (error instanceof TogglApiError && error.kind === 'signed-out') throw error;
      workspace.managedProjects = previous.get(workspace.id)?.managedProjects ?? [];
      log.warn('sync: could not load project managers', { workspace: workspace.id, error: String(error) });
    }
  }
}

/** Teams already opened come again with a full load; one that fails keeps what it had. */
export async function reloadTeams({ api, cache, log }: PeopleContext, now: number): Promise<void> {
  for (const wid of [...cache.teams.keys()]) {
    const workspace = cache.workspaces.get(wid);
    if (!workspace) {
      cache.teams.delete(wid);
      continue;
    }
    try {
      await loadTeam(api, cache, workspace, now);
    } catch (error) {
      if (error instanceof TogglApiError && error.kind === 'signed-out') throw error;
      log.warn('sync: could not reload members', { workspace: wid, error: String(error) });
    }
  }
}

/** The projects the user manages, from Toggl's project users (read tolerantly). */
function managedIn(members: unknown, userId: number): number[] {
  if (!Array.isArray(members)) return [];
  return members.flatMap((member: unknown) => {
    const raw = member as { project_id?: unknown; user_id?: unknown; manager?: unknown } | null;
    return raw && raw.manager === true && raw.user_id === userId && typeof raw.project_id === 'number'
      ? [raw.project_id]
      : [];
  });
}
