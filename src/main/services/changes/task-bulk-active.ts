import { z } from 'zod';
import { applyActive, bulkOutcome, mergeBulk, remapIds } from './bulk-active';
import type { ChangeKind } from './kind';

export const taskBulkActiveSchema = z.object({
  kind: z.literal('task.bulkActive'),
  wid: z.number().int(),
  pid: z.number().int(),
  ids: z.array(z.number().int()),
  active: z.boolean(),
});

export type TaskBulkActive = z.infer<typeof taskBulkActiveSchema>;

export const newTaskBulkActive = (fields: Omit<TaskBulkActive, 'kind'>): TaskBulkActive => ({
  kind: 'task.bulkActive',
  ...fields,
});

/** Mark several tasks of one project done (or not) in one JSON-patch request. */
export const taskBulkActive: ChangeKind<TaskBulkActive> = {
  targets: (op) => op.ids.map((id) => `t:${id}`),
  refs: (op) => [...op.ids, op.pid],
  remap: (op, from, to) => ({ ...remapIds(op, from, to), pid: op.pid === from ? to : op.pid }),
  describe: (op) => `Mark ${op.ids.length} tasks ${op.active ? 'not done' : 'done'}`,
  apply: (view, op, { mark }) => applyActive(view.tasks, op, mark),

  async send(op, { api, cache, now }) {
    const patch = [{ op: 'replace' as const, path: '/active', value: op.active }];
    const result = await api.bulkPatchTasks(op.wid, op.pid, op.ids, patch);
    return bulkOutcome(op, result, cache.tasks, now(), 'tasks');
  },

  merge: mergeBulk,
};
