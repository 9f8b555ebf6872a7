import type { BulkPatchResult } from '../toggl/types';
import type { Merged, SendOutcome, ViewProject, ViewTask } from './kind';
import { worst } from './entity-update';
import type { OverlayMap } from './overlay-map';
import type { ChangeOp } from './registry';

/** What the project and task bulk archive/done share. */
export interface BulkActiveOp {
  kind: string;
  ids: number[];
  active: boolean;
}

const idSet = (ids: readonly number[]): string => [...ids].sort((a, b) => a - b).join(',');

export function remapIds<Op extends BulkActiveOp>(op: Op, from: number, to: number): Op {
  return { ...op, ids: op.ids.map((id) => (id === from ? to : id)) };
}

export function applyActive(
  items: OverlayMap<ViewProject> | OverlayMap<ViewTask>,
  op: BulkActiveOp,
  mark: ViewProject['sync'],
): void {
  for (const id of op.ids) {
    const item = items.get(id);
    if (item) Object.assign(item, { active: op.active, sync: worst(item.sync, mark) });
  }
}

/** The same items again: the opposite (an undo) cancels out, the same is already queued. */
export function mergeBulk(earlier: ChangeOp, later: BulkActiveOp): Merged | undefined {
  if (earlier.kind !== later.kind) return undefined;
  const queued = earlier as unknown as BulkActiveOp;
  if (idSet(queued.ids) !== idSet(later.ids)) return undefined;
  return queued.active === later.active ? { earlier, later: null } : { earlier: null, later: null };
}

/**
 * Folds Toggl's per-item answer into the cache; items it refused stay queued (failed) with
 * its reasons.
 */
export function bulkOutcome<Item extends { active: boolean; at: string }>(
  op: Extract<ChangeOp, BulkActiveOp>,
  result: BulkPatchResult,
  items: Map<number, Item>,
  now: number,
  what: 'projects' | 'tasks',
): SendOutcome {
  for (const id of result.success) {
    const item = items.get(id);
    if (item) items.set(id, { ...item, active: op.active, at: new Date(now).toISOString() });
  }
  if (result.failure.length === 0) return { result: 'done' };
  const message = [...new Set(result.failure.map((failure) => failure.message))].join('; ');
  return {
    result: 'failed',
    error: `Toggl refused ${result.failure.length} of the ${what}: ${message}`,
    op: { ...op, ids: result.failure.map((failure) => failure.id) },
  };
}
