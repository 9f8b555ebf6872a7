import { afterEach, describe, expect, it } from 'vitest';
import { createLargeAccount, DEMO } from '../../../../tools/sandbox/fixture';
import { TogglApi } from '../../../../src/main/services/toggl/api';
import { PiecedList } from '../../../../src/main/services/toggl/pieced-json';
import { createSyncWorld, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
afterEach(() => world.cleanup());

/** An account whose /me answer is megabytes: parsed on the worker, its lists handed over in pieces. */
const PROJECTS = 1_000;
const TASKS = 8_000;

describe('a full load of a large account, taken in a piece at a time', () => {
  it('comes in pieces, and the cache holds every item once signed in', async () => {
    world = await createSyncWorld({ state: createLargeAccount(PROJECTS, TASKS) });
    // The answer as the app gets it: its large lists in pieces, not whole.
    const api = new TogglApi({
      baseUrl: world.sandbox.apiUrl,
      credentials: { token: DEMO.apiToken },
      minIntervalMs: 0,
    });
    const answer = await api.loadMeWithRelatedData();
    expect(answer.list('tasks')).toBeInstanceOf(PiecedList);
    answer.close();
    await api.close();

    const app = await world.launch();
    const { cache } = app.services.data;
    expect(cache.projects.size).toBe(PROJECTS);
    expect(cache.tasks.size).toBe(TASKS);
    const view = await app.call('data.view');
    expect(view.projects.length).toBeGreaterThan(0);
  });

  it('a later full load takes in what changed and drops what Toggl no longer has', async () => {
    world = await createSyncWorld({ state: createLargeAccount(PROJECTS, TASKS) });
    const app = await world.launch();
    const { cache } = app.services.data;
    const [renamed, deleted] = [...world.sandbox.state.tasks.values()].filter((task) => task.active);
    if (!renamed || !deleted) throw new Error('the large account has active tasks');
    renamed.name = 'Renamed on Toggl';
    world.sandbox.state.tasks.delete(deleted.id);
    const unchanged = cache.tasks.get(anotherTask(renamed.id, deleted.id, cache.tasks));

    // A full load as the one a sign-in hands over: the same request, taken in piece by piece.
    const api = new TogglApi({
      baseUrl: world.sandbox.apiUrl,
      credentials: { token: DEMO.apiToken },
      minIntervalMs: 0,
    });
    const given = await api.loadMeWithRelatedData();
    await app.services.data.engine.sync('manual', given);
    await api.close();
    // Taken in and closed: its worker is gone.
    expect(() => given.list('projects')).toThrow(/closed/);
    await app.services.data.settled();

    expect(cache.tasks.size).toBe(TASKS - 1);
    expect(cache.tasks.get(renamed.id)?.name).toBe('Renamed on Toggl');
    expect(cache.tasks.has(deleted.id)).toBe(false);
    // An item that did not change keeps its object: nothing that follows the cache has to look.
    expect(cache.tasks.get(unchanged?.id ?? -1)).toBe(unchanged);
  });
});

/** A task of the cache other than `a` and `b`. */
function anotherTask(a: number, b: number, tasks: ReadonlyMap<number, { id: number }>): number {
  for (const id of tasks.keys()) if (id !== a && id !== b) return id;
  throw new Error('no other task');
}
