import { z } from 'zod';
import { ignoreNotFound } from './gone';
import type { ChangeKind } from './kind';
import { isTaskCreate } from './task-create';
import { isTaskUpdate } from './task-update';

export const taskDeleteSchema = z.object({
  kind: z.literal('task.delete'),
  id: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
});

export type TaskDelete = z.infer<typeof taskDeleteSchema>;

export const newTaskDelete = (fields: Omit<TaskDelete, 'kind'>): TaskDelete => ({ kind: 'task.delete', ...fields });

const swap = (id: number, from: number, to: number): number => (id === from ? to : id);

export const taskDelete: ChangeKind<TaskDelete> = {
  targets: (op) => [`t:${op.id}`],
  refs: (op) => [op.id, op.pid],
  remap: (op, from, to) => ({ ...op, id: swap(op.id, from, to), pid: swap(op.pid, from, to) }),
  describe: (op, names) => {
    const name = names(`t:${op.id}`);
    return `Delete task${name ? ` “${name}”` : ''}`;
  },

  apply(view, op) {
    view.tasks.delete(op.id);
  },

  async send(op, { api, cache }) {
    await ignoreNotFound(() => api.deleteTask(op.wid, op.pid, op.id));
    cache.tasks.delete(op.id);
    return { result: 'done' };
  },

  merge(earlier, later) {
    if (isTaskCreate(earlier) && earlier.tempId === later.id) return { earlier: null, later: null };
    if (isTaskUpdate(earlier) && earlier.id === later.id) return { earlier: null, later };
    return undefined;
  },
};
