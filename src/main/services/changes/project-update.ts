import { z } from 'zod';
import { projectChangesSchema } from '../../../shared/schema';
import { projectBody, toProject } from '../toggl/mapping';
import { updateKind } from './entity-update';
import type { ChangeKind } from './kind';
import { isProjectCreate } from './project-create';
import type { ChangeOp } from './registry';

export const projectUpdateSchema = z.object({
  kind: z.literal('project.update'),
  id: z.number().int(),
  wid: z.number().int(),
  changes: projectChangesSchema,
  /** Toggl's values of the changed fields when the edit was made. */
  base: projectChangesSchema,
});

export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const newProjectUpdate = (fields: Omit<ProjectUpdate, 'kind'>): ProjectUpdate => ({
  kind: 'project.update',
  ...fields,
});

export const isProjectUpdate = (op: ChangeOp): op is ProjectUpdate => op.kind === 'project.update';

/** An edit of a project's fields, archive and restore included. */
export const projectUpdate: ChangeKind<ProjectUpdate> = {
  targets: (op) => [`p:${op.id}`],
  refs: (op) => [op.id],
  remap: (op, from, to) => (op.id === from ? { ...op, id: to } : op),
  ...updateKind<ProjectUpdate>({
    what: 'project',
    listed: (view, id) => view.projects.get(id),
    confirmed: (cache, id) => cache.projects.get(id),
    async put(api, cache, op, fields) {
      const updated = toProject(await api.updateProject(op.wid, op.id, projectBody(fields)));
      cache.projects.set(updated.id, updated);
    },
    createOf: (earlier, op) => (isProjectCreate(earlier) && earlier.tempId === op.id ? earlier : undefined),
  }),
};
