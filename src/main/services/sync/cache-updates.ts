import type { Delta } from '../toggl/mapping';

/** Toggl's `since` answer: deleted items go, changed ones replace what the cache had. */
export function applyChanges<T extends { id: number }>(map: Map<number, T>, delta: Delta<T>): void {
  for (const id of delta.deletedIds) map.delete(id);
  for (const item of delta.live) map.set(item.id, item);
}

/** The whole list from Toggl; an item that did not change keeps its object, so nothing follows it. */
export function replaceAll<T extends { id: number }>(map: Map<number, T>, items: T[]): void {
  const gone = new Set(map.keys());
  for (const item of items) {
    gone.delete(item.id);
    const kept = map.get(item.id);
    if (!kept || !sameRecord(kept, item)) map.set(item.id, item);
  }
  for (const id of gone) map.delete(id);
}

/** Same fields, same values (one level of arrays deep: a workspace's managed projects). */
function sameRecord(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => {
      const [x, y] = [left[key], right[key]];
      if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((value, at) => value === y[at]);
      return Object.is(x, y);
    })
  );
}
