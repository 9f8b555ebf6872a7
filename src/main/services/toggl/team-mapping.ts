import type { CachedOrganization, CachedTeam, OrgGroup } from '../../../shared/entities';
import { asRaw, flag, idOr, isId, readEach, text, type Raw, type Read, type SkipReport } from './mapping';

/**
 * Toggl's people answers, read once and tolerantly with the same list reader as projects and
 * tasks: an item without the ids it needs is skipped and reported, the rest kept.
 */
type Member = CachedTeam['members'][number];
type Person = CachedTeam['users'][number];
type Group = CachedTeam['groups'][number];
type ProjectGroup = CachedTeam['projectGroups'][number];

/** A money amount: a number not below zero, else "none". */
const amountOr = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

const found = <T>(item: T): Read<T> => ({ item, deleted: false });

function readMember(raw: Raw): Read<Member> {
  if (!isId(raw.id) || !isId(raw.project_id) || !isId(raw.user_id))
    return { problem: 'id, project_id or user_id: missing' };
  const { id, project_id: pid, user_id: uid } = raw;
  // OpenAPI says `labor_cost`, the seed page `labour_cost`: either, absent or null is "none".
  const laborCost = amountOr(raw.labor_cost) ?? amountOr(raw.labour_cost);
  return found({ id, pid, uid, manager: raw.manager === true, rate: amountOr(raw.rate), laborCost });
}

function readPerson(raw: Raw): Read<Person> {
  const id = isId(raw.id) ? raw.id : isId(raw.user_id) ? raw.user_id : undefined;
  if (id === undefined) return { problem: 'id: missing' };
  const name = [raw.fullname, raw.name, raw.email].find((value) => typeof value === 'string' && value.trim());
  return found({ id, name: typeof name === 'string' ? name : `User ${id}` });
}

function readGroup(raw: Raw): Read<Group> {
  const id = isId(raw.group_id) ? raw.group_id : isId(raw.id) ? raw.id : undefined;
  if (id === undefined) return { problem: 'group_id: missing' };
  return found({ id, name: typeof raw.name === 'string' ? raw.name : `Group ${id}` });
}

function readProjectGroup(raw: Raw): Read<ProjectGroup> {
  const pid = isId(raw.pid) ? raw.pid : isId(raw.project_id) ? raw.project_id : undefined;
  if (!isId(raw.id) || pid === undefined || !isId(raw.group_id)) return { problem: 'id, pid or group_id: missing' };
  return found({ id: raw.id, pid, groupId: raw.group_id });
}

/**
 * An organization group (seed 001: `group_id`, `name`, `users` of `user_id` and `name`,
 * `workspaces`, `at`). Null or absent lists are empty; a person in it without an id is
 * skipped and reported like any item, the group kept.
 */
function readOrgGroup(raw: Raw, report: SkipReport): Read<OrgGroup> {
  const id = isId(raw.group_id) ? raw.group_id : isId(raw.id) ? raw.id : undefined;
  if (id === undefined) return { problem: 'group_id: missing' };
  const users = (Array.isArray(raw.users) ? raw.users : []).flatMap((value: unknown) => {
    // Toggl's items are objects; a bare id (as a PUT body has them) is read too.
    const user = asRaw(value);
    const uid = user ? idOr(user.user_id, user.id) : idOr(value);
    if (uid === null) {
      report('group member', 'user_id: missing');
      return [];
    }
    return [{ id: uid, name: text(user?.name) || text(user?.fullname) || `User ${uid}` }];
  });
  const workspaces = (Array.isArray(raw.workspaces) ? raw.workspaces : []).filter(isId);
  return found({ id, name: text(raw.name) || `Group ${id}`, users, workspaces, at: text(raw.at) });
}

type Organization = Pick<CachedOrganization, 'id' | 'name' | 'admin'>;

/** `GET /me/organizations`: id, name and whether the user is its admin (absent: not admin). */
function readOrganization(raw: Raw): Read<Organization> {
  if (!isId(raw.id)) return { problem: 'id: missing' };
  return found({ id: raw.id, name: text(raw.name) || `Organization ${raw.id}`, admin: flag(raw.admin, false) });
}

export const readOrgGroups = (list: unknown, report: SkipReport): OrgGroup[] =>
  readEach((raw) => readOrgGroup(raw, report), list, 'organization group', report).live;
export const readOrganizations = (list: unknown, report: SkipReport): Organization[] =>
  readEach(readOrganization, list, 'organization', report).live;
export const readMembers = (list: unknown, report: SkipReport): Member[] =>
  readEach(readMember, list, 'project member', report).live;
export const readUsers = (list: unknown, report: SkipReport): Person[] =>
  readEach(readPerson, list, 'workspace user', report).live;
export const readGroups = (list: unknown, report: SkipReport): Group[] =>
  readEach(readGroup, list, 'group', report).live;
export const readProjectGroups = (list: unknown, report: SkipReport): ProjectGroup[] =>
  readEach(readProjectGroup, list, 'project group', report).live;

/**
 * For a change's own answer: one item that cannot be read fails the change in words (the kind
 * says so), and in a lookup after an unknown outcome it is simply not found.
 */
export const inAnswer: SkipReport = () => undefined;
