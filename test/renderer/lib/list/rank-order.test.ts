import { describe, expect, it } from 'vitest';
import { byRank } from '../../../../src/renderer/src/lib/list/rank-order';
import { seededRandom } from '../../../../tools/sandbox/names';

describe('byRank', () => {
  it('orders by descending rank, ties in their order, short lists and long ones alike', () => {
    const random = seededRandom(5);
    for (const length of [0, 1, 2, 31, 32, 33, 100, 1_000]) {
      const items = Array.from({ length }, (_, at) => 1_000 + at);
      const ranks = new Map(items.map((item) => [item, Math.floor(random() * (length % 2 === 0 ? 4 : 256))]));
      const rank = (item: number) => ranks.get(item) ?? 0;
      const stable = [...items].sort((a, b) => rank(b) - rank(a));
      expect([...byRank(items, rank)], `${length} items`).toEqual(stable);
    }
  });
});
