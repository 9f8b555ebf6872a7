import type { CachedWorkspace } from '../../../shared/entities';
import type { Logger } from '../logger';
import type { CacheStore } from '../store/cache-store';
import type { TogglApi } from '../toggl/api';
import { TogglApiError, type TogglErrorKind } from '../toggl/errors';
import type { SkipReport } from '../toggl/mapping';
import { readMembers } from '../toggl/team-mapping';
import { loadTeam, loadUsers } from './team-loader';

/** A slow answer (timeout) is one workspace's: logged, the rest asked. */
const UNREACHABLE: ReadonlySet<TogglErrorKind> = new Set(['offline', 'connection-lost']);

/** What the full load's people part needs from the engine. */
export interface PeopleContext {
  api: TogglApi;
  cache: CacheStore;
  log: Logger;
  /** Hears of each item Toggl sent that could not be read (it is skipped, the rest kept). */
  report: SkipReport;
}

/**
 * Where the user is not admin, which projects they manage (their rights there): one request
 * per such workspace in `ask`, on the workspace quota. Returns the workspaces with what was
 * learnt (new objects, so the cache sees the change); one that fails keeps what was known
 * before, still pending if it was.
 */
export async function loadManagedProjects(
  { api, log, report }: PeopleContext,
  userId: number,
  workspaces: CachedWorkspace[],
  ask: readonly CachedWorkspace[] = workspaces,
): Promise<CachedWorkspace[]> {
  const learnt = new Map<number, number[]>();
  for (const workspace of ask) {
    if (workspace.admin) continue;
    try {
      const members = readMembers(await api.team.listProjectUsers(workspace.id, { user_id: userId }), report);
      learnt.set(
        workspace.id,
        members.filter((member) => member.manager && member.uid === userId).map((member) => member.pid),
      );
    } catch (error) {
      if (error instanceof TogglApiError && error.kind === 'signed-out') throw error;
      log.warn('sync: could not load project managers', { workspace: workspace.id, error: String(error) });
    }
  }
  return workspaces.map((workspace) => {
    const managed = learnt.get(workspace.id);
    return managed ? { ...workspace, managedProjects: managed, managedPending: false } : workspace;
  });
}

/**
 * The workspaces' people again, with a full load: teams already opened come whole (members and
 * groups); where tasks may be assigned (paid plans) the users at least, one request each. One
 * that fails keeps what it had.
 */
export async function reloadPeople({ api, cache, log, report }: PeopleContext, now: number): Promise<void> {
  for (const wid of [...cache.teams.keys()]) if (!cache.workspaces.has(wid)) cache.teams.delete(wid);
  for (const workspace of [...cache.workspaces.values()]) {
    const whole = cache.teams.get(workspace.id)?.complete ?? false;
    if (!whole && !workspace.premium) continue;
    try {
      if (whole) await loadTeam(api, cache, workspace, now, report);
      else await loadUsers(api, cache, workspace, now, report);
    } catch (error) {
      // Toggl out of reach is the sync's to say (offline), not a workspace's: the rest would wait too.
      if (error instanceof TogglApiError && (error.kind === 'signed-out' || UNREACHABLE.has(error.kind))) throw error;
      log.warn('sync: could not reload people', { workspace: workspace.id, error: String(error) });
    }
  }
}
