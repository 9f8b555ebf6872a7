import type { DataView } from './entities';

type Item = { id: number };

export interface ItemChanges<T extends Item> {
  upsert: T[];
  remove: number[];
}

/**
 * What changed in the list between two versions: projects and tasks item by item (a 100,000
 * task account must not cross IPC whole for one archive), the small rest sent whole.
 */
export interface ViewDelta {
  /** The version this applies on top of; a window holding another one asks for a full copy. */
  base: number;
  version: number;
  projects: ItemChanges<DataView['projects'][number]>;
  tasks: ItemChanges<DataView['tasks'][number]>;
  rest: Omit<DataView, 'projects' | 'tasks' | 'version'>;
}

/** Same keys with the same values; an array (a workspace's managed projects) item by item. */
export function sameItem(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => {
      const [x, y] = [left[key], right[key]];
      if (Array.isArray(x) && Array.isArray(y))
        return x.length === y.length && x.every((value, at) => Object.is(value, y[at]));
      return Object.is(x, y);
    })
  );
}

/** The `base` of a change too large to send item by item (a full load): load the list again. */
export const WHOLE_LIST_CHANGED = -1;

/** Changes over this many items go as WHOLE_LIST_CHANGED: windows load the list a page at a time. */
export const LARGE_DELTA_ITEMS = 10_000;

function applyItems<T extends Item>(items: readonly T[], changes: ItemChanges<T>): T[] {
  // Unchanged, the same array: a window's search index and tree follow it by identity.
  if (changes.upsert.length === 0 && changes.remove.length === 0) return items as T[];
  const removed = new Set(changes.remove);
  const updates = new Map(changes.upsert.map((item) => [item.id, item]));
  const next: T[] = [];
  for (const item of items) {
    if (removed.has(item.id)) continue;
    next.push(updates.get(item.id) ?? item);
    updates.delete(item.id);
  }
  return [...next, ...updates.values()];
}

/** The view after the delta, or null when the delta is not for this version (ask for a full copy). */
export function applyDelta(view: DataView, delta: ViewDelta): DataView | null {
  if (delta.base !== view.version) return null;
  return {
    ...delta.rest,
    version: delta.version,
    projects: applyItems(view.projects, delta.projects),
    tasks: applyItems(view.tasks, delta.tasks),
  };
}
