import { sameItem } from '../../../shared/view-delta';
import { Slices, growsNext } from '../store/slices';
import type { Delta, SkipReport } from '../toggl/mapping';

/** Items read at a time (the clock is looked at between two pieces). */
const PIECE = 250;

/** A list from Toggl read a slice at a time, letting everything else run in between. */
export async function inSlices<T>(
  raw: unknown,
  read: (raw: unknown, report: SkipReport) => Delta<T>,
  report: SkipReport,
): Promise<Delta<T>> {
  if (!Array.isArray(raw) || raw.length <= PIECE) return read(raw, report);
  const all: Delta<T> = { live: [], deletedIds: [] };
  const slices = new Slices();
  // A turn of its own to start in, not the end of whatever else runs now.
  await slices.next();
  for (let at = 0; at < raw.length; at += PIECE) {
    const piece = read(raw.slice(at, at + PIECE), report);
    for (const item of piece.live) all.live.push(item);
    for (const id of piece.deletedIds) all.deletedIds.push(id);
    if (slices.timeUp()) await slices.next();
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
 * it. A slice at a time, letting everything else run in between.
 */
export async function replaceAll<T extends { id: number }>(map: Map<number, T>, items: T[]): Promise<void> {
  const slices = new Slices();
  // What the map holds now; whatever of it the new list does not name is gone at the end.
  const before = [...map.keys()];
  if (items.length + before.length > PIECE) await slices.next();
  const named = before.length > 0 ? new Set<number>() : undefined;
  for (const item of items) {
    // A table about to double (megabytes at 65,536 items) starts a slice of its own.
    if ((named && growsNext(named.size)) || (!map.has(item.id) && growsNext(map.size))) await slices.next();
    named?.add(item.id);
    const kept = map.get(item.id);
    if (!kept || !sameItem(kept, item)) map.set(item.id, item);
    if (slices.due()) await slices.next();
  }
  if (!named) return;
  for (const id of before) {
    if (!named.has(id)) map.delete(id);
    if (slices.due()) await slices.next();
  }
}
