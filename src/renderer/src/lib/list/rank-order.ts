/**
 * `items` by descending `rank`, ties in their order: a counting sort (ranks are marks, 0–255),
 * with each item's rank asked once.
 */
export function byRank(items: ArrayLike<number>, rank: (item: number) => number): Int32Array {
  const ranks = new Uint8Array(items.length);
  for (let at = 0; at < items.length; at++) ranks[at] = rank(items[at] ?? 0);
  // Bucket 255 - r holds rank r; starts[b] ends up where bucket b starts.
  const starts = new Int32Array(257);
  for (const value of ranks) starts[256 - value] = (starts[256 - value] ?? 0) + 1;
  for (let bucket = 1; bucket <= 256; bucket++) starts[bucket] = (starts[bucket] ?? 0) + (starts[bucket - 1] ?? 0);
  const sorted = new Int32Array(items.length);
  for (let at = 0; at < items.length; at++) {
    const bucket = 255 - (ranks[at] ?? 0);
    const place = starts[bucket] ?? 0;
    sorted[place] = items[at] ?? 0;
    starts[bucket] = place + 1;
  }
  return sorted;
}
