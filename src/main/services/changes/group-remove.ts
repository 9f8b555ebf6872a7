import { z } from 'zod';
import { ignoreNotFound } from './gone';
import { isGroupAdd } from './group-add';
import type { ChangeKind } from './kind';
import { quoted } from './member-add';

export const groupRemoveSchema = z.object({
  kind: z.literal('group.remove'),
  id: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
});

export type GroupRemove = z.infer<typeof groupRemoveSchema>;

export const newGroupRemove = (fields: Omit<GroupRemove, 'kind'>): GroupRemove => ({
  kind: 'group.remove',
  ...fields,
});

/** Takes a group off a project; already gone on Toggl counts as done. */
export const groupRemove: ChangeKind<GroupRemove> = {
  targets: (op) => [`g:${op.id}`],
  refs: (op) => [op.id, op.pid],
  remap: (op, from, to) => ({ ...op, id: op.id === from ? to : op.id, pid: op.pid === from ? to : op.pid }),
  describe: (op, names) => `Remove a group from ${quoted(names(`p:${op.pid}`)) ?? 'a project'}`,

  apply(view, op) {
    const team = view.teams.get(op.wid);
    if (team) team.projectGroups = team.projectGroups.filter((item) => item.id !== op.id);
  },

  async send(op, { api, cache }) {
    await ignoreNotFound(() => api.team.removeProjectGroup(op.wid, op.id));
    const team = cache.teams.get(op.wid);
    if (team) team.projectGroups = team.projectGroups.filter((item) => item.id !== op.id);
    return { result: 'done' };
  },

  merge(earlier, later) {
    if (isGroupAdd(earlier) && earlier.tempId === later.id) return { earlier: null, later: null };
    return undefined;
  },
};
