import { sameItem } from '../../../shared/view-delta';
import { Slices, growsNext } from '../store/slices';
import type { Delta, SkipReport } from '../toggl/mapping';
import { PiecedList } from '../toggl/pieced-json';

/** Items of a raw answer read at a time; a list that, with the map's, holds fewer is taken in without waiting for a turn. */
const PIECE = 250;

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
export function replaceAll<T extends { id: number }>(map: Map<number, T>, items: T[]): Promise<void> {
  return replaceWith(map, [items], items.length);
}

/**
 * The whole list from Toggl's raw answer, read a piece at a time and taken in as it is read
 * (as `replaceAll` takes it). An item read that did not change is dropped at once: on a large
 * account a full load reads 100,000 items that are mostly the cache's already, and kept until
 * the end they outlived young collections and made every one of them copy them (stalls of
 * 30 ms at 11 µs a page fault).
 */
export function replaceAllRead<T extends { id: number }>(
  map: Map<number, T>,
  raw: unknown,
  read: (raw: unknown, report: SkipReport) => Delta<T>,
  report: SkipReport,
): Promise<void> {
  // Toggl leaves an empty list out; a list that is something else cannot be read, and says
  // nothing about what Toggl holds: the cache keeps what it had (the reader reports it).
  if (raw == null) return replaceAll(map, []);
  // A large answer's list comes from the parsing worker a piece at a time, each taken in as it comes.
  if (raw instanceof PiecedList) return replaceWith(map, readPieces(raw, read, report), Number.POSITIVE_INFINITY);
  if (!Array.isArray(raw)) {
    read(raw, report);
    return Promise.resolve();
  }
  return replaceWith(map, piecesOf(raw, read, report), raw.length);
}

async function* readPieces<T>(
  list: PiecedList,
  read: (raw: unknown, report: SkipReport) => Delta<T>,
  report: SkipReport,
): AsyncGenerator<T[]> {
  for await (const raw of list) yield* piecesOf(raw, read, report);
}

function* piecesOf<T>(
  raw: unknown[],
  read: (raw: unknown, report: SkipReport) => Delta<T>,
  report: SkipReport,
): Generator<T[]> {
  for (let at = 0; at < raw.length; at += PIECE) yield read(raw.slice(at, at + PIECE), report).live;
}

/** `pieces`, read as they are asked for, about `size` items in all (or Infinity: not known), replace what `map` holds. */
async function replaceWith<T extends { id: number }>(
  map: Map<number, T>,
  pieces: Iterable<T[]> | AsyncIterable<T[]>,
  size: number,
): Promise<void> {
  const slices = new Slices();
  // What the map holds now; whatever of it the new list does not name is gone at the end.
  const before = [...map.keys()];
  if (size + before.length > PIECE) await slices.next();
  const named = before.length > 0 ? new Set<number>() : undefined;
  for await (const items of pieces) {
    for (const item of items) {
      // A table about to double (megabytes at 65,536 items) starts a slice of its own.
      if ((named && growsNext(named.size)) || (!map.has(item.id) && growsNext(map.size))) await slices.next();
      named?.add(item.id);
      const kept = map.get(item.id);
      if (!kept || !sameItem(kept, item)) map.set(item.id, item);
      if (slices.due()) await slices.next();
    }
    // A piece of deleted or unreadable items names none, and reading it still takes time.
    if (slices.timeUp()) await slices.next();
  }
  if (!named) return;
  for (const id of before) {
    if (!named.has(id)) map.delete(id);
    if (slices.due()) await slices.next();
  }
}
