import { afterEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { createFixture } from '../../../../tools/sandbox/fixture';
import type { SandboxTimeEntry } from '../../../../tools/sandbox/state';
import { FakeClock } from '../../../support/fake-clock';
import { projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

/**
 * Entries made on other devices while a timer here was offline: Toggl ends up with entries
 * that never overlap, the later start running, on Toggl's clock.
 */
const MINUTE = 60_000;
const whole = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

let world: SyncWorld | undefined;
afterEach(() => world?.cleanup());

/** A sandbox and an app on one fake clock; Toggl's may run `togglAhead` ms ahead of this machine's. */
async function launchOn(
  clock: FakeClock,
  togglAhead = 0,
  engine: { smallAccountItems?: number } = {},
): Promise<{ app: LaunchedApp; sandbox: SyncWorld['sandbox'] }> {
  world = await createSyncWorld({ state: createFixture(() => clock.now() + togglAhead) });
  const app = await world.launch({ data: { clock, cacheDebounceMs: 0, engine } });
  return { app, sandbox: world.sandbox };
}

function atToggl(sandbox: SyncWorld['sandbox']): SandboxTimeEntry[] {
  const demo = sandbox.state.users.values().next().value?.id;
  return [...sandbox.state.timeEntries.values()].filter(
    (entry) => entry.user_id === demo && entry.server_deleted_at === null,
  );
}
const named = (sandbox: SyncWorld['sandbox'], description: string) =>
  atToggl(sandbox).find((entry) => entry.description === description);
const runningAt = (sandbox: SyncWorld['sandbox']) =>
  atToggl(sandbox)
    .filter((entry) => entry.stop === null)
    .map((entry) => entry.description);
const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : value);

async function sent(app: LaunchedApp): Promise<DataView> {
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
  return app.call('data.view');
}

function website(view: DataView) {
  const project = projectNamed(view, 'Website redesign');
  if (!project) throw new Error('the demo account has Website redesign');
  return project;
}

describe('a timer started offline meets entries made elsewhere meanwhile', () => {
  it('one started on the phone after ours: ours ends where it starts, the phone’s runs on', async () => {
    const clock = new FakeClock(Date.now() - 60 * MINUTE);
    const { app, sandbox } = await launchOn(clock);
    const project = website(await app.call('data.view'));
    await sandbox.setDown(true);
    const ours = clock.now();
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Laptop' });
    await app.services.data.settled();
    clock.advance(10 * MINUTE);
    const phone = sandbox.elsewhere.startTimeEntry({ projectId: project.id, description: 'Phone' });
    clock.advance(5 * MINUTE);
    await sandbox.setDown(false);

    const view = await sent(app);
    expect(runningAt(sandbox)).toEqual(['Phone']);
    expect(iso(named(sandbox, 'Laptop')?.start)).toBe(whole(ours));
    expect(iso(named(sandbox, 'Laptop')?.stop)).toBe(iso(phone.start));
    expect(named(sandbox, 'Laptop')?.duration).toBe(10 * 60);
    expect(view.outbox).toEqual([]);
    expect(view.entries.filter((entry) => entry.stop === null).map((entry) => entry.description)).toEqual(['Phone']);
  });

  it('one started on the phone before ours, which we never saw: it ends where ours starts, ours runs', async () => {
    const clock = new FakeClock(Date.now() - 60 * MINUTE);
    const { app, sandbox } = await launchOn(clock);
    const project = website(await app.call('data.view'));
    await sandbox.setDown(true);
    clock.advance(2 * MINUTE);
    sandbox.elsewhere.startTimeEntry({ projectId: project.id, description: 'Phone' });
    clock.advance(8 * MINUTE);
    const ours = clock.now();
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Laptop' });
    await app.services.data.settled();
    clock.advance(3 * MINUTE);
    await sandbox.setDown(false);

    await sent(app);
    expect(runningAt(sandbox)).toEqual(['Laptop']);
    expect(iso(named(sandbox, 'Phone')?.stop)).toBe(whole(ours));
    expect(named(sandbox, 'Phone')?.duration).toBe(8 * 60);
    expect(iso(named(sandbox, 'Laptop')?.start)).toBe(whole(ours));
  });

  it('started and stopped offline around one started on the phone: ours is cut where the phone’s begins', async () => {
    const clock = new FakeClock(Date.now() - 60 * MINUTE);
    const { app, sandbox } = await launchOn(clock);
    const project = website(await app.call('data.view'));
    await sandbox.setDown(true);
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Laptop' });
    await app.services.data.settled();
    clock.advance(4 * MINUTE);
    const phone = sandbox.elsewhere.startTimeEntry({ projectId: project.id, description: 'Phone' });
    clock.advance(6 * MINUTE);
    await app.call('timer.stop');
    clock.advance(MINUTE);
    await sandbox.setDown(false);

    await sent(app);
    expect(runningAt(sandbox)).toEqual(['Phone']);
    expect(iso(named(sandbox, 'Laptop')?.stop)).toBe(iso(phone.start));
    expect(named(sandbox, 'Laptop')?.duration).toBe(4 * 60);
  });

  it('a switch made offline, then a phone entry before it: three entries end to end, the last one runs', async () => {
    const clock = new FakeClock(Date.now() - 60 * MINUTE);
    const { app, sandbox } = await launchOn(clock);
    const project = website(await app.call('data.view'));
    await sandbox.setDown(true);
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'First' });
    await app.services.data.settled();
    clock.advance(5 * MINUTE);
    const phone = sandbox.elsewhere.startTimeEntry({ projectId: project.id, description: 'Phone' });
    clock.advance(5 * MINUTE);
    const second = clock.now();
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Second' });
    await app.services.data.settled();
    clock.advance(MINUTE);
    await sandbox.setDown(false);

    await sent(app);
    expect(runningAt(sandbox)).toEqual(['Second']);
    expect(iso(named(sandbox, 'First')?.stop)).toBe(iso(phone.start));
    expect(iso(named(sandbox, 'Phone')?.stop)).toBe(whole(second));
    const spans = atToggl(sandbox)
      .filter((entry) => ['First', 'Phone', 'Second'].includes(entry.description ?? ''))
      .map((entry) => [Date.parse(entry.start), entry.stop ? Date.parse(entry.stop) : Infinity] as const)
      .sort((a, b) => a[0] - b[0]);
    // Never two at once: each ends no later than the next begins.
    for (let i = 1; i < spans.length; i++) expect(spans[i - 1]?.[1]).toBeLessThanOrEqual(spans[i]?.[0] ?? 0);
  });
});

