import { afterEach, describe, expect, it } from 'vitest';
import type { LaunchedApp } from '../../../support/sync-world';
import { FakeClock } from '../../../support/fake-clock';
import { createSyncWorld, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
afterEach(() => world.cleanup());

/** The app with its send loop running on a clock the test moves; no test waits for real time. */
async function start(): Promise<{ app: LaunchedApp; clock: FakeClock }> {
  world = await createSyncWorld();
  const clock = new FakeClock();
  const app = await world.launch({ http: { now: clock.now }, data: { clock } });
  app.services.data.start();
  return { app, clock };
}

/** Moves the clock and waits for whatever the loop started. */
async function advance(app: LaunchedApp, clock: FakeClock, ms: number): Promise<void> {
  clock.advance(ms);
  await app.services.data.settled();
}

async function rename(app: LaunchedApp, name: string): Promise<number> {
  const mobile = (await app.call('data.view')).projects.find((project) => project.name === 'Mobile app');
  await app.call('projects.update', { id: mobile?.id ?? 0, changes: { name } });
  await app.services.data.settled();
  return mobile?.id ?? 0;
}

const puts = () => world.sandbox.countRequests((request) => request.method === 'PUT');

describe('SendLoop', () => {
  it('sends a change as soon as it is queued', async () => {
    const { app } = await start();
    const id = await rename(app, 'Mobile app (now)');
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Mobile app (now)');
    expect(app.services.data.queue.entries).toEqual([]);
  });

  it('offline, it probes after 2 s, 4 s, 8 s … and sends once Toggl answers again', async () => {
    const { app, clock } = await start();
    await world.sandbox.setDown(true);
    const id = await rename(app, 'Mobile app (offline)');
    expect((await app.call('sync.status')).online).toBe(false);
    const probes = () => world.sandbox.countRequests((request) => request.path === '/');
    expect(clock.waiting).toContain(2_000);
    await advance(app, clock, 2_000);
    expect(clock.waiting).toContain(4_000);
    await advance(app, clock, 4_000);
    expect(clock.waiting).toContain(8_000);
    await world.sandbox.setDown(false);
    await advance(app, clock, 8_000);
    expect(probes()).toBe(1);
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Mobile app (offline)');
    expect(puts()).toBe(1);
    expect((await app.call('sync.status')).online).toBe(true);
  });

  it('after a server error it wakes when the backoff ends, not before', async () => {
    const { app, clock } = await start();
    world.sandbox.force({ status: 503, times: 3 });
    const id = await rename(app, 'Mobile app (later)');
    expect(app.services.data.queue.entries[0]).toMatchObject({ state: 'pending', attempts: 1 });
    const [due] = clock.waiting.filter((ms) => ms < 60_000);
    expect(due).toBe(2_000);
    await advance(app, clock, 1_000);
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Mobile app');
    await advance(app, clock, 1_000);
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Mobile app (later)');
  });

  it('after a 402 it waits for the quota window to reset, then sends', async () => {
    const { app, clock } = await start();
    world.sandbox.force({ status: 402, times: 1 });
    const id = await rename(app, 'Mobile app (after reset)');
    const status = await app.call('sync.status');
    expect(status.pausedUntil).toBe(clock.time + 1_800_000);
    await advance(app, clock, 1_799_000);
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Mobile app');
    await advance(app, clock, 1_000);
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Mobile app (after reset)');
  });

  it('the background tick syncs at most every 15 minutes, and only sends when background sync is off', async () => {
    const { app, clock } = await start();
    const loads = () => world.sandbox.countRequests((request) => request.path.startsWith('/me'));
    const before = loads();
    await advance(app, clock, 60_000);
    expect(loads()).toBe(before);
    await advance(app, clock, 15 * 60_000);
    expect(loads()).toBe(before + 1);
    app.services.settings.update({ backgroundSync: false });
    await advance(app, clock, 30 * 60_000);
    expect(loads()).toBe(before + 1);
  });
});

describe('SendLoop offline', () => {
  it('more changes made while offline do not push the next probe further away', async () => {
    const { app, clock } = await start();
    await world.sandbox.setDown(true);
    const id = await rename(app, 'Mobile app One');
    for (const name of ['Two', 'Three', 'Four']) {
      await app.call('projects.update', { id, changes: { color: name === 'Two' ? '#d92b2b' : '#0b83d9' } });
      await app.services.data.settled();
    }
    expect(clock.waiting.filter((ms) => ms < 60_000)).toEqual([2_000]);
  });
});
