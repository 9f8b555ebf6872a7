import { z } from 'zod';
import { inAnswer, readMembers } from '../toggl/team-mapping';
import { isGone } from './gone';
import type { ChangeKind } from './kind';
import { isMemberAdd, quoted } from './member-add';
import type { ChangeOp } from './registry';

export const memberUpdateSchema = z.object({
  kind: z.literal('member.update'),
  id: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
  manager: z.boolean(),
});

export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

export const newMemberUpdate = (fields: Omit<MemberUpdate, 'kind'>): MemberUpdate => ({
  kind: 'member.update',
  ...fields,
});
export const isMemberUpdate = (op: ChangeOp): op is MemberUpdate => op.kind === 'member.update';

/** Makes a project member its manager, or not. */
export const memberUpdate: ChangeKind<MemberUpdate> = {
  targets: (op) => [`m:${op.id}`],
  refs: (op) => [op.id, op.pid],
  remap: (op, from, to) => ({ ...op, id: op.id === from ? to : op.id, pid: op.pid === from ? to : op.pid }),
  describe: (op, names) =>
    `${op.manager ? 'Make a manager' : 'Make no longer manager'} of ${quoted(names(`p:${op.pid}`)) ?? 'a project'}`,

  apply(view, op, { mark }) {
    const member = view.teams.get(op.wid)?.members.find((item) => item.id === op.id);
    if (member) Object.assign(member, { manager: op.manager, sync: mark });
  },

  async send(op, { api, cache }) {
    const team = cache.teams.get(op.wid);
    try {
      const [member] = readMembers(
        [await api.team.updateProjectUser(op.wid, op.id, { manager: op.manager })],
        inAnswer,
      );
      if (team && member) team.members = team.members.map((item) => (item.id === member.id ? member : item));
      return { result: 'done' };
    } catch (error) {
      if (!isGone(error)) throw error;
      // Removed from the project on Toggl meanwhile: there is nothing left to change.
      if (team) team.members = team.members.filter((item) => item.id !== op.id);
      return { result: 'failed', error: 'This person is no longer on the project in Toggl: discard the change.' };
    }
  },

  merge(earlier, later) {
    // Set before the add reached Toggl: the add carries it.
    if (isMemberAdd(earlier) && earlier.tempId === later.id)
      return { earlier: { ...earlier, manager: later.manager }, later: null };
    if (isMemberUpdate(earlier) && earlier.id === later.id) return { earlier: later, later: null };
    return undefined;
  },
};
