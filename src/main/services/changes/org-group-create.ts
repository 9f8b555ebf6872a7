import { z } from 'zod';
import { inAnswer, readOrgGroups } from '../toggl/team-mapping';
import type { ChangeKind } from './kind';
import { byName, orgGroupKey, peopleNamed, storeGroup } from './org-group-cache';
import type { ChangeOp } from './registry';

export const orgGroupCreateSchema = z.object({
  kind: z.literal('orgGroup.create'),
  tempId: z.number().int(),
  /** The organization it is made in. */
  oid: z.number().int(),
  name: z.string(),
  /** User ids and workspace ids, as Toggl's body takes them. */
  users: z.array(z.number().int()),
  workspaces: z.array(z.number().int()),
});

export type OrgGroupCreate = z.infer<typeof orgGroupCreateSchema>;

export const newOrgGroupCreate = (fields: Omit<OrgGroupCreate, 'kind'>): OrgGroupCreate => ({
  kind: 'orgGroup.create',
  ...fields,
});
export const isOrgGroupCreate = (op: ChangeOp): op is OrgGroupCreate => op.kind === 'orgGroup.create';

/** A new organization group (`POST /organizations/{oid}/groups`), for organization admins. */
export const orgGroupCreate: ChangeKind<OrgGroupCreate> = {
  targets: (op) => [orgGroupKey(op.tempId)],
  // Organizations, people and workspaces are never made here: nothing to wait for.
  refs: () => [],
  creates: (op) => op.tempId,
  remap: (op) => op,
  describe: (op) => `Create the group “${op.name}”`,

  apply(view, op, { mark, at }) {
    const organization = view.organizations.get(op.oid);
    if (!organization) return;
    const group = {
      id: op.tempId,
      name: op.name,
      users: peopleNamed(view, op.oid, op.users),
      workspaces: op.workspaces,
      at,
      sync: mark,
    };
    organization.groups = [...organization.groups, group].sort(byName);
  },

  async send(op, { api, cache, uncertain }) {
    // An earlier POST may have reached Toggl: names are unique in an organization, so look for it.
    const existing = uncertain
      ? readOrgGroups(await api.team.listOrganizationGroups(op.oid, { name: op.name }), inAnswer).find(
          (group) => group.name === op.name,
        )
      : undefined;
    const body = { name: op.name, users: op.users, workspaces: op.workspaces };
    const group = existing ?? readOrgGroups([await api.team.createGroup(op.oid, body)], inAnswer)[0];
    if (!group) return { result: 'failed', error: 'Toggl’s answer held no group.' };
    storeGroup(cache, op.oid, group);
    return { result: 'done', remap: { from: op.tempId, to: group.id } };
  },
};
