import { z } from 'zod';
import { inAnswer, readProjectGroups } from '../toggl/team-mapping';
import type { ChangeKind } from './kind';
import { quoted } from './member-add';
import type { ChangeOp } from './registry';

export const groupAddSchema = z.object({
  kind: z.literal('group.add'),
  tempId: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
  groupId: z.number().int(),
});

export type GroupAdd = z.infer<typeof groupAddSchema>;

export const newGroupAdd = (fields: Omit<GroupAdd, 'kind'>): GroupAdd => ({ kind: 'group.add', ...fields });
export const isGroupAdd = (op: ChangeOp): op is GroupAdd => op.kind === 'group.add';

/** A group of people added to a project (a project group). */
export const groupAdd: ChangeKind<GroupAdd> = {
  targets: (op) => [`g:${op.tempId}`],
  refs: (op) => [op.pid],
  creates: (op) => op.tempId,
  remap: (op, from, to) => (op.pid === from ? { ...op, pid: to } : op),
  describe: (op, names) => `Add a group to ${quoted(names(`p:${op.pid}`)) ?? 'a project'}`,

  apply(view, op, { mark }) {
    view.teams.get(op.wid)?.projectGroups.push({ id: op.tempId, pid: op.pid, groupId: op.groupId, sync: mark });
  },

  async send(op, { api, cache, uncertain }) {
    const existing = uncertain
      ? readProjectGroups(await api.team.listProjectGroups(op.wid, [op.pid]), inAnswer).find(
          (item) => item.groupId === op.groupId,
        )
      : undefined;
    const link =
      existing ??
      readProjectGroups(
        [await api.team.addProjectGroup(op.wid, { group_id: op.groupId, project_id: op.pid })],
        inAnswer,
      )[0];
    if (!link) return { result: 'failed', error: 'Toggl’s answer held no project group.' };
    const team = cache.teams.get(op.wid);
    if (team) team.projectGroups = [...team.projectGroups.filter((item) => item.id !== link.id), link];
    return { result: 'done', remap: { from: op.tempId, to: link.id } };
  },
};
