import { isDeepStrictEqual } from 'node:util';
import type { FieldConflict, ItemSync } from '../../../shared/entities';
import type { CacheStore } from '../store/cache-store';
import type { TogglApi } from '../toggl/api';
import type { ChangeKind, Merged, WorkingView } from './kind';
import type { ChangeOp } from './registry';

/** What the project and task updates share: changed fields, and Toggl's values they were based on. */
export interface UpdateOp {
  kind: string;
  id: number;
  changes: Record<string, unknown>;
  /** Toggl's values of the changed fields when the edit was made. */
  base: Record<string, unknown>;
}

// A value may be an object (a project's recurring parameters): the same when its fields are.
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (a == null && b == null) || (typeof a === 'object' && isDeepStrictEqual(a, b));

const SEVERITY: Record<ItemSync, number> = { synced: 0, pending: 1, failed: 2, conflict: 3 };

export function worst(a: ItemSync, b: ItemSync): ItemSync {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** Toggl's values (from the cache) of the fields an edit changes: what it is based on. */
export function baseOf(server: object | undefined, changes: object): Record<string, unknown> {
  const values = (server ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(changes).map((key) => [key, values[key]]));
}

function isSameUpdate<Op extends UpdateOp>(earlier: ChangeOp, later: Op): earlier is ChangeOp & Op {
  return earlier.kind === later.kind && (earlier as unknown as UpdateOp).id === later.id;
}

/**
 * A later edit of the same fields folds into the queued one: two renames make one request,
 * and an edit that puts back Toggl's value (an undone archive) cancels out. Edits of other
 * fields stay separate changes (each can be retried or discarded on its own).
 */
function mergeUpdates(earlier: ChangeOp, later: UpdateOp): Merged | undefined {
  if (!isSameUpdate(earlier, later)) return undefined;
  const overlaps = Object.keys(later.changes).some((field) => field in earlier.changes);
  if (!overlaps) return undefined;
  const merged: Record<string, unknown> = { ...earlier.changes, ...later.changes };
  const based: Record<string, unknown> = { ...later.base, ...earlier.base };
  const undone = (field: string): boolean => field in based && sameValue(merged[field], based[field]);
  const changes = Object.fromEntries(Object.entries(merged).filter(([field]) => !undone(field)));
  const base = Object.fromEntries(Object.entries(based).filter(([field]) => !undone(field)));
  if (Object.keys(changes).length === 0) return { earlier: null, later: null };
  return { earlier: { ...earlier, changes, base } as ChangeOp, later: null };
}

/** My earlier edit of these fields reached Toggl: Toggl's values are now mine, not a conflict. */
function rebaseUpdate<Op extends UpdateOp>(op: Op, sent: ChangeOp): Op {
  if (!isSameUpdate(sent, op)) return op;
  const base = { ...op.base };
  for (const [field, value] of Object.entries(sent.changes)) if (field in base) base[field] = value;
  return { ...op, base };
}

type Checked =
  | { status: 'send'; fields: Record<string, unknown> }
  | { status: 'gone' }
  | { status: 'conflict'; conflicts: FieldConflict[] };

/**
 * The fields still worth sending, compared with what Toggl has now (the cache after the last
 * sync): fields only I changed go; fields Toggl already has drop out; a field both sides
 * changed differently is a conflict.
 */
function checkAgainstServer(op: UpdateOp, server: object | undefined): Checked {
  if (!server) return { status: 'gone' };
  const current = server as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, mine] of Object.entries(op.changes)) {
    const theirs = current[field];
    if (sameValue(theirs, mine)) continue;
    if (field in op.base && !sameValue(theirs, op.base[field])) conflicts.push({ field, mine, theirs });
    else fields[field] = mine;
  }
  return conflicts.length > 0 ? { status: 'conflict', conflicts } : { status: 'send', fields };
}

const GONE_MESSAGE = 'It was deleted on Toggl, so this change cannot be applied.';

