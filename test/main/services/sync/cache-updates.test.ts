import { describe, expect, it } from 'vitest';
import { inSlices, replaceAll } from '../../../../src/main/services/sync/cache-updates';
import { nextSlice } from '../../../../src/main/services/store/slices';
import { parseTasks } from '../../../../src/main/services/toggl/mapping';

type Item = { id: number; name: string };
const item = (id: number, name = `Item ${id}`): Item => ({ id, name });

describe('the whole list from Toggl, a slice at a time', () => {
  it('keeps unchanged items’ objects, replaces changed ones, and drops what the list no longer names', async () => {
    const map = new Map<number, Item>();
    for (let id = 1; id <= 40_000; id++) map.set(id, item(id));
    const unchanged = map.get(1002);
    const next = Array.from({ length: 45_000 }, (_, at) => item(at + 1001, at === 0 ? 'Renamed' : undefined));
    await replaceAll(map, next);
    expect(map.size).toBe(45_000);
    expect(map.has(1000)).toBe(false);
    expect(map.get(1001)).toBe(next[0]);
    expect(map.get(46_000)).toBe(next[44_999]);
    // An item the list did not change keeps the object the map had.
    expect(map.get(1002)).toBe(unchanged);
    expect([...map.keys()]).toEqual(Array.from({ length: 45_000 }, (_, at) => at + 1001));
  });

  it('lets other work run between slices; an item added meanwhile by someone else stays', async () => {
    const map = new Map<number, Item>();
    for (let id = 1; id <= 50_000; id++) map.set(id, item(id));
    let done = false;
    const replacing = replaceAll(
      map,
      Array.from({ length: 50_000 }, (_, at) => item(at + 1, 'Renamed')),
    ).then(() => (done = true));
    await nextSlice();
    expect(done).toBe(false);
    map.set(-1, item(-1, 'Created meanwhile'));
    await replacing;
    expect(map.get(-1)?.name).toBe('Created meanwhile');
    expect([...map.values()].filter((value) => value.name === 'Renamed')).toHaveLength(50_000);
  });

  it('reads a long answer a slice at a time into the same items as in one go', async () => {
    const raw = Array.from({ length: 3_000 }, (_, at) => ({
      id: at + 1,
      workspace_id: 1,
      project_id: 2,
      name: `Task ${at}`,
      server_deleted_at: at % 100 === 0 ? '2026-01-01T00:00:00Z' : null,
    }));
    const skipped: string[] = [];
    const report = (what: string, problem: string) => skipped.push(`${what}: ${problem}`);
    expect(await inSlices([...raw, { name: 'no id' }], parseTasks, report)).toEqual(
      parseTasks([...raw, { name: 'no id' }], () => undefined),
    );
    expect(skipped).toEqual(['task: id: missing']);
  });
});
