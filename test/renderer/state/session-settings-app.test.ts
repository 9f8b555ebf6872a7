import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppState } from '../../../src/renderer/src/lib/app-state.svelte';
import { SessionState } from '../../../src/renderer/src/lib/session-state.svelte';
import { SettingsState } from '../../../src/renderer/src/lib/settings-state.svelte';
import { DEMO } from '../../../tools/sandbox/fixture';
import { inProcessApi } from '../../support/in-process-api';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
});
afterEach(() => world.cleanup());

describe('SessionState', () => {
  it('signs out only after the user confirms losing queued changes, and signs in again', async () => {
    const session = new SessionState(inProcessApi(app));
    const off = session.listen();
    await session.load();
    expect(session.signedIn).toBe(true);

    await world.sandbox.setDown(true);
    const project = (await app.call('data.view')).projects[0];
    await app.call('projects.update', { id: project?.id ?? 0, changes: { name: 'Unsynced' } });
    await session.signOut();
    expect(session.confirmSignOut).toBe(1);
    expect(session.signedIn).toBe(true);
    await session.signOut(true);
    expect(session.confirmSignOut).toBeNull();
    expect(session.signedIn).toBe(false);

    await session.signInWithToken('not-a-token');
    expect(session.alert).toMatch(/Toggl/);
    expect(session.signedIn).toBe(false);
    await world.sandbox.setDown(false);
    await session.signInWithToken(DEMO.apiToken);
    expect(session.signedIn).toBe(true);
    expect(session.alert).toBeNull();
    session.clearError();
    off();
  });

  it('signs in with email and password', async () => {
    const session = new SessionState(inProcessApi(app));
    await session.signOut(true);
    await session.signInWithPassword(DEMO.email, DEMO.password);
    expect(session.signedIn).toBe(true);
    expect(session.busy).toBe(false);
  });
});

describe('SettingsState and AppState', () => {
  it('loads and updates settings; says what the browser shell cannot apply', async () => {
    const settings = new SettingsState(inProcessApi(app));
    await settings.load();
    expect(settings.view?.settings.backgroundSync).toBe(true);
    await settings.update({ backgroundSync: false });
    expect(settings.view?.settings.backgroundSync).toBe(false);
    expect(settings.view?.unsupported).toMatch(/browser shell/);
    // The browser shell cannot open a folder: it says where the logs are.
    expect(settings.logsFolder).toBeNull();
    await settings.openLogs();
    expect(settings.logsFolder).toBe(path.join(world.dataDir, 'logs'));
    await settings.update({ shortcut: 'x'.repeat(500) });
    expect(settings.error).toMatch(/./);
  });

  it('knows which shell it runs in, and refuses links that are not web links', async () => {
    const state = new AppState(inProcessApi(app));
    await state.load();
    expect(state.shellLabel).toBe('browser shell');
    state.hidePopover();
    await state.openExternal('file:///etc/passwd');
    expect(state.error?.code).toBe('refused');
  });
});
