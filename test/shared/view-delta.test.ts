import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ViewDelta } from '../../src/shared/view-delta';
import { applyDelta } from '../../src/shared/view-delta';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
const deltas: ViewDelta[] = [];
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  deltas.length = 0;
  app.events.attach({
    emit: (event, payload) => {
      if (event === 'data.changed') deltas.push(payload as ViewDelta);
    },
  });
});
afterEach(() => world.cleanup());

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe('data.changed carries what changed, not the whole list', () => {
  it('an archive sends one project, and the window’s copy plus the delta is the new list', async () => {
    const before = await app.call('data.view');
    const internal = before.projects.find((project) => project.name === 'Internal tools')?.id ?? 0;
    await app.call('projects.setActive', { ids: [internal], active: false });
    await app.services.data.settled();
    await nextTick();
    const after = await app.call('data.view');
    let copy = before;
    for (const delta of deltas) copy = applyDelta(copy, delta) ?? copy;
    expect(copy).toEqual(after);
    expect(deltas.every((delta) => delta.tasks.upsert.length === 0 && delta.tasks.remove.length === 0)).toBe(true);
    expect(Math.max(...deltas.map((delta) => delta.projects.upsert.length))).toBe(1);
  });

  it('a delta made for another version is refused, so the window asks for a full copy', async () => {
    const view = await app.call('data.view');
    const delta: ViewDelta = {
      base: view.version + 5,
      version: view.version + 6,
      projects: { upsert: [], remove: [] },
      tasks: { upsert: [], remove: [] },
      rest: { ...view },
    };
    expect(applyDelta(view, delta)).toBeNull();
  });

  it('removals and new items apply in place', async () => {
    const view = await app.call('data.view');
    const [first, second] = view.projects;
    if (!first || !second) throw new Error('the demo account has projects');
    const renamed = { ...second, name: 'Renamed' };
    const added = { ...second, id: 999, name: 'Added' };
    const applied = applyDelta(view, {
      base: view.version,
      version: view.version + 1,
      projects: { upsert: [renamed, added], remove: [first.id] },
      tasks: { upsert: [], remove: [] },
      rest: { ...view },
    });
    expect(applied?.projects.map((project) => project.name)).toEqual([
      ...view.projects.slice(1).map((project) => (project.id === second.id ? 'Renamed' : project.name)),
      'Added',
    ]);
    expect(applied?.version).toBe(view.version + 1);
  });
});
