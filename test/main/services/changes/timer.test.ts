import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../../tools/sandbox/fixture';
import { trayTimer } from '../../../../src/main/services/desktop/tray-timer';
import { FakeClock } from '../../../support/fake-clock';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';
import { entriesAtToggl, runningIn as running, sent, websiteRedesign } from '../../../support/timer-toggl';

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

const MINUTE = 60_000;

/** Toggl (the sandbox) and the app on one fake clock: Toggl's `Date` header agrees with ours. */
async function launchOn(clock: FakeClock): Promise<LaunchedApp> {
  await world.cleanup();
  world = await createSyncWorld({ state: createFixture(clock.now) });
  return world.launch({ data: { clock, cacheDebounceMs: 0 } });
}
const relaunchOn = (clock: FakeClock): Promise<LaunchedApp> => world.launch({ data: { clock, cacheDebounceMs: 0 } });

/** The demo user's entries at Toggl (the sandbox), live ones only. */
const atToggl = () => entriesAtToggl(world.sandbox);
const runningAtToggl = () => atToggl().filter((entry) => entry.stop === null);

describe('the timer, online', () => {
  it('starts at once in the list and reaches Toggl as Toggl wants it: one running entry, named by the app', async () => {
    const app = await world.launch();
    const { project, task } = websiteRedesign(await app.call('data.view'));
    const { id } = await app.call('timer.start', {
      wid: project.wid,
      pid: project.id,
      tid: task?.id ?? null,
      description: '  Hero section ',
    });
    expect(id).toBeLessThan(0);
    const shown = running(await app.call('data.view'));
    expect(shown).toMatchObject([{ id, pid: project.id, description: 'Hero section', stop: null }]);

    const after = await sent(app);
    const [entry] = runningAtToggl();
    expect(runningAtToggl()).toHaveLength(1);
    expect(entry).toMatchObject({
      workspace_id: project.wid,
      project_id: project.id,
      task_id: task?.id ?? null,
      description: 'Hero section',
      created_with: 'Toggl Tray',
      stop: null,
    });
    expect(entry?.duration).toBeLessThan(0);
    expect(running(after)).toMatchObject([{ id: entry?.id, sync: 'synced' }]);
    expect(after.newIds).toContainEqual([id, entry?.id]);
  });

  it('starting another stops the running one first, at the same instant: never two running, no minute twice', async () => {
    const app = await world.launch();
    const { project, task } = websiteRedesign(await app.call('data.view'));
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'First' });
    await sent(app);
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: task?.id ?? null, description: 'Second' });
    const shown = await app.call('data.view');
    expect(running(shown).map((entry) => entry.description)).toEqual(['Second']);
    const switched = shown.entries.find((entry) => entry.description === 'First');
    expect(switched?.stop).toBe(running(shown)[0]?.start);

    await sent(app);
    expect(runningAtToggl().map((entry) => entry.description)).toEqual(['Second']);
    const first = atToggl().find((entry) => entry.description === 'First');
    const second = atToggl().find((entry) => entry.description === 'Second');
    // Times go in the whole seconds Toggl keeps: the first ends exactly where the second begins.
    expect(first?.stop).toBe(second?.start);
  });

  it('stop and continue: a new running entry like the earlier one', async () => {
    const app = await world.launch();
    const { project, task } = websiteRedesign(await app.call('data.view'));
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: task?.id ?? null, description: 'Review' });
    await sent(app);
    await app.call('timer.stop');
    const stopped = await sent(app);
    expect(runningAtToggl()).toEqual([]);
    expect(running(stopped)).toEqual([]);
    const review = stopped.entries.find((entry) => entry.description === 'Review');

    await app.call('timer.continue', { id: review?.id ?? 0 });
    await sent(app);
    expect(runningAtToggl()).toMatchObject([
      { description: 'Review', project_id: project.id, task_id: task?.id ?? null },
    ]);
    expect(atToggl().filter((entry) => entry.description === 'Review')).toHaveLength(2);
  });

  it('a stop of an entry stopped elsewhere meanwhile is done, and keeps the earlier stop', async () => {
    const app = await world.launch();
    const { project } = websiteRedesign(await app.call('data.view'));
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Phone stops it' });
    await sent(app);
    const [entry] = runningAtToggl();
    const elsewhere = world.sandbox.elsewhere.stopTimeEntry(entry?.id ?? 0, Date.now() - 5000);
    await app.call('timer.stop');
    const after = await sent(app);
    expect(after.outbox).toEqual([]);
    expect(atToggl().find((item) => item.id === entry?.id)?.stop).toBe(elsewhere.stop);
    expect(after.entries.find((item) => item.id === entry?.id)?.stop).toBe(
      new Date(elsewhere.stop ?? '').toISOString(),
    );
  });

  it('reads the recent entries from the answer that loads the list, and an entry started elsewhere at the next sync', async () => {
    const app = await world.launch();
    const loaded = await app.call('data.view');
    // The demo's recent entries: one without a project and one of zero length are read, not dropped.
    expect(loaded.entries.some((entry) => entry.pid === null)).toBe(true);
    expect(loaded.entries.some((entry) => entry.stop === entry.start)).toBe(true);
    expect(running(loaded)).toEqual([]);

    const { project } = websiteRedesign(loaded);
    world.sandbox.elsewhere.startTimeEntry({ projectId: project.id, description: 'From the web app' });
    await app.call('sync.refresh');
    expect(running(await app.call('data.view'))).toMatchObject([{ description: 'From the web app', pid: project.id }]);
  });
});

