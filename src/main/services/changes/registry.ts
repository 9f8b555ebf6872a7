import { z } from 'zod';
import { defaultWorkspace, defaultWorkspaceSchema } from './default-workspace';
import { entryStart, entryStartSchema } from './entry-start';
import { entryStop, entryStopSchema } from './entry-stop';
import { entryUpdate, entryUpdateSchema } from './entry-update';
import { groupAdd, groupAddSchema } from './group-add';
import { groupRemove, groupRemoveSchema } from './group-remove';
import type { ChangeKind } from './kind';
import { memberAdd, memberAddSchema } from './member-add';
import { memberRate, memberRateSchema } from './member-rate';
import { memberRemove, memberRemoveSchema } from './member-remove';
import { memberUpdate, memberUpdateSchema } from './member-update';
import { orgGroupCreate, orgGroupCreateSchema } from './org-group-create';
import { orgGroupDelete, orgGroupDeleteSchema } from './org-group-delete';
import { orgGroupUpdate, orgGroupUpdateSchema } from './org-group-update';
import { projectBulkActive, projectBulkActiveSchema } from './project-bulk-active';
import { projectCreate, projectCreateSchema } from './project-create';
import { projectDelete, projectDeleteSchema } from './project-delete';
import { projectUpdate, projectUpdateSchema } from './project-update';
import { taskBulkActive, taskBulkActiveSchema } from './task-bulk-active';
import { taskCreate, taskCreateSchema } from './task-create';
import { taskDelete, taskDeleteSchema } from './task-delete';
import { taskUpdate, taskUpdateSchema } from './task-update';

/** Every queued change as it is kept in outbox.json: one schema per kind. */
export const changeOpSchema = z.discriminatedUnion('kind', [
  projectCreateSchema,
  projectUpdateSchema,
  projectDeleteSchema,
  projectBulkActiveSchema,
  taskCreateSchema,
  taskUpdateSchema,
  taskDeleteSchema,
  taskBulkActiveSchema,
  memberAddSchema,
  memberUpdateSchema,
  memberRateSchema,
  memberRemoveSchema,
  groupAddSchema,
  groupRemoveSchema,
  orgGroupCreateSchema,
  orgGroupUpdateSchema,
  orgGroupDeleteSchema,
  entryStartSchema,
  entryStopSchema,
  entryUpdateSchema,
  defaultWorkspaceSchema,
]);

export type ChangeOp = z.infer<typeof changeOpSchema>;
export type ChangeKindName = ChangeOp['kind'];
type OpOf<K extends ChangeKindName> = Extract<ChangeOp, { kind: K }>;

/** Kind → its module. Adding a kind: one module and one line here (and its schema above). */
const KINDS: { [K in ChangeKindName]: ChangeKind<OpOf<K>> } = {
  'project.create': projectCreate,
  'project.update': projectUpdate,
  'project.delete': projectDelete,
  'project.bulkActive': projectBulkActive,
  'task.create': taskCreate,
  'task.update': taskUpdate,
  'task.delete': taskDelete,
  'task.bulkActive': taskBulkActive,
  'member.add': memberAdd,
  'member.update': memberUpdate,
  'member.rate': memberRate,
  'member.remove': memberRemove,
  'group.add': groupAdd,
  'group.remove': groupRemove,
  'orgGroup.create': orgGroupCreate,
  'orgGroup.update': orgGroupUpdate,
  'orgGroup.delete': orgGroupDelete,
  'entry.start': entryStart,
  'entry.stop': entryStop,
  'entry.update': entryUpdate,
  'me.defaultWorkspace': defaultWorkspace,
};

/** The module of a change's kind, typed for any change (each module only sees its own kind). */
export function kindOf(op: ChangeOp): ChangeKind<ChangeOp> {
  return KINDS[op.kind];
}
