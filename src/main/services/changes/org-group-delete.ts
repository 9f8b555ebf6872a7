import { z } from 'zod';
import { ignoreNotFound } from './gone';
import type { ChangeKind } from './kind';
import { forgetGroup, forgetGroupInView, orgGroupKey } from './org-group-cache';
import { isOrgGroupCreate } from './org-group-create';
import { isOrgGroupUpdate } from './org-group-update';

export const orgGroupDeleteSchema = z.object({
  kind: z.literal('orgGroup.delete'),
  id: z.number().int(),
  oid: z.number().int(),
});

export type OrgGroupDelete = z.infer<typeof orgGroupDeleteSchema>;

export const newOrgGroupDelete = (fields: Omit<OrgGroupDelete, 'kind'>): OrgGroupDelete => ({
  kind: 'orgGroup.delete',
  ...fields,
});

/** Deletes an organization group; Toggl takes it off every project it was on. */
export const orgGroupDelete: ChangeKind<OrgGroupDelete> = {
  targets: (op) => [orgGroupKey(op.id)],
  refs: (op) => [op.id],
  remap: (op, from, to) => (op.id === from ? { ...op, id: to } : op),
  describe: (op, names) => {
    const name = names(orgGroupKey(op.id));
    return `Delete the group${name ? ` “${name}”` : ''}`;
  },

  apply(view, op) {
    forgetGroupInView(view, op.oid, op.id);
  },

  async send(op, { api, cache }) {
    // Already gone on Toggl ("Invalid group ID."): what the user wanted.
    await ignoreNotFound(() => api.team.deleteGroup(op.oid, op.id));
    forgetGroup(cache, op.oid, op.id);
    return { result: 'done' };
  },

  merge(earlier, later) {
    // Deleting what was never sent: neither goes (nor what waits on it).
    if (isOrgGroupCreate(earlier) && earlier.tempId === later.id) return { earlier: null, later: null };
    // A rename or new people before a delete need not go.
    if (isOrgGroupUpdate(earlier) && earlier.id === later.id) return { earlier: later, later: null };
    return undefined;
  },
};
