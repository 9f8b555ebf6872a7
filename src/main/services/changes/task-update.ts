import { z } from 'zod';
import { taskChangesSchema } from '../../../shared/schema';
import { taskBody, toTask } from '../toggl/mapping';
import { updateKind } from './entity-update';
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
  ...updateKind<TaskUpdate>({
    what: 'task',
    listed: (view, id) => view.tasks.get(id),
    confirmed: (cache, id) => cache.tasks.get(id),
    async put(api, cache, op, fields) {
      const updated = toTask(await api.updateTask(op.wid, op.pid, op.id, taskBody(fields)));
      cache.tasks.set(updated.id, updated);
    },
    createOf: (earlier, op) => (isTaskCreate(earlier) && earlier.tempId === op.id ? earlier : undefined),
  }),
};
