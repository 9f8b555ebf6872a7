import { z } from 'zod';
import { ignoreNotFound } from './gone';
import type { ChangeKind } from './kind';
import { isProjectCreate } from './project-create';
import { isProjectUpdate } from './project-update';

export const projectDeleteSchema = z.object({
  kind: z.literal('project.delete'),
  id: z.number().int(),
  wid: z.number().int(),
});

export type ProjectDelete = z.infer<typeof projectDeleteSchema>;

export const newProjectDelete = (fields: Omit<ProjectDelete, 'kind'>): ProjectDelete => ({
  kind: 'project.delete',
  ...fields,
});

/** Deletes a project and, with it, its tasks. */
export const projectDelete: ChangeKind<ProjectDelete> = {
  targets: (op) => [`p:${op.id}`],
  refs: (op) => [op.id],
  remap: (op, from, to) => (op.id === from ? { ...op, id: to } : op),
  describe: (op, names) => {
    const name = names(`p:${op.id}`);
    return `Delete project${name ? ` “${name}”` : ''}`;
  },

  apply(view, op) {
    view.projects.delete(op.id);
    for (const [id, task] of view.tasks) if (task.pid === op.id) view.tasks.delete(id);
  },

  async send(op, { api, cache }) {
    await ignoreNotFound(() => api.deleteProject(op.wid, op.id));
    cache.projects.delete(op.id);
    for (const [id, task] of cache.tasks) if (task.pid === op.id) cache.tasks.delete(id);
    return { result: 'done' };
  },

  merge(earlier, later) {
    // Deleting what was never sent: neither goes (nor anything queued inside it).
    if (isProjectCreate(earlier) && earlier.tempId === later.id) return { earlier: null, later: null };
    // Edits before a delete need not go.
    if (isProjectUpdate(earlier) && earlier.id === later.id) return { earlier: null, later };
    return undefined;
  },
};