/** Keep mine: Toggl's current values become the base, so mine go over them. Keep theirs: mine are dropped. */
function resolveUpdate<Op extends UpdateOp>(op: Op, conflicts: FieldConflict[], keep: 'mine' | 'theirs'): Op | null {
  const fields = new Set(conflicts.map((conflict) => conflict.field));
  if (keep === 'mine') {
    const theirs = Object.fromEntries(conflicts.map((conflict) => [conflict.field, conflict.theirs]));
    return { ...op, base: { ...op.base, ...theirs } };
  }
  const without = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).filter(([field]) => !fields.has(field)));
  const changes = without(op.changes);
  return Object.keys(changes).length === 0 ? null : { ...op, changes, base: without(op.base) };
}

/** "Archive project “X”", "Rename task to “Y”", … */
function describeUpdate(what: 'project' | 'task', changes: Record<string, unknown>, name: string | undefined): string {
  const quoted = name ? ` “${name}”` : '';
  const only = Object.keys(changes);
  if (only.length === 1 && only[0] === 'active') {
    if (what === 'project') return `${changes.active ? 'Restore' : 'Archive'} project${quoted}`;
    return `Mark task${quoted} ${changes.active ? 'not done' : 'done'}`;
  }
  return typeof changes.name === 'string' ? `Rename ${what} to “${changes.name}”` : `Edit ${what}${quoted}`;
}

/** What a project or task update tells the shared update logic about its kind of item. */
export interface UpdateSpec<Op extends UpdateOp & ChangeOp> {
  what: 'project' | 'task';
  /** The item as listed (to lay the edit over) and as Toggl last confirmed it (the cache). */
  listed(view: WorkingView, id: number): { sync: ItemSync } | undefined;
  confirmed(cache: CacheStore, id: number): object | undefined;
  /** Sends the fields (PUT) and keeps Toggl's answer in the cache. */
  put(api: TogglApi, cache: CacheStore, op: Op, fields: Record<string, unknown>): Promise<void>;
  /** Is `earlier` the still-queued create of this item (edits fold into it)? */
  createOf(earlier: ChangeOp, op: Op): (ChangeOp & { fields: object }) | undefined;
}

/** The update logic projects and tasks share: apply, send (with conflicts), merge, rebase, resolve. */
export function updateKind<Op extends UpdateOp & ChangeOp>(
  spec: UpdateSpec<Op>,
): Pick<ChangeKind<Op>, 'describe' | 'apply' | 'send' | 'merge' | 'rebase' | 'resolve'> {
  const key = spec.what === 'project' ? 'p' : 't';
  return {
    describe: (op, names) => describeUpdate(spec.what, op.changes, names(`${key}:${op.id}`)),
    apply(view, op, { mark }) {
      const item = spec.listed(view, op.id);
      if (item) Object.assign(item, op.changes, { sync: worst(item.sync, mark) });
    },
    async send(op, { api, cache }) {
      const checked = checkAgainstServer(op, spec.confirmed(cache, op.id));
      if (checked.status === 'gone') return { result: 'failed', error: GONE_MESSAGE };
      if (checked.status === 'conflict') return { result: 'conflict', conflicts: checked.conflicts };
      if (Object.keys(checked.fields).length > 0) await spec.put(api, cache, op, checked.fields);
      return { result: 'done' };
    },
    merge(earlier, later) {
      // An edit of an item not yet created goes into the create (one request, not two);
      // archiving it or marking it done stays a change of its own: a create makes it active.
      const create = spec.createOf(earlier, later);
      if (create) {
        const { active, ...fields } = later.changes;
        const rest = active === undefined ? null : { ...later, changes: { active }, base: { active: true } };
        return { earlier: { ...create, fields: { ...create.fields, ...fields } } as ChangeOp, later: rest };
      }
      return mergeUpdates(earlier, later);
    },
    rebase: rebaseUpdate,
    resolve: resolveUpdate,
  };
}
