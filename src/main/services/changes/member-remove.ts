import { z } from 'zod';
import { ignoreNotFound } from './gone';
import type { ChangeKind } from './kind';
import { isMemberAdd, quoted } from './member-add';
import { isMemberRate } from './member-rate';
import { isMemberUpdate } from './member-update';

export const memberRemoveSchema = z.object({
  kind: z.literal('member.remove'),
  id: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
});

export type MemberRemove = z.infer<typeof memberRemoveSchema>;

export const newMemberRemove = (fields: Omit<MemberRemove, 'kind'>): MemberRemove => ({
  kind: 'member.remove',
  ...fields,
});

/** Takes someone off a project; already gone on Toggl counts as done. */
export const memberRemove: ChangeKind<MemberRemove> = {
  targets: (op) => [`m:${op.id}`],
  refs: (op) => [op.id, op.pid],
  remap: (op, from, to) => ({ ...op, id: op.id === from ? to : op.id, pid: op.pid === from ? to : op.pid }),
  describe: (op, names) => `Remove a member from ${quoted(names(`p:${op.pid}`)) ?? 'a project'}`,

  apply(view, op) {
    const team = view.teams.get(op.wid);
    if (team) team.members = team.members.filter((item) => item.id !== op.id);
  },

  async send(op, { api, cache }) {
    await ignoreNotFound(() => api.team.deleteProjectUser(op.wid, op.id));
    const team = cache.teams.get(op.wid);
    if (team) team.members = team.members.filter((item) => item.id !== op.id);
    return { result: 'done' };
  },

  merge(earlier, later) {
    // Added and removed before anything went: neither goes.
    if (isMemberAdd(earlier) && earlier.tempId === later.id) return { earlier: null, later: null };
    // A manager or rate change not sent yet: the removal makes it moot.
    if ((isMemberUpdate(earlier) || isMemberRate(earlier)) && earlier.id === later.id) return { earlier: null, later };
    return undefined;
  },
};
