import { z } from 'zod';
import { projectChangesSchema } from '../../../shared/schema';
import { projectBody, toProject } from '../toggl/mapping';
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
  describe: (op, names) => describeUpdate('project', op.changes, names(`p:${op.id}`)),

  apply(view, op, { mark }) {
    const project = view.projects.get(op.id);
    if (project) Object.assign(project, op.changes, { sync: worst(project.sync, mark) });
  },

  async send(op, { api, cache }) {
    const checked = checkAgainstServer(op, cache.projects.get(op.id));
    if (checked.status === 'gone') return { result: 'failed', error: GONE_MESSAGE };
    if (checked.status === 'conflict') return { result: 'conflict', conflicts: checked.conflicts };
    if (Object.keys(checked.fields).length > 0) {
      const updated = toProject(await api.updateProject(op.wid, op.id, projectBody(checked.fields)));
      cache.projects.set(updated.id, updated);
    }
    return { result: 'done' };
  },

  merge(earlier, later) {
    // An edit of a project not yet created goes into the create (one request, not two);
    // archiving it stays a change of its own, since a create makes an active project.
    if (isProjectCreate(earlier) && earlier.tempId === later.id) {
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
