import { z } from 'zod';
import { taskChangesSchema } from '../../../shared/schema';
import { taskBody, toTask } from '../toggl/mapping';
import {
  GONE_MESSAGE,
  checkAgainstServer,
  describeUpdate,
  mergeUpdates,
  rebaseUpdate,
  resolveUpdate,
  worst,
} from './entity-update';
import type { ChangeKind } from './kind';
import { isTaskCreate } from './task-create';
import type { ChangeOp } from './registry';

export const taskUpdateSchema = z.object({
  kind: z.literal('task.update'),
  id: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
  changes: taskChangesSchema,
  /** Toggl's values of the changed fields when the edit was made. */
  base: taskChangesSchema,
});

export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

export const newTaskUpdate = (fields: Omit<TaskUpdate, 'kind'>): TaskUpdate => ({ kind: 'task.update', ...fields });

export const isTaskUpdate = (op: ChangeOp): op is TaskUpdate => op.kind === 'task.update';

const swap = (id: number, from: number, to: number): number => (id === from ? to : id);

/** An edit of a task: name, estimate, done and not done. */
export const taskUpdate: ChangeKind<TaskUpdate> = {
  targets: (op) => [`t:${op.id}`],
  refs: (op) => [op.id, op.pid],
  remap: (op, from, to) => ({ ...op, id: swap(op.id, from, to), pid: swap(op.pid, from, to) }),
  describe: (op, names) => describeUpdate('task', op.changes, names(`t:${op.id}`)),

  apply(view, op, { mark }) {
    const task = view.tasks.get(op.id);
    if (task) Object.assign(task, op.changes, { sync: worst(task.sync, mark) });
  },

  async send(op, { api, cache }) {
    const checked = checkAgainstServer(op, cache.tasks.get(op.id));
    if (checked.status === 'gone') return { result: 'failed', error: GONE_MESSAGE };
    if (checked.status === 'conflict') return { result: 'conflict', conflicts: checked.conflicts };
    if (Object.keys(checked.fields).length > 0) {
      const updated = toTask(await api.updateTask(op.wid, op.pid, op.id, taskBody(checked.fields)));
      cache.tasks.set(updated.id, updated);
    }
    return { result: 'done' };
  },

  merge(earlier, later) {
    // An edit of a task not yet created goes into the create; marking it done stays apart.
    if (isTaskCreate(earlier) && earlier.tempId === later.id) {
      const { active, ...fields } = later.changes;
      const create = { ...earlier, fields: { ...earlier.fields, ...fields } };
      const rest = active === undefined ? null : { ...later, changes: { active }, base: { active: true } };
      return { earlier: create, later: rest };
    }
    return mergeUpdates(earlier, later);
  },
  rebase: rebaseUpdate,
  resolve: resolveUpdate,
};
