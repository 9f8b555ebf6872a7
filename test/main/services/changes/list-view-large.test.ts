import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CachedProject, CachedTask, DataView } from '../../../../src/shared/entities';
import { ListView } from '../../../../src/main/services/changes/list-view';
import { createMemoryLogger } from '../../../../src/main/services/logger';
import { CacheStore } from '../../../../src/main/services/store/cache-store';
import { nextSlice } from '../../../../src/main/services/store/slices';
import { NO_PROJECT_DETAILS } from '../../../../src/shared/schema';

let dataDir: string;
let cache: CacheStore;
const views: ListView[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-list-'));
  // Never saved here: the list follows the maps, not the file.
  cache = new CacheStore(dataDir, createMemoryLogger(), 3_600_000);
});
afterEach(async () => {
  for (const view of views.splice(0)) view.close();
  cache.close();
  await rm(dataDir, { recursive: true, force: true });
});

const project = (id: number, cid: number | null): CachedProject => ({
  id,
  wid: 1,
  cid,
  name: `Project ${id}`,
  color: '#06aaf5',
  active: true,
  isPrivate: false,
  billable: false,
  ...NO_PROJECT_DETAILS,
  at: '2026-11-27T08:00:00+00:00',
});
const task = (id: number, name = `Task ${id}`): CachedTask => ({
  id,
  wid: 1,
  pid: 1 + (id % 40),
  name,
  active: true,
  estimatedSeconds: null,
  trackedMs: 0,
  assigneeId: null,
  at: '2026-11-27T08:00:00+00:00',
});

function listView(): ListView {
  const view = new ListView(cache);
  views.push(view);
  return view;
}

/** The same cache listed by a view that starts from nothing. */
function fromScratch(): DataView {
  const fresh = new ListView(cache);
  try {
    return fresh.build([]);
  } finally {
    fresh.close();
  }
}

const byId = <T extends { id: number }>(items: readonly T[]) => [...items].sort((a, b) => a.id - b.id);

function expectSameList(live: DataView, scratch: DataView): void {
  expect(byId(live.projects)).toEqual(byId(scratch.projects));
  expect(byId(live.tasks)).toEqual(byId(scratch.tasks));
}

describe('a change too large to note item by item (a full load)', () => {
  beforeEach(() => {
    cache.clients.set(7, { id: 7, wid: 1, name: 'Acme', archived: false, at: '2026-11-27T08:00:00+00:00' });
    for (let id = 1; id <= 40; id++) cache.projects.set(id, project(id, id % 2 === 0 ? 7 : null));
    for (let id = 1; id <= 30_000; id++) cache.tasks.set(id, task(id));
  });

  it('is taken in a slice at a time; a build in between lists it all, and the windows hear each change once', async () => {
    const list = listView();
    await list.catchUp();
    const first = list.build([]);
    expect(first.tasks).toHaveLength(30_000);
    list.takeChanges();

    // Toggl renamed 25,000 tasks, deleted 1,000 and added 3,000: more than the list notes id by id.
    for (let id = 1; id <= 25_000; id++) cache.tasks.set(id, task(id, `Task ${id} renamed`));
    for (let id = 25_001; id <= 26_000; id++) cache.tasks.delete(id);
    for (let id = 30_001; id <= 33_000; id++) cache.tasks.set(id, task(id));
    cache.clients.set(7, { id: 7, wid: 1, name: 'Acme Corp', archived: false, at: '2026-11-28T08:00:00+00:00' });

    let caughtUp = false;
    const catching = list.catchUp().then(() => (caughtUp = true));
    await nextSlice();
    // A window asks meanwhile (catchUp() has had one slice): the build finishes what it had not taken in yet.
    expect(caughtUp).toBe(false);
    const meanwhile = list.build([], undefined, 1);
    expectSameList(meanwhile, fromScratch());
    await catching;
    const after = list.build([], undefined, 2);
    expectSameList(after, fromScratch());

    // Kept items keep their place; new ones come last.
    const ids = after.tasks.map((item) => item.id);
    expect(ids.slice(0, 25_000)).toEqual(first.tasks.slice(0, 25_000).map((item) => item.id));
    expect(ids.slice(-3_000)).toEqual(Array.from({ length: 3_000 }, (_, at) => 30_001 + at));
    expect(after.projects.filter((item) => item.cid === 7).every((item) => item.clientName === 'Acme Corp')).toBe(true);

    const { tasks, projects } = list.takeChanges();
    expect(tasks.upsert).toHaveLength(28_000);
    expect(new Set(tasks.upsert.map((item) => item.id)).size).toBe(28_000);
    expect(byId(tasks.remove.map((id) => ({ id })))).toEqual(
      Array.from({ length: 1_000 }, (_, at) => ({ id: 25_001 + at })),
    );
    expect(projects.upsert.map((item) => item.id).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, at) => 2 * (at + 1)),
    );
  });

  it('a list started on a large cache takes it in before its first build, and equals one built at once', async () => {
    const list = listView();
    await list.catchUp();
    const view = list.build([]);
    expectSameList(view, fromScratch());
    expect(view.tasks.map((item) => item.id)).toEqual([...cache.tasks.keys()]);
  });
});