describe('times on Toggl’s clock', () => {
  it('a machine whose clock is 3 minutes slow stamps its timer on Toggl’s, learned from the Date header', async () => {
    const clock = new FakeClock(Date.now() - 60 * MINUTE);
    const { app, sandbox } = await launchOn(clock, 3 * MINUTE);
    const project = website(await app.call('data.view'));
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Skewed' });
    await sent(app);
    const start = Date.parse(named(sandbox, 'Skewed')?.start ?? '');
    expect(Math.abs(start - (clock.now() + 3 * MINUTE))).toBeLessThanOrEqual(1_000);
    clock.advance(7 * MINUTE);
    await app.call('timer.stop');
    await sent(app);
    expect(named(sandbox, 'Skewed')?.duration).toBe(7 * 60);
  });

  it('a machine 5 minutes ahead still finds, at the next `since` sync, an entry the phone started', async () => {
    const clock = new FakeClock(Date.now() - 60 * MINUTE);
    // Every account loads by `since` here, as a large one does.
    const { app, sandbox } = await launchOn(clock, -5 * MINUTE, { smallAccountItems: 0 });
    const project = website(await app.call('data.view'));
    clock.advance(MINUTE);
    sandbox.elsewhere.startTimeEntry({ projectId: project.id, description: 'Phone' });
    clock.advance(6 * MINUTE);
    await app.call('sync.refresh');
    const view = await app.call('data.view');
    expect(view.entries.filter((entry) => entry.stop === null).map((entry) => entry.description)).toEqual(['Phone']);
  });
});
