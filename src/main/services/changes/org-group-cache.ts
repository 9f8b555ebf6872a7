import type { OrgGroup } from '../../../shared/entities';
import type { CacheStore } from '../store/cache-store';
import type { WorkingView } from './kind';

/** The list key of an organization group: "og:ID" (a temporary id below zero until Toggl gives one). */
export const orgGroupKey = (id: number): string => `og:${id}`;

/** The group as Toggl last confirmed it, if the cache holds it. */
export function cachedGroup(cache: CacheStore, oid: number, id: number): OrgGroup | undefined {
  return cache.organizations.get(oid)?.groups.find((group) => group.id === id);
}

/** Puts Toggl's answer for a group in the cache (replacing the organization: items are never changed in place). */
export function storeGroup(cache: CacheStore, oid: number, group: OrgGroup): void {
  const organization = cache.organizations.get(oid);
  if (!organization) return;
  const groups = organization.groups.filter((item) => item.id !== group.id);
  cache.organizations.set(oid, { ...organization, groups: [...groups, group].sort(byName) });
}

/** A group gone from Toggl: out of its organization and off every project it was on. */
export function forgetGroup(cache: CacheStore, oid: number, id: number): void {
  const organization = cache.organizations.get(oid);
  if (organization)
    cache.organizations.set(oid, { ...organization, groups: organization.groups.filter((item) => item.id !== id) });
  for (const team of cache.teams.values()) {
    if (!team.groups.some((group) => group.id === id)) continue;
    cache.teams.set(team.wid, {
      ...team,
      groups: team.groups.filter((group) => group.id !== id),
      projectGroups: team.projectGroups.filter((link) => link.groupId !== id),
    });
  }
}

/** The same, laid over the list being built. */
export function forgetGroupInView(view: WorkingView, oid: number, id: number): void {
  const organization = view.organizations.get(oid);
  if (organization) organization.groups = organization.groups.filter((item) => item.id !== id);
  for (const team of view.teams.values()) {
    team.groups = team.groups.filter((group) => group.id !== id);
    team.projectGroups = team.projectGroups.filter((link) => link.groupId !== id);
  }
}

/** Toggl lists groups by name; so does the app. */
export const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

/** People named as the organization knows them (its workspaces' people, its groups' members). */
export function peopleNamed(view: WorkingView, oid: number, ids: readonly number[]): OrgGroup['users'] {
  const organization = view.organizations.get(oid);
  const known = new Map<number, string>();
  for (const group of organization?.groups ?? []) for (const user of group.users) known.set(user.id, user.name);
  for (const person of organization?.people ?? []) known.set(person.id, person.name);
  return ids.map((id) => ({ id, name: known.get(id) ?? `User ${id}` }));
}
