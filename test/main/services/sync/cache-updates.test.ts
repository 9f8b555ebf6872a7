import { describe, expect, it } from 'vitest';
import { replaceAll, replaceAllRead } from '../../../../src/main/services/sync/cache-updates';
import { nextSlice } from '../../../../src/main/services/store/slices';
import { parseTasks } from '../../../../src/main/services/toggl/mapping';

type Item = { id: number; name: string };
const item = (id: number, name = `Item ${id}`): Item => ({ id, name });
/** Toggl's tasks as its answer lists them, ids from 1, names T0, T1, … */
const rawTasks = (count: number) =>
  Array.from({ length: count }, (_, at) => ({ id: at + 1, workspace_id: 1, project_id: 2, name: `T${at}` }));

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

  it('takes a long raw answer in as it reads it: the same map as reading it whole first, unreadable items reported', async () => {
    const raw = Array.from({ length: 3_000 }, (_, at) => ({
      id: at + 1,
      workspace_id: 1,
      project_id: 2,
      name: at === 5 ? 'Renamed' : `Task ${at}`,
      active: true,
      server_deleted_at: at % 100 === 0 ? '2026-01-01T00:00:00Z' : null,
    }));
    // The cache as the last load left it: every task there, none deleted yet, one named differently.
    const before = parseTasks(
      raw.map((task) => ({ ...task, name: task.id === 6 ? 'Old name' : task.name, server_deleted_at: null })),
      () => undefined,
    ).live;
    const map = new Map(before.map((task) => [task.id, task]));
    // One the answer no longer names.
    const gone = before[1];
    if (gone) map.set(9_999, { ...gone, id: 9_999 });
    const expected = new Map(map);
    await replaceAll(expected, parseTasks(raw, () => undefined).live);

    const skipped: string[] = [];
    const answer = [...raw, { name: 'no id' }];
    await replaceAllRead(map, answer, parseTasks, (what, problem) => skipped.push(`${what}: ${problem}`));
    expect(skipped).toEqual(['task: id: missing']);
    expect([...map.entries()]).toEqual([...expected.entries()]);
    expect(map.size).toBe(2_970);
    // Gone from Toggl, deleted there: neither stays.
    expect(map.has(9_999)).toBe(false);
    expect(map.has(1)).toBe(false);
    // Read anew, an unchanged task keeps the object the map had; the renamed one is the new one.
    expect(map.get(3)).toBe(before.find((task) => task.id === 3));
    expect(map.get(6)?.name).toBe('Renamed');
  });

  it('applies each piece before reading the next: the items read are not all held at once', async () => {
    const raw = rawTasks(2_000);
    const map = new Map<number, ReturnType<typeof parseTasks>['live'][number]>();
    const inMapWhenRead: number[] = [];
    await replaceAllRead(
      map,
      raw,
      (piece, report) => {
        inMapWhenRead.push(map.size);
        return parseTasks(piece, report);
      },
      () => undefined,
    );
    // Read 250 at a time, each piece already in the map when the next is read.
    expect(inMapWhenRead).toEqual([0, 250, 500, 750, 1_000, 1_250, 1_500, 1_750]);
    expect(map.size).toBe(2_000);
  });

  it('an answer that leaves the list out (Toggl does when it is empty) empties it, without a report', async () => {
    const map = new Map(
      parseTasks([{ id: 1, workspace_id: 1, project_id: 2, name: 'T' }], () => undefined).live.map((task) => [
        task.id,
        task,
      ]),
    );
    const skipped: string[] = [];
    await replaceAllRead(map, undefined, parseTasks, (what, problem) => skipped.push(`${what}: ${problem}`));
    expect(map.size).toBe(0);
    expect(skipped).toEqual([]);
  });

  it('reading a raw answer lets other work run between slices; one that is not a list is reported and loses nothing', async () => {
    const raw = rawTasks(50_000);
    const map = new Map<number, ReturnType<typeof parseTasks>['live'][number]>();
    let done = false;
    const reading = replaceAllRead(map, raw, parseTasks, () => undefined).then(() => (done = true));
    await nextSlice();
    expect(done).toBe(false);
    await reading;
    expect(map.size).toBe(50_000);

    const skipped: string[] = [];
    await replaceAllRead(map, { not: 'a list' }, parseTasks, (what, problem) => skipped.push(`${what}: ${problem}`));
    expect(skipped).toEqual(['task: the list was not a list']);
    // It says nothing about what Toggl holds: the cache keeps its tasks, the same objects.
    expect(map.size).toBe(50_000);
    expect(map.get(7)?.name).toBe('T6');
  });
});
