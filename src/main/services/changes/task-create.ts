import { z } from 'zod';
import { taskFieldsSchema } from '../../../shared/schema';
import { toTask } from '../toggl/mapping';
import type { ChangeKind } from './kind';
import type { ChangeOp } from './registry';

export const taskCreateSchema = z.object({
  kind: z.literal('task.create'),
  tempId: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
  fields: taskFieldsSchema,
});

export type TaskCreate = z.infer<typeof taskCreateSchema>;

export const newTaskCreate = (fields: Omit<TaskCreate, 'kind'>): TaskCreate => ({ kind: 'task.create', ...fields });

export const isTaskCreate = (op: ChangeOp): op is TaskCreate => op.kind === 'task.create';

/** A new task, possibly in a project that is itself still queued. */
export const taskCreate: ChangeKind<TaskCreate> = {
  targets: (op) => [`t:${op.tempId}`],
  refs: (op) => [op.pid],
  creates: (op) => op.tempId,
  remap: (op, from, to) => (op.pid === from ? { ...op, pid: to } : op),
  describe: (op) => `Create task “${op.fields.name}”`,

  apply(view, op, { mark }) {
    view.tasks.set(op.tempId, {
      id: op.tempId,
      wid: op.wid,
      pid: op.pid,
      ...op.fields,
      assigneeId: op.fields.assigneeId ?? null,
      active: true,
      trackedMs: 0,
      sync: mark,
    });
  },

  async send(op, { api, cache, uncertain }) {
    const name = op.fields.name.toLowerCase();
    // After a POST that may have landed: is the task on Toggl already?
    const found = uncertain
      ? (await api.listProjectTasks(op.wid, op.pid)).find(
          (task) => task.name.toLowerCase() === name && !cache.tasks.has(task.id),
        )
      : undefined;
    const created =
      found ??
      (await api.createTask(op.wid, op.pid, {
        name: op.fields.name,
        active: true,
        ...(op.fields.estimatedSeconds !== null && { estimated_seconds: op.fields.estimatedSeconds }),
        // Said even for no one: the seed page says an omitted user_id is the requester.
        user_id: op.fields.assigneeId ?? null,
      }));
    const task = toTask(created);
    cache.tasks.set(task.id, task);
    return { result: 'done', remap: { from: op.tempId, to: task.id } };
  },
};
