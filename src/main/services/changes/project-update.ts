import { z } from 'zod';
import { projectChangesSchema, rateChangeModeSchema } from '../../../shared/schema';
import { projectBody, toProject } from '../toggl/mapping';
import { updateKind } from './entity-update';
import type { ChangeKind, Merged } from './kind';
import { isProjectCreate } from './project-create';
import type { ChangeOp } from './registry';

export const projectUpdateSchema = z.object({
  kind: z.literal('project.update'),
  id: z.number().int(),
  wid: z.number().int(),
  changes: projectChangesSchema,
  /** Toggl's values of the changed fields when the edit was made. */
  base: projectChangesSchema,
  /** How a new hourly rate counts for time already tracked: sent only with the rate. */
  rateChangeMode: rateChangeModeSchema.optional(),
});

export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const newProjectUpdate = (fields: Omit<ProjectUpdate, 'kind'>): ProjectUpdate => ({
  kind: 'project.update',
  ...fields,
});

export const isProjectUpdate = (op: ChangeOp): op is ProjectUpdate => op.kind === 'project.update';

/** A change mode goes only with a rate: an edit whose rate dropped out (undone, Toggl's kept) loses it. */
function withoutStrayMode<Op extends ChangeOp | null>(op: Op): Op {
  if (!op || !isProjectUpdate(op) || op.rateChangeMode === undefined || op.changes.rate !== undefined) return op;
  const { rateChangeMode: _dropped, ...rest } = op;
  return rest as Op;
}

const shared = updateKind<ProjectUpdate>({
  what: 'project',
  listed: (view, id) => view.projects.get(id),
  confirmed: (cache, id) => cache.projects.get(id),
  async put(api, cache, op, fields) {
    const body = projectBody(fields);
    if (body.rate !== undefined && op.rateChangeMode !== undefined) body.rate_change_mode = op.rateChangeMode;
    const updated = toProject(await api.updateProject(op.wid, op.id, body));
    cache.projects.set(updated.id, updated);
  },
  createOf: (earlier, op) => (isProjectCreate(earlier) && earlier.tempId === op.id ? earlier : undefined),
});

/** A later rate's mode replaces the earlier one's; an earlier mode stays when the later edit left the rate alone. */
function mergeModes(merged: Merged, later: ProjectUpdate): Merged {
  const earlier = merged.earlier;
  const carried =
    earlier && isProjectUpdate(earlier) && later.changes.rate !== undefined
      ? { ...earlier, rateChangeMode: later.rateChangeMode }
      : earlier;
  return { earlier: withoutStrayMode(carried), later: withoutStrayMode(merged.later) };
}

/** An edit of a project's fields, archive and restore included; a new hourly rate may say how it applies. */
export const projectUpdate: ChangeKind<ProjectUpdate> = {
  targets: (op) => [`p:${op.id}`],
  refs: (op) => [op.id],
  remap: (op, from, to) => (op.id === from ? { ...op, id: to } : op),
  ...shared,
  merge(earlier, later) {
    const merged = shared.merge?.(earlier, later);
    return merged && mergeModes(merged, later);
  },
  resolve: (op, conflicts, keep) => withoutStrayMode(shared.resolve?.(op, conflicts, keep) ?? null),
};
