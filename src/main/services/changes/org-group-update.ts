import { z } from 'zod';
import { orgGroupChangesSchema } from '../../../shared/schema';
import { inAnswer, readOrgGroups } from '../toggl/team-mapping';
import { isGone } from './gone';
import type { ChangeKind } from './kind';
import { cachedGroup, forgetGroup, orgGroupKey, peopleNamed, storeGroup } from './org-group-cache';
import { isOrgGroupCreate } from './org-group-create';
import type { ChangeOp } from './registry';

export const orgGroupUpdateSchema = z.object({
  kind: z.literal('orgGroup.update'),
  id: z.number().int(),
  oid: z.number().int(),
  /** What the user set: the name, the people (user ids), the workspaces; the rest stays as Toggl has it. */
  changes: orgGroupChangesSchema,
});

export type OrgGroupUpdate = z.infer<typeof orgGroupUpdateSchema>;

export const newOrgGroupUpdate = (fields: Omit<OrgGroupUpdate, 'kind'>): OrgGroupUpdate => ({
  kind: 'orgGroup.update',
  ...fields,
});
export const isOrgGroupUpdate = (op: ChangeOp): op is OrgGroupUpdate => op.kind === 'orgGroup.update';

function what(changes: OrgGroupUpdate['changes']): string {
  const parts = [
    changes.name !== undefined && 'Rename',
    changes.users !== undefined && 'Change the people of',
    changes.workspaces !== undefined && 'Change the workspaces of',
  ].filter((part): part is string => part !== false);
  return parts.length === 1 ? (parts[0] ?? 'Change') : 'Change';
}

/**
 * Renames an organization group, or sets its people or workspaces (`PUT …/groups/{id}`, which
 * takes all three: what the user did not change is sent as Toggl last said it).
 */
export const orgGroupUpdate: ChangeKind<OrgGroupUpdate> = {
  targets: (op) => [orgGroupKey(op.id)],
  refs: (op) => [op.id],
  remap: (op, from, to) => (op.id === from ? { ...op, id: to } : op),
  describe: (op, names) => {
    const name = names(orgGroupKey(op.id));
    const renamed = op.changes.name !== undefined && name !== op.changes.name ? ` to “${op.changes.name}”` : '';
    return `${what(op.changes)} the group${name ? ` “${name}”` : ''}${renamed}`;
  },

  apply(view, op, { mark }) {
    const organization = view.organizations.get(op.oid);
    const group = organization?.groups.find((item) => item.id === op.id);
    if (!organization || !group) return;
    const { name, users, workspaces } = op.changes;
    const changed = {
      ...group,
      ...(name !== undefined && { name }),
      ...(users !== undefined && { users: peopleNamed(view, op.oid, users) }),
      ...(workspaces !== undefined && { workspaces }),
      sync: mark,
    };
    organization.groups = organization.groups.map((item) => (item.id === op.id ? changed : item));
  },

  async send(op, { api, cache }) {
    const base = cachedGroup(cache, op.oid, op.id);
    const body = {
      name: op.changes.name ?? base?.name ?? '',
      users: op.changes.users ?? base?.users.map((user) => user.id) ?? [],
      workspaces: op.changes.workspaces ?? base?.workspaces ?? [],
    };
    try {
      const [group] = readOrgGroups([await api.team.updateGroup(op.oid, op.id, body)], inAnswer);
      if (!group) return { result: 'failed', error: 'Toggl’s answer held no group.' };
      storeGroup(cache, op.oid, group);
      return { result: 'done' };
    } catch (error) {
      if (!isGone(error)) throw error;
      // Deleted on Toggl meanwhile ("Invalid group ID."): there is nothing left to change.
      forgetGroup(cache, op.oid, op.id);
      return { result: 'failed', error: 'This group was deleted in Toggl meanwhile: discard the change.' };
    }
  },

  merge(earlier, later) {
    // Changed before it reached Toggl: the create carries it.
    if (isOrgGroupCreate(earlier) && earlier.tempId === later.id) {
      const { name, users, workspaces } = later.changes;
      return {
        earlier: {
          ...earlier,
          name: name ?? earlier.name,
          users: users ?? earlier.users,
          workspaces: workspaces ?? earlier.workspaces,
        },
        later: null,
      };
    }
    if (isOrgGroupUpdate(earlier) && earlier.id === later.id)
      return { earlier: { ...earlier, changes: { ...earlier.changes, ...later.changes } }, later: null };
    return undefined;
  },
};
