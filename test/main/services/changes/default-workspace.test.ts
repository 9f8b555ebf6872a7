import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { parseUser } from '../../../../src/main/services/toggl/mapping';
import { loadRecording } from '../../../support/recordings';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';
import { workspaceIdOf } from '../../../support/named';

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

/** The demo user as the sandbox (Toggl) holds them. */
const demoUser = () => [...world.sandbox.state.users.values()].find((user) => user.fullname === 'Dana Demo');
const putsOfMe = () => world.sandbox.countRequests((request) => request.method === 'PUT' && request.path === '/me');

async function launched(): Promise<{ app: LaunchedApp; view: DataView }> {
  const app = await world.launch();
  return { app, view: await app.call('data.view') };
}

describe('me.defaultWorkspace (PUT /me default_workspace_id)', () => {
  it('reads Toggl’s default with the list, and keeps it in the cache across a restart', async () => {
    const { app, view } = await launched();
    expect(view.user?.defaultWorkspaceId).toBe(workspaceIdOf(view, 'Demo Studio'));
    expect(view.user?.defaultWorkspaceId).toBe(demoUser()?.default_workspace_id);
    await app.close();
    await world.sandbox.setDown(true);
    const restarted = await world.launch();
    expect((await restarted.call('data.view')).user?.defaultWorkspaceId).toBe(workspaceIdOf(view, 'Demo Studio'));
  });

  it('queued offline, shown at once, merged when changed twice, kept across a restart, sent once when Toggl is back', async () => {
    const { app, view } = await launched();
    const [side, consulting] = [workspaceIdOf(view, 'Side projects'), workspaceIdOf(view, 'Dana Consulting')];
    await world.sandbox.setDown(true);

    await app.call('me.setDefaultWorkspace', { wid: side });
    let now = await app.call('data.view');
    expect(now.user?.defaultWorkspaceId).toBe(side);
    expect(now.outbox).toEqual([
      expect.objectContaining({
        summary: 'Make “Side projects” your default workspace',
        state: 'pending',
        targets: ['u:me'],
      }),
    ]);
    // Its first try has failed (offline) and waits: a second choice folds into it.
    await app.services.data.settled();
    await app.call('me.setDefaultWorkspace', { wid: consulting });
    now = await app.call('data.view');
    expect(now.user?.defaultWorkspaceId).toBe(consulting);
    expect(now.outbox.map((entry) => entry.summary)).toEqual(['Make “Dana Consulting” your default workspace']);
    await app.services.data.settled();
    expect(putsOfMe()).toBe(0);

    await app.close();
    const restarted = await world.launch();
    expect((await restarted.call('data.view')).user?.defaultWorkspaceId).toBe(consulting);

    await world.sandbox.setDown(false);
    expect(await restarted.services.data.loop.probe()).toBe(true);
    await restarted.services.data.settled();
    const synced = await restarted.call('data.view');
    expect(synced.outbox).toEqual([]);
    expect(synced.user?.defaultWorkspaceId).toBe(consulting);
    expect(demoUser()?.default_workspace_id).toBe(consulting);
    expect(putsOfMe()).toBe(1);
    // Nothing is left to send: another pass and a refresh send it no second time.
    await restarted.services.data.replayer.replay({ ignoreBackoff: true });
    await restarted.call('sync.refresh');
    await restarted.services.data.settled();
    expect(putsOfMe()).toBe(1);
    expect((await restarted.call('data.view')).user?.defaultWorkspaceId).toBe(consulting);
  });

  it('choosing Toggl’s own default again cancels the queued change: nothing is sent', async () => {
    const { app, view } = await launched();
    await world.sandbox.setDown(true);
    await app.call('me.setDefaultWorkspace', { wid: workspaceIdOf(view, 'Side projects') });
    await app.services.data.settled();
    await app.call('me.setDefaultWorkspace', { wid: workspaceIdOf(view, 'Demo Studio') });
    const now = await app.call('data.view');
    expect(now.outbox).toEqual([]);
    expect(now.user?.defaultWorkspaceId).toBe(workspaceIdOf(view, 'Demo Studio'));
    await world.sandbox.setDown(false);
    await app.services.data.loop.probe();
    await app.services.data.settled();
    expect(putsOfMe()).toBe(0);
  });

  it('a refusal (no longer in that workspace) is shown in Toggl’s words with Retry and Discard; Discard puts back Toggl’s', async () => {
    const { app, view } = await launched();
    const consulting = workspaceIdOf(view, 'Dana Consulting');
    await world.sandbox.setDown(true);
    await app.call('me.setDefaultWorkspace', { wid: consulting });
    // Meanwhile on Toggl: the user leaves that workspace.
    world.sandbox.state.workspaces.get(consulting)?.members.delete(demoUser()?.id ?? 0);
    await world.sandbox.setDown(false);
    await app.services.data.loop.probe();
    await app.services.data.settled();

    let now = await app.call('data.view');
    const [entry] = now.outbox;
    expect(entry).toMatchObject({
      state: 'failed',
      summary: expect.stringMatching(/your default workspace$/) as unknown,
      error:
        'Toggl refused it (Invalid default_workspace_id): you may no longer be in that workspace. Pick another in Settings, or discard this change.',
    });
    expect(demoUser()?.default_workspace_id).toBe(workspaceIdOf(view, 'Demo Studio'));
    expect((await app.call('sync.status')).failed).toBe(1);

    // Retry asks Toggl once more; still refused.
    const before = putsOfMe();
    await app.call('outbox.retry', { entryId: entry?.id ?? '' });
    await app.services.data.settled();
    expect(putsOfMe()).toBe(before + 1);
    now = await app.call('data.view');
    expect(now.outbox[0]?.state).toBe('failed');

    await app.call('outbox.discard', { entryId: entry?.id ?? '' });
    now = await app.call('data.view');
    expect(now.outbox).toEqual([]);
    expect(now.user?.defaultWorkspaceId).toBe(workspaceIdOf(view, 'Demo Studio'));
  });

  it('refuses a workspace that is not the user’s, in words, and queues nothing', async () => {
    const { app } = await launched();
    await expect(app.call('me.setDefaultWorkspace', { wid: 987_654 })).rejects.toThrow(
      'me.setDefaultWorkspace refused: refused: That workspace is not in your account.',
    );
    // Not a whole number: the IPC schema stops it before any command runs.
    await expect(app.call('me.setDefaultWorkspace', { wid: 1.5 })).rejects.toThrow(/^me\.setDefaultWorkspace refused/);
    expect((await app.call('data.view')).outbox).toEqual([]);
  });
});

