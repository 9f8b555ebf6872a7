import { z } from 'zod';
import { applyActive, bulkOutcome, mergeBulk, remapIds } from './bulk-active';
import type { ChangeKind } from './kind';

export const projectBulkActiveSchema = z.object({
  kind: z.literal('project.bulkActive'),
  wid: z.number().int(),
  ids: z.array(z.number().int()),
  active: z.boolean(),
});

export type ProjectBulkActive = z.infer<typeof projectBulkActiveSchema>;

export const newProjectBulkActive = (fields: Omit<ProjectBulkActive, 'kind'>): ProjectBulkActive => ({
  kind: 'project.bulkActive',
  ...fields,
});

/** Archive or restore several projects of one workspace in one JSON-patch request. */
export const projectBulkActive: ChangeKind<ProjectBulkActive> = {
  targets: (op) => op.ids.map((id) => `p:${id}`),
  refs: (op) => op.ids,
  remap: remapIds,
  describe: (op) => `${op.active ? 'Restore' : 'Archive'} ${op.ids.length} projects`,
  apply: (view, op, { mark }) => applyActive(view.projects, op, mark),

  async send(op, { api, cache, now }) {
    const result = await api.bulkPatchProjects(op.wid, op.ids, [{ op: 'replace', path: '/active', value: op.active }]);
    return bulkOutcome(op, result, cache.projects, now(), 'projects');
  },

  merge: mergeBulk,
};
