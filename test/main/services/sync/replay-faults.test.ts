import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../../tools/sandbox/fixture';
import { projectIdNamed, projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
});
afterEach(() => world.cleanup());

const writes = () =>
  world.sandbox.requests
    .filter((request) => request.method !== 'GET' && request.path !== '/')
    .map((r) => `${r.method} ${r.status}`);

describe('replay against what Toggl really answers', () => {
  it('a 402 for a plan feature fails that change with Toggl’s words; the rest goes on and sync is not paused', async () => {
    const view = await app.call('data.view');
    const consulting = view.workspaces.find((workspace) => workspace.name === 'Dana Consulting');
    const audit = projectNamed(view, 'Security audit');
    // The workspace was downgraded on Toggl after the list was loaded: the app still thinks it is paid.
    const organization = world.sandbox.state.organizations.get(consulting?.organizationId ?? 0);
    const workspace = world.sandbox.state.workspaces.get(consulting?.id ?? 0);
    if (organization) organization.plan = 'free';
    if (workspace) workspace.premium = false;
    await world.sandbox.setDown(true);
    await app.call('projects.update', { id: audit?.id ?? 0, changes: { color: '#123456' } });
    await app.call('projects.update', { id: audit?.id ?? 0, changes: { name: 'Security audit 2025' } });
    await world.sandbox.setDown(false);
    await app.services.data.loop.notify('online');

    const after = await app.call('data.view');
    expect(after.outbox).toEqual([
      expect.objectContaining({
        state: 'failed',
        error: 'Toggl refused the change: Custom project colors available only for premium plans.',
      }),
    ]);
    expect(world.sandbox.state.projects.get(audit?.id ?? 0)?.name).toBe('Security audit 2025');
    const status = await app.call('sync.status');
    expect(status).toMatchObject({ pausedUntil: null, failed: 1, pending: 0 });
    expect(status.problem).toBeNull();
  });

  it('a token reset mid-replay stops, keeps every change queued, asks to sign in, then goes on exactly once', async () => {
    const view = await app.call('data.view');
    const studio = view.workspaces.find((workspace) => workspace.name === 'Demo Studio')?.id ?? 0;
    await world.sandbox.setDown(true);
    for (const name of ['Reset one', 'Reset two', 'Reset three']) {
      await app.call('projects.create', {
        wid: studio,
        fields: { name, cid: null, color: '#0b83d9', isPrivate: false, billable: false },
      });
    }
    const demo = world.sandbox.state.userByToken(DEMO.apiToken);
    if (demo) demo.apiToken = '0123456789abcdef0123456789abcdef';
    await world.sandbox.setDown(false);
    await app.services.data.loop.notify('online');

    expect(app.services.session.current().status).toBe('needs-sign-in');
    const waiting = await app.call('data.view');
    expect(waiting.outbox.map((entry) => entry.state)).toEqual(['pending', 'pending', 'pending']);
    expect(writes().every((write) => write.endsWith('403'))).toBe(true);

    await app.call('session.signInWithToken', { token: '0123456789abcdef0123456789abcdef' });
    await app.services.data.settled();
    await app.services.data.loop.sendNow();
    expect((await app.call('data.view')).outbox).toEqual([]);
    for (const name of ['Reset one', 'Reset two', 'Reset three']) {
      expect([...world.sandbox.state.projects.values()].filter((project) => project.name === name)).toHaveLength(1);
    }
  });

  it('changes waiting on a create Toggl refused say why, and go with its Discard', async () => {
    const view = await app.call('data.view');
    const studio = view.workspaces.find((workspace) => workspace.name === 'Demo Studio')?.id ?? 0;
    await world.sandbox.setDown(true);
    const { id } = await app.call('projects.create', {
      wid: studio,
      fields: { name: 'Refused parent', cid: null, color: '#0b83d9', isPrivate: false, billable: false },
    });
    await app.call('tasks.create', { pid: id, fields: { name: 'Child task', estimatedSeconds: null } });
    // Someone creates the same name on Toggl first: the create is refused for good.
    const clash = projectNamed(view, 'Internal tools');
    const onServer = world.sandbox.state.projects.get(clash?.id ?? 0);
    if (onServer) onServer.name = 'Refused parent';
    await world.sandbox.setDown(false);
    await app.services.data.loop.notify('online');

    const after = await app.call('data.view');
    expect(after.outbox).toEqual([
      expect.objectContaining({ summary: 'Create project “Refused parent”', state: 'failed' }),
      expect.objectContaining({
        summary: 'Create task “Child task”',
        state: 'pending',
        waitingFor: 'Waits for “Refused parent”, which Toggl refused: retry or discard that first.',
      }),
    ]);
    await app.call('outbox.discard', { entryId: after.outbox[0]?.id ?? '' });
    expect((await app.call('data.view')).outbox).toEqual([]);
  });
});

describe('an HTML error page from the edge', () => {
  it('a 429 page without Retry-After backs off and the change goes later, with no HTML shown anywhere', async () => {
    const view = await app.call('data.view');
    const mobile = projectIdNamed(view, 'Mobile app');
    world.sandbox.force({ status: 429, times: 3, html: true });
    await app.call('projects.update', { id: mobile, changes: { name: 'After the page' } });
    await app.services.data.settled();
    const waiting = await app.call('data.view');
    expect(waiting.outbox).toEqual([expect.objectContaining({ state: 'pending', error: null })]);
    expect(JSON.stringify(await app.call('sync.status'))).not.toContain('<');
    await app.services.data.loop.sendNow();
    expect(world.sandbox.state.projects.get(mobile)?.name).toBe('After the page');
  });
});
