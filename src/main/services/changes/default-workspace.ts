import { z } from 'zod';
import { TogglApiError } from '../toggl/errors';
import { toUser } from '../toggl/mapping';
import { isGone } from './gone';
import type { ChangeKind } from './kind';
import type { ChangeOp } from './registry';

/** The one list key of the user's own settings: a second change folds into the first. */
export const ME_KEY = 'u:me';

export const defaultWorkspaceSchema = z.object({
  kind: z.literal('me.defaultWorkspace'),
  /** The workspace chosen. */
  wid: z.number().int(),
  /** Toggl's default when the choice was made: choosing it again cancels the change. */
  was: z.number().int().nullable(),
});

export type DefaultWorkspace = z.infer<typeof defaultWorkspaceSchema>;

export const newDefaultWorkspace = (fields: Omit<DefaultWorkspace, 'kind'>): DefaultWorkspace => ({
  kind: 'me.defaultWorkspace',
  ...fields,
});

export const isDefaultWorkspace = (op: ChangeOp): op is DefaultWorkspace => op.kind === 'me.defaultWorkspace';

const named = (name: string | undefined): string => (name ? `“${name}”` : 'a workspace');

/**
 * The user's default workspace (`PUT /me` `default_workspace_id`): where "New project" goes
 * first. A setting, not an item: the last choice wins, so there is nothing to conflict over.
 */
export const defaultWorkspace: ChangeKind<DefaultWorkspace> = {
  targets: () => [ME_KEY],
  // Workspaces are never made here, so no temporary id to wait for.
  refs: () => [],
  remap: (op) => op,
  describe: (op, names) => `Make ${named(names(`w:${op.wid}`))} your default workspace`,

  apply(view, op) {
    if (view.user) view.user = { ...view.user, defaultWorkspaceId: op.wid };
  },

  async send(op, { api, cache }) {
    // Already so on Toggl (set elsewhere, or an earlier send's answer was lost): no request.
    if (cache.user?.defaultWorkspaceId === op.wid) return { result: 'done' };
    try {
      cache.user = toUser(await api.updateMe({ default_workspace_id: op.wid }));
      return { result: 'done' };
    } catch (error) {
      if (!(error instanceof TogglApiError) || !isGone(error)) throw error;
      // Toggl's only word for it ("Invalid default_workspace_id"): not a member there any more.
      return {
        result: 'failed',
        error: `Toggl refused it (${error.serverMessage ?? 'Invalid default_workspace_id'}): you may no longer be in that workspace. Pick another in Settings, or discard this change.`,
      };
    }
  },

  merge(earlier, later) {
    if (!isDefaultWorkspace(earlier)) return undefined;
    // Back to what Toggl has: nothing is left to send.
    if (later.wid === earlier.was) return { earlier: null, later: null };
    return { earlier: { ...earlier, wid: later.wid }, later: null };
  },
};
