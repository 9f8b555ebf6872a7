import type { CachedOrganization, CachedTeam } from '../../../shared/entities';
import type { CacheStore } from '../store/cache-store';
import type { TogglApi } from '../toggl/api';
import { TogglApiError } from '../toggl/errors';
import type { SkipReport } from '../toggl/mapping';
import { readOrganizations, readOrgGroups, readUsers } from '../toggl/team-mapping';

/**
 * The user's organizations and their groups: `GET /me/organizations` (one request on the
 * small /me quota: the caller counts it), then per organization its groups and, where the user
 * is its admin, the people of its workspaces (to put in a group; a team already loaded is used
 * as it is). All on the organization's quota. Replaces what the cache held.
 */
/**
 * Tried once each: nothing waits on them (what is kept shows meanwhile), and a load that backs
 * off offline would hold the line for the changes and syncs behind it.
 */
const ONCE = { retries: 0 };

export async function loadOrganizations(
  api: TogglApi,
  cache: CacheStore,
  now: number,
  /** Hears of each item Toggl sent that could not be read (it is skipped, the rest kept). */
  report: SkipReport,
): Promise<void> {
  const loaded: CachedOrganization[] = [];
  for (const organization of readOrganizations(await api.getMyOrganizations(ONCE), report)) {
    const listed = await listedGroups(() => api.team.listOrganizationGroups(organization.id, {}, ONCE), report);
    const people = organization.admin ? await peopleOf(api, cache, organization.id, report) : [];
    loaded.push({
      ...organization,
      groupsListed: listed !== null,
      groups: listed ?? [],
      people,
      loadedAt: now,
    });
  }
  cache.organizations.clear();
  for (const organization of loaded) cache.organizations.set(organization.id, organization);
}

/** The groups Toggl lists for this user, or null where it refuses them (not for non-admins, on some plans). */
async function listedGroups(list: () => Promise<unknown>, report: SkipReport) {
  try {
    return readOrgGroups(await list(), report);
  } catch (error) {
    if (error instanceof TogglApiError && (error.kind === 'forbidden' || error.kind === 'plan')) return null;
    throw error;
  }
}

/** Everyone in the organization's workspaces the user is in, once each, by name. */
async function peopleOf(
  api: TogglApi,
  cache: CacheStore,
  oid: number,
  report: SkipReport,
): Promise<CachedTeam['users']> {
  const people = new Map<number, string>();
  for (const workspace of cache.workspaces.values()) {
    if (workspace.organizationId !== oid) continue;
    const users =
      cache.teams.get(workspace.id)?.users ?? readUsers(await api.team.listWorkspaceUsers(workspace.id, ONCE), report);
    for (const user of users) people.set(user.id, user.name);
  }
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
