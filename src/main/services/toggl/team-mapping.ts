import type { CachedTeam } from '../../../shared/entities';

/** Toggl's people answers read once, tolerantly: an item without the ids it needs is skipped. */
type Raw = Record<string, unknown>;
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;
const items = (list: unknown): Raw[] =>
  Array.isArray(list) ? list.filter((item): item is Raw => item !== null && typeof item === 'object') : [];

export function readMembers(list: unknown): CachedTeam['members'] {
  return items(list).flatMap((raw) =>
    isId(raw.id) && isId(raw.project_id) && isId(raw.user_id)
      ? [
          {
            id: raw.id,
            pid: raw.project_id,
            uid: raw.user_id,
            manager: raw.manager === true,
            rate: typeof raw.rate === 'number' ? raw.rate : null,
          },
        ]
      : [],
  );
}

export function readUsers(list: unknown): CachedTeam['users'] {
  return items(list).flatMap((raw) => {
    const id = isId(raw.id) ? raw.id : isId(raw.user_id) ? raw.user_id : undefined;
    if (id === undefined) return [];
    const name = [raw.fullname, raw.name, raw.email].find((value) => typeof value === 'string' && value.trim());
    return [{ id, name: typeof name === 'string' ? name : `User ${id}` }];
  });
}

export function readGroups(list: unknown): CachedTeam['groups'] {
  return items(list).flatMap((raw) => {
    const id = isId(raw.group_id) ? raw.group_id : isId(raw.id) ? raw.id : undefined;
    return id === undefined ? [] : [{ id, name: typeof raw.name === 'string' ? raw.name : `Group ${id}` }];
  });
}

export function readProjectGroups(list: unknown): CachedTeam['projectGroups'] {
  return items(list).flatMap((raw) => {
    const pid = isId(raw.pid) ? raw.pid : isId(raw.project_id) ? raw.project_id : undefined;
    return isId(raw.id) && pid !== undefined && isId(raw.group_id) ? [{ id: raw.id, pid, groupId: raw.group_id }] : [];
  });
}
