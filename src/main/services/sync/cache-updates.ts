import { sameItem } from '../../../shared/view-delta';
import { nextTurn } from '../next-turn';
import type { Delta, SkipReport } from '../toggl/mapping';

/** Items read between two turns of the event loop: a few milliseconds of work. */
const SLICE = 5_000;

/** A list from Toggl read a slice at a time, with a turn of the event loop after each. */
export async function inSlices<T>(
  raw: unknown,
  read: (raw: unknown, report: SkipReport) => Delta<T>,
  report: SkipReport,
): Promise<Delta<T>> {
  if (!Array.isArray(raw) || raw.length <= SLICE) return read(raw, report);
  const all: Delta<T> = { live: [], deletedIds: [] };
  for (let at = 0; at < raw.length; at += SLICE) {
    const slice = read(raw.slice(at, at + SLICE), report);
    for (const item of slice.live) all.live.push(item);
    for (const id of slice.deletedIds) all.deletedIds.push(id);
    await nextTurn();
  }
  return all;
}

/** Toggl's `since` answer: deleted items go, changed ones replace what the cache had. */
export function applyChanges<T extends { id: number }>(map: Map<number, T>, delta: Delta<T>): void {
  for (const id of delta.deletedIds) map.delete(id);
  for (const item of delta.live) {
    const kept = map.get(item.id);
    // The same values again keep their object: nothing that follows the cache has to look.
    if (!kept || !sameItem(kept, item)) map.set(item.id, item);
  }
}

/**
 * The whole list from Toggl; an item that did not change keeps its object, so nothing follows
 * it. A slice at a time, with a turn of the event loop after each.
 */
export async function replaceAll<T extends { id: number }>(map: Map<number, T>, items: T[]): Promise<void> {
  const gone = new Set(map.keys());
  for (let at = 0; at < items.length; at += SLICE) {
    for (const item of items.slice(at, at + SLICE)) {
      gone.delete(item.id);
      const kept = map.get(item.id);
      if (!kept || !sameItem(kept, item)) map.set(item.id, item);
    }
    if (items.length > SLICE) await nextTurn();
  }
  for (const id of gone) map.delete(id);
}
