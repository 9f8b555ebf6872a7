/**
 * `items` by descending `rank`, ties in their order, each item's rank asked once. Ranks are
 * marks (0–255) and lists are mostly short (a client's projects, a project's tasks): a short
 * list is sorted in place, a long one counted into one bucket per rank.
 */
export function byRank(items: ArrayLike<number>, rank: (item: number) => number): Int32Array {
  const count = items.length;
  const ranks = new Uint8Array(count);
  let top = 0;
  for (let at = 0; at < count; at++) top = Math.max(top, (ranks[at] = rank(items[at] ?? 0)));
  const sorted = new Int32Array(count);
  if (count <= SHORT) {
    // Insertion sort: stable, and nothing to allocate.
    const sortedRanks = new Uint8Array(count);
    for (let at = 0; at < count; at++) {
      const value = ranks[at] ?? 0;
      let to = at;
      while (to > 0 && (sortedRanks[to - 1] ?? 0) < value) {
        sorted[to] = sorted[to - 1] ?? 0;
        sortedRanks[to] = sortedRanks[to - 1] ?? 0;
        to--;
      }
      sorted[to] = items[at] ?? 0;
      sortedRanks[to] = value;
    }
    return sorted;
  }
  // Bucket top - r holds rank r; starts[b] ends up where bucket b starts.
  const starts = new Int32Array(top + 2);
  for (let at = 0; at < count; at++) {
    const value = ranks[at] ?? 0;
    starts[top - value + 1] = (starts[top - value + 1] ?? 0) + 1;
  }
  for (let bucket = 1; bucket <= top + 1; bucket++) starts[bucket] = (starts[bucket] ?? 0) + (starts[bucket - 1] ?? 0);
  for (let at = 0; at < count; at++) {
    const bucket = top - (ranks[at] ?? 0);
    const place = starts[bucket] ?? 0;
    sorted[place] = items[at] ?? 0;
    starts[bucket] = place + 1;
  }
  return sorted;
}

/** Up to this many items are sorted in place. */
const SHORT = 32;
