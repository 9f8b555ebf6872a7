import { z } from 'zod';
import { inAnswer, readMembers } from '../toggl/team-mapping';
import type { ChangeKind } from './kind';
import type { ChangeOp } from './registry';

export const memberAddSchema = z.object({
  kind: z.literal('member.add'),
  tempId: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
  uid: z.number().int(),
  manager: z.boolean(),
  /** Rates set before the add reached Toggl (member.rate merges into it); absent in older outboxes. */
  rate: z.number().min(0).nullable().optional(),
  laborCost: z.number().min(0).nullable().optional(),
});

export type MemberAdd = z.infer<typeof memberAddSchema>;

export const newMemberAdd = (fields: Omit<MemberAdd, 'kind'>): MemberAdd => ({ kind: 'member.add', ...fields });
export const isMemberAdd = (op: ChangeOp): op is MemberAdd => op.kind === 'member.add';

/** A workspace member added to a project: shown at once under a temporary id. */
export const memberAdd: ChangeKind<MemberAdd> = {
  targets: (op) => [`m:${op.tempId}`],
  refs: (op) => [op.pid],
  creates: (op) => op.tempId,
  remap: (op, from, to) => (op.pid === from ? { ...op, pid: to } : op),
  describe: (op, names) => `Add a member to ${quoted(names(`p:${op.pid}`)) ?? 'a project'}`,

  apply(view, op, { mark }) {
    view.teams.get(op.wid)?.members.push({
      id: op.tempId,
      pid: op.pid,
      uid: op.uid,
      manager: op.manager,
      rate: op.rate ?? null,
      laborCost: op.laborCost ?? null,
      sync: mark,
    });
  },

  async send(op, { api, cache, uncertain }) {
    // After a POST that may have landed: is the member there already?
    const existing = uncertain
      ? readMembers(await api.team.listProjectUsers(op.wid, { project_ids: [op.pid], user_id: op.uid }), inAnswer)[0]
      : undefined;
    const member =
      existing ??
      readMembers(
        [
          await api.team.addProjectUser(op.wid, {
            project_id: op.pid,
            user_id: op.uid,
            manager: op.manager,
            ...rates(op),
          }),
        ],
        inAnswer,
      )[0];
    if (!member) return { result: 'failed', error: 'Toggl’s answer held no project member.' };
    const team = cache.teams.get(op.wid);
    if (team) team.members = [...team.members.filter((item) => item.id !== member.id), member];
    return { result: 'done', remap: { from: op.tempId, to: member.id } };
  },
};

/** The rates a new member starts with: numbers only (a new member has none to clear). */
function rates(op: MemberAdd): { rate?: number; labor_cost?: number } {
  return {
    ...(typeof op.rate === 'number' && { rate: op.rate }),
    ...(typeof op.laborCost === 'number' && { labor_cost: op.laborCost }),
  };
}

export const quoted = (name: string | undefined): string | undefined => (name ? `“${name}”` : undefined);