describe('the timer, offline', () => {
  it('start then stop before Toggl is reachable: one entry with both times, sent once', async () => {
    const clock = new FakeClock(Date.now() - 30 * MINUTE);
    const app = await launchOn(clock);
    const { project } = websiteRedesign(await app.call('data.view'));
    await world.sandbox.setDown(true);
    const startedAt = clock.now();
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'On the train' });
    await app.services.data.settled();
    clock.advance(12 * MINUTE);
    await app.call('timer.stop');
    const queued = await app.call('data.view');
    expect(queued.outbox.map((entry) => entry.summary)).toEqual(['Add time entry “On the train”']);

    await world.sandbox.setDown(false);
    clock.advance(5 * MINUTE);
    const posts = world.sandbox.requests.length;
    await sent(app);
    const writes = world.sandbox.requests.slice(posts).filter((request) => request.method !== 'GET');
    expect(writes.map((request) => request.method)).toEqual(['POST']);
    const entry = atToggl().find((item) => item.description === 'On the train');
    expect(Date.parse(entry?.start ?? '')).toBe(Math.floor(startedAt / 1000) * 1000);
    expect(entry?.duration).toBe(12 * 60);
    expect(runningAtToggl()).toEqual([]);
  });

  it('a switch within the same second, offline: the recent entries list the later one first, before and after sending', async () => {
    const clock = new FakeClock(Date.now() - 30 * MINUTE);
    const app = await launchOn(clock);
    const view = await app.call('data.view');
    const { project } = websiteRedesign(view);
    const other = view.projects.find((item) => item.wid === project.wid && item.id !== project.id && item.active);
    await world.sandbox.setDown(true);
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Wrong project' });
    // Changed their mind within the second: the first entry is left with no length.
    await app.call('timer.start', {
      wid: project.wid,
      pid: other?.id ?? null,
      tid: null,
      description: 'Right project',
    });
    clock.advance(10 * MINUTE);
    await app.call('timer.stop');
    await app.services.data.settled();
    const stopped = (list: typeof view) =>
      list.entries.filter((entry) => entry.stop !== null).map((entry) => entry.description);
    expect(stopped(await app.call('data.view')).slice(0, 2)).toEqual(['Right project', 'Wrong project']);

    await world.sandbox.setDown(false);
    expect(stopped(await sent(app)).slice(0, 2)).toEqual(['Right project', 'Wrong project']);
  });

  it('a stop made offline is sent with the time it was made, not the time it reached Toggl', async () => {
    const clock = new FakeClock(Date.now() - 30 * MINUTE);
    const app = await launchOn(clock);
    const { project } = websiteRedesign(await app.call('data.view'));
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Writing' });
    await sent(app);
    await world.sandbox.setDown(true);
    clock.advance(20 * MINUTE);
    const stoppedAt = clock.now();
    await app.call('timer.stop');
    // The attempt made while Toggl is down has failed before time moves on.
    await app.services.data.settled();
    clock.advance(5 * MINUTE);
    await world.sandbox.setDown(false);
    const from = world.sandbox.requests.length;
    await sent(app);
    // It looked first (the entry may have been stopped elsewhere), then set the stop it was given.
    expect(
      world.sandbox.requests.slice(from).map((request) => `${request.method} ${request.path.replace(/\d+/g, 'N')}`),
    ).toEqual(['GET /me/time_entries/N', 'PUT /workspaces/N/time_entries/N']);
    const entry = atToggl().find((item) => item.description === 'Writing');
    expect(Date.parse(entry?.stop ?? '')).toBe(Math.floor(stoppedAt / 1000) * 1000);
  });

  it.each([
    ['online: Toggl has it', true],
    ['offline: only the files have it', false],
  ])('a restart with a timer running shows it running, with the right elapsed time (%s)', async (_, reachable) => {
    const clock = new FakeClock(Date.now() - 60 * MINUTE);
    const app = await launchOn(clock);
    const { project } = websiteRedesign(await app.call('data.view'));
    if (!reachable) await world.sandbox.setDown(true);
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Kept' });
    await app.services.data.settled();
    const [started] = running(await app.call('data.view'));
    await app.close();

    clock.advance(42 * MINUTE + 5_000);
    const again = await relaunchOn(clock);
    const view = await again.call('data.view');
    expect(running(view)).toMatchObject([
      { id: started?.id, start: started?.start, description: 'Kept', sync: reachable ? 'synced' : 'pending' },
    ]);
    expect(trayTimer(view, clock.now()).title).toBe('0:42 Website redesign');
    if (reachable) return;
    // Back online: sent once, with the second it was started, not the restart's.
    await world.sandbox.setDown(false);
    await sent(again);
    expect(runningAtToggl()).toHaveLength(1);
    expect(Date.parse(runningAtToggl()[0]?.start ?? '')).toBe(Date.parse(started?.start ?? ''));
  });
});
