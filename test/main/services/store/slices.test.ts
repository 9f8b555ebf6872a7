import { describe, expect, it } from 'vitest';
import { SLICE_MS, Slices, growsNext, nextSlice, roomBeforeGrowth } from '../../../../src/main/services/store/slices';
import { ChangedKeys, TrackedMap } from '../../../../src/main/services/store/tracked-map';

/** Counts the turns of the event loop (an immediate that sets itself again runs once a turn). */
function turnCounter(): { readonly turn: number; stop(): void } {
  let turn = 0;
  let stopped = false;
  const tick = () => {
    turn++;
    if (!stopped) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get turn() {
      return turn;
    },
    stop: () => {
      stopped = true;
    },
  };
}

describe('work in slices', () => {
  it('jobs waiting for a slice resume one per turn of the event loop, in the order they asked', async () => {
    const order: string[] = [];
    const turns: number[] = [];
    const counter = turnCounter();
    const job = async (name: string) => {
      for (let slice = 0; slice < 3; slice++) {
        await nextSlice();
        order.push(`${name}${slice}`);
        turns.push(counter.turn);
      }
    };
    await Promise.all([job('a'), job('b')]);
    counter.stop();
    expect(order).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    // Each resumption had a turn of its own.
    expect(new Set(turns).size).toBe(6);
  });

  it('a slice is up once it has run its time, and the next starts afresh', async () => {
    // A clock the test moves: the machine's own speed (a busy core) must not decide the outcome.
    let clock = 1_000;
    const slices = new Slices(() => clock);
    clock += SLICE_MS - 1;
    expect(slices.timeUp()).toBe(false);
    clock += 1;
    expect(slices.timeUp()).toBe(true);
    // due() looks at the clock every few items only, but does look.
    let items = 0;
    while (!slices.due()) items++;
    expect(items).toBeLessThan(100);
    await slices.next();
    expect(slices.timeUp()).toBe(false);
    clock += SLICE_MS;
    expect(slices.timeUp()).toBe(true);
  });

  it('knows when a Map or Set of a large size doubles its table next', () => {
    expect(roomBeforeGrowth(1_000)).toBe(Number.POSITIVE_INFINITY);
    expect(roomBeforeGrowth(65_536)).toBe(0);
    expect(roomBeforeGrowth(65_537)).toBe(65_535);
    expect(roomBeforeGrowth(100_000)).toBe(31_072);
    expect(growsNext(32_768)).toBe(true);
    expect(growsNext(32_769)).toBe(false);
    expect(growsNext(1_024)).toBe(false);
  });
});

describe('a tracked map past its watcher’s limit', () => {
  it('notes keys up to the limit, then only that everything changed, until drained', () => {
    const map = new TrackedMap<number, string>();
    const few = map.watch(3);
    const all = map.watch();
    for (let id = 1; id <= 3; id++) map.set(id, `item ${id}`);
    expect(few.isEverything).toBe(false);
    expect(few.size).toBe(3);
    map.set(4, 'item 4');
    expect(few.isEverything).toBe(true);
    expect(few.size).toBe(Number.POSITIVE_INFINITY);
    expect(all.size).toBe(4);
    // Drained, it notes key by key again.
    expect(few.drain()).toEqual([]);
    map.delete(2);
    expect(few.isEverything).toBe(false);
    expect(few.drain()).toEqual([2]);
    expect(all.drain()).toEqual([1, 2, 3, 4]);
  });

  it('restart() forgets what changed; take() hands keys over in order', () => {
    const changed = new ChangedKeys<number>();
    for (const key of [5, 6, 7]) changed.add(key);
    expect(changed.take(2)).toEqual([5, 6]);
    expect(changed.size).toBe(1);
    changed.everything();
    changed.restart();
    expect(changed.isEverything).toBe(false);
    expect(changed.size).toBe(0);
  });
});
