import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxOptions } from '../../../../tools/sandbox/server';
import { FakeClock } from '../../../support/fake-clock';
import { createSyncWorld, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
afterEach(() => world.cleanup());

async function start(sandbox: Partial<SandboxOptions> = {}, engine = {}) {
  world = await createSyncWorld(sandbox);
  // A clock the test moves by hand, shared by the client and the data layer.
  const clock = new FakeClock();
  const app = await world.launch({ http: { now: clock.now }, data: { clock, engine } });
  return { app, clock };
}

const meRequests = () => world.sandbox.requests.filter((request) => request.path.startsWith('/me'));

describe('SyncEngine', () => {
  it('a Refresh made while a sync is under way asks Toggl again once that one is done', async () => {
    const { app } = await start();
    const { engine } = app.services.data;
    const before = meRequests().length;
    await engine.sync('manual');
    const one = meRequests().length - before;
    const running = engine.sync('manual');
    // Clicked while that sync waits for Toggl: it may have asked before the change the user is after.
    const refresh = engine.sync('manual');
    await Promise.all([running, refresh]);
    expect(meRequests().length - before).toBe(3 * one);
  });

  it('loads everything with one GET /me?with_related_data=true at first', async () => {
    const { app } = await start();
    const loads = meRequests().filter(
      (request) => request.path === '/me' && request.query.includes('with_related_data=true'),
    );
    expect(loads).toHaveLength(1);
    const view = await app.call('data.view');
    expect(view.projects.length).toBe(10);
    expect(view.workspaces.find((workspace) => workspace.name === 'Community (members)')).toMatchObject({
      admin: false,
      onlyAdminsMayCreateProjects: true,
    });
    expect(view.tasks.find((task) => task.name === 'Visual design')?.trackedMs).toBe(3 * 3600_000);
    expect(view.syncedAt).not.toBeNull();
  });

  it('spends nothing when the popover opens on a fresh list, and one request when it is stale', async () => {
    const { app, clock } = await start();
    const before = meRequests().length;
    await app.call('sync.opened');
    expect(meRequests().length).toBe(before);
    clock.advance(6 * 60_000);
    await app.call('sync.opened');
    expect(meRequests().length).toBe(before + 1);
  });

  it('loads large accounts by `since` (4 requests) and drops what Toggl deleted', async () => {
    const { app, clock } = await start({}, { smallAccountItems: 0 });
    const view = await app.call('data.view');
    const internal = view.projects.find((project) => project.name === 'Internal tools');
    const sandboxProject = world.sandbox.state.projects.get(internal?.id ?? 0);
    if (sandboxProject) sandboxProject.server_deleted_at = new Date().toISOString();
    const renamed = world.sandbox.state.tasks.get(view.tasks.find((task) => task.name === 'Book venue')?.id ?? 0);
    if (renamed) Object.assign(renamed, { name: 'Book a bigger venue', at: new Date().toISOString() });
    clock.advance(10 * 60_000);
    const before = meRequests().length;
    await app.call('sync.refresh');
    const used = meRequests().slice(before);
    expect(used.map((request) => request.path)).toEqual([
      '/me/projects',
      '/me/tasks',
      '/me/clients',
      '/me/time_entries',
    ]);
    expect(used.every((request) => request.query.includes('since='))).toBe(true);
    const after = await app.call('data.view');
    expect(after.projects.some((project) => project.name === 'Internal tools')).toBe(false);
    expect(after.tasks.some((task) => task.name === 'Book a bigger venue')).toBe(true);
  });

  it('falls back to a full load when Toggl refuses an old `since`', async () => {
    const { app } = await start({}, { smallAccountItems: 0 });
    app.services.data.cache.sinceCursor = Math.floor(Date.now() / 1000) - 100 * 24 * 3600;
    const before = meRequests().length;
    await app.call('sync.refresh');
    const used = meRequests().slice(before);
    expect(used.map((request) => `${request.path} ${request.status}`)).toEqual(['/me/projects 400', '/me 200']);
    expect((await app.call('sync.status')).problem).toBeNull();
  });

  it('after a 402 it stops syncing until the reset, says why, and resumes after it', async () => {
    const { app, clock } = await start();
    clock.advance(6 * 60_000);
    world.sandbox.force({ status: 402, times: 1 });
    await app.call('sync.opened');
    const status = await app.call('sync.status');
    expect(status.pausedUntil).toBe(clock.time + 1800_000);
    expect(status.problem).toBe("Toggl's hourly API limit is used up. It resets in 30 min.");
    const before = world.sandbox.countRequests();
    clock.advance(6 * 60_000);
    await app.call('sync.opened');
    await app.services.data.loop.notify('tick');
    expect(world.sandbox.countRequests()).toBe(before);
    // Toggl said 0 left: even Refresh waits, and the status says for how long.
    await app.call('sync.refresh');
    expect(world.sandbox.countRequests()).toBe(before);
    expect((await app.call('sync.status')).problem).toBe(
      "Toggl's hourly limit is nearly used up, so the list was not refreshed. It frees up in 24 min.",
    );
    clock.advance(25 * 60_000);
    await app.call('sync.refresh');
    // The load, who manages what in the one workspace where the demo user is not admin, and
    // who tasks may go to in each of the three paid workspaces.
    expect(world.sandbox.requests.slice(before).map((request) => request.path.replace(/\d+/g, 'N'))).toEqual([
      '/me',
      '/workspaces/N/project_users',
      '/workspaces/N/users',
      '/workspaces/N/users',
      '/workspaces/N/users',
    ]);
    expect(await app.call('sync.status')).toMatchObject({ pausedUntil: null, problem: null });
  });

  it('keeps a reserve of the hourly quota: background syncs stop first, Refresh last', async () => {
    const { app, clock } = await start({ quotas: undefined });
    // Spend the quota down to 10 left (signing in loaded the list: 1 of 30).
    for (let index = 0; index < 19; index++) await app.services.api.isLoggedIn();
    expect((await app.call('sync.status')).quota).toMatchObject({ remaining: 10, limit: 30 });
    clock.advance(20 * 60_000);
    const before = world.sandbox.countRequests();
    const meBefore = meRequests().length;
    await app.services.data.loop.notify('tick');
    await app.services.data.loop.notify('resume');
    expect(world.sandbox.countRequests()).toBe(before);
    await app.call('sync.opened');
    expect(meRequests().length - meBefore).toBe(1);
    await app.call('sync.refresh');
    expect(meRequests().length - meBefore).toBe(2);
    // Who manages what (in the one workspace where the user is not admin) and who tasks may go
    // to (in each paid one) are asked again by Refresh, not by the popover's load within the hour.
    expect(world.sandbox.requests.slice(before).map((request) => request.path.replace(/\d+/g, 'N'))).toEqual([
      '/me',
      '/me',
      '/workspaces/N/project_users',
      '/workspaces/N/users',
      '/workspaces/N/users',
      '/workspaces/N/users',
    ]);
    expect(world.sandbox.countRequests((request) => request.status === 402)).toBe(0);
  });

  it('rebuilds a garbage cache file from Toggl on the next launch', async () => {
    const { app } = await start();
    await app.close();
    await writeFile(path.join(world.dataDir, 'cache.json'), 'not json at all');
    const relaunched = await world.launch();
    expect(relaunched.services.data.cache.recoveredFromCorruption).toBe(true);
    expect((await relaunched.call('data.view')).projects.length).toBe(10);
    expect(relaunched.log.entries.some((entry) => entry.message.startsWith('cache: ') && entry.level === 'warn')).toBe(
      true,
    );
  });
});
