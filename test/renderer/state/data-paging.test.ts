import { afterEach, describe, expect, it } from 'vitest';
import { DataState } from '../../../src/renderer/src/lib/data-state.svelte';
import { WHOLE_LIST_CHANGED, type ViewDelta } from '../../../src/shared/view-delta';
import { createLargeAccount } from '../../../tools/sandbox/fixture';
import { inProcessApi } from '../../support/in-process-api';
import { createSyncWorld, type SyncWorld } from '../../support/sync-world';

let world: SyncWorld | undefined;
afterEach(() => world?.cleanup());

const byId = <T extends { id: number }>(items: readonly T[]) => [...items].sort((a, b) => a.id - b.id);

describe('a large list reaches the window a page at a time', () => {
  it('data.tasks pages cover the list exactly, and say which version they belong to', async () => {
    world = await createSyncWorld();
    const app = await world.launch();
    const view = await app.call('data.view');
    const pages = [];
    for (let from = 0; from < view.tasks.length; from += 4)
      pages.push(await app.call('data.tasks', { version: view.version, from, count: 4 }));
    expect(pages.flatMap((page) => page.tasks)).toEqual(view.tasks);
    expect(new Set(pages.map((page) => `${page.version}/${page.total}`))).toEqual(
      new Set([`${view.version}/${view.tasks.length}`]),
    );
    await expect(app.call('data.tasks', { version: view.version, from: 0, count: 50_000 })).rejects.toThrow(/refused/);
  });

  it('a full load of 10,500 tasks is announced as "load again", and a window that does holds the whole list', async () => {
    world = await createSyncWorld({ state: createLargeAccount(300, 10_500) });
    const app = await world.launch();
    const api = inProcessApi(app);
    const state = new DataState(api);
    await state.load();
    const off = state.listen();
    const deltas: ViewDelta[] = [];
    app.events.attach({ emit: (event, payload) => event === 'data.changed' && deltas.push(payload as ViewDelta) });
    // Everything changes on Toggl (a new account's worth): the next full load replaces it all.
    for (const task of world.sandbox.state.tasks.values()) {
      task.name = `${task.name} (renamed)`;
      task.at = world.sandbox.state.stamp();
    }
    await app.call('sync.refresh');
    await app.services.data.settled();
    await api.idle();
    while (state.view?.tasks[0]?.name.endsWith('(renamed)') !== true)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await api.idle();
    off();
    expect(deltas.at(-1)).toMatchObject({ base: WHOLE_LIST_CHANGED, tasks: { upsert: [], remove: [] } });
    const view = await app.call('data.view');
    expect(state.view.version).toBe(view.version);
    expect(byId(state.view.tasks)).toEqual(byId(view.tasks));
    expect(view.tasks).toHaveLength(10_500);
  }, 60_000);

  it('a large account’s window paints its first screen from one small answer, then takes the rest in pages', async () => {
    world = await createSyncWorld({ state: createLargeAccount(3_000, 12_000) });
    const app = await world.launch();
    const firstViews: { projects: number; complete: boolean }[] = [];
    // Every answer the window receives, in order, with its size as it would cross IPC.
    const answers: { channel: string; bytes: number }[] = [];
    const recording = inProcessApi({
      ...app,
      router: {
        ...app.router,
        handle: async (channel, request, sender) => {
          // What the window shows while it asks for the rest: its first screen.
          if (channel === 'data.projects' && firstViews.length === 0 && state.view)
            firstViews.push({ projects: state.view.projects.length, complete: state.complete });
          const result = await app.router.handle(channel, request, sender);
          answers.push({ channel: String(channel), bytes: Buffer.byteLength(JSON.stringify(result)) });
          return result;
        },
      },
    });
    const state = new DataState(recording);
    await state.load();
    await recording.idle();

    expect(answers.find((answer) => answer.channel === 'data.first')?.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(firstViews[0]?.complete).toBe(false);
    expect(firstViews[0]?.projects).toBeLessThan(200);
    // No answer the window waits on carries the whole account.
    expect(Math.max(...answers.map((answer) => answer.bytes))).toBeLessThan(512 * 1024);
    expect(answers.filter((answer) => answer.channel === 'data.projects').length).toBeGreaterThanOrEqual(3);
    const whole = await app.call('data.view');
    expect(state.complete).toBe(true);
    expect(state.view?.version).toBe(whole.version);
    expect(byId(state.view?.projects ?? [])).toEqual(byId(whole.projects));
    expect(byId(state.view?.tasks ?? [])).toEqual(byId(whole.tasks));
  }, 60_000);
});