describe('default_workspace_id read at the boundary', () => {
  it('absent, null or 0 is no default; an id is kept; recorded answers carry it', () => {
    expect(parseUser({ id: 1 })?.defaultWorkspaceId).toBeNull();
    expect(parseUser({ id: 1, default_workspace_id: null })?.defaultWorkspaceId).toBeNull();
    expect(parseUser({ id: 1, default_workspace_id: 0 })?.defaultWorkspaceId).toBeNull();
    expect(parseUser({ id: 1, default_workspace_id: '12' })?.defaultWorkspaceId).toBeNull();
    expect(parseUser({ id: 1, default_workspace_id: 12 })?.defaultWorkspaceId).toBe(12);
    expect(parseUser(loadRecording('me-put-200-rb-2024-04-23').response.body)?.defaultWorkspaceId).toBe(1_234_567);
    expect(parseUser(loadRecording('me-related-200-go-2024-12-12').response.body)?.defaultWorkspaceId).toBe(2_230_580);
  });

  it('the sandbox, as Toggl: PUT /me takes a workspace of the user’s and answers the user; another is refused', async () => {
    const { app, view } = await launched();
    const { api } = app.services;
    const side = workspaceIdOf(view, 'Side projects');
    expect(await api.updateMe({ default_workspace_id: side })).toMatchObject({ default_workspace_id: side });
    expect(await api.getMe()).toMatchObject({ default_workspace_id: side });
    await expect(api.updateMe({ default_workspace_id: 987_654 })).rejects.toMatchObject({
      status: 400,
      serverMessage: 'Invalid default_workspace_id',
    });
  });
});
