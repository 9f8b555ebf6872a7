import { afterEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { projectLock } from '../../../../src/shared/rights';
import { DEMO } from '../../../../tools/sandbox/fixture';
import { projectIdNamed, workspaceIdNamed } from '../../../support/named';
import { createSyncWorld, launchApp, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await world.cleanup();
});

const managers = (_method: string, path: string) => path.includes('/project_users');

async function signedOutApp(): Promise<LaunchedApp> {
  world = await createSyncWorld();
  app = await launchApp(world.sandbox.apiUrl, world.dataDir, world.vault);
  expect(app.services.session.current().status).toBe('signed-out');
  return app;
}

async function untilListed(launched: LaunchedApp): Promise<DataView> {
  await expect.poll(async () => (await launched.call('data.view')).projects.length).toBeGreaterThan(0);
  return launched.call('data.view');
}

describe('signing in', () => {
  it('asks Toggl once: the answer that checks the token is the list', async () => {
    const launched = await signedOutApp();
    const from = world.sandbox.requests.length;
    await launched.services.session.signInWithToken(DEMO.apiToken);
    await launched.services.data.engine.idle();
    const me = world.sandbox.requests.slice(from).filter((request) => request.path.startsWith('/me'));
    expect(me.map((request) => `${request.method} ${request.path}${request.query}`)).toEqual([
      'GET /me?with_related_data=true',
    ]);
    expect((await launched.call('data.view')).projects).toHaveLength(10);
  });

  it('shows the list before Toggl says which projects the user manages, with those rights pending', async () => {
    const launched = await signedOutApp();
    const release = world.sandbox.hold(managers);
    await launched.services.session.signInWithToken(DEMO.apiToken);

    const listed = await untilListed(launched);
    const community = workspaceIdNamed(listed, 'Community (members)');
    const newsletter = projectIdNamed(listed, 'Newsletter');
    const checking = 'Checking with Toggl which projects you manage in “Community (members)”…';
    expect(projectLock(listed.rights[community], newsletter)).toBe(checking);
    // Main refuses with the same words meanwhile: the list never offers what it cannot do.
    await expect(launched.call('projects.update', { id: newsletter, changes: { name: 'Early' } })).rejects.toThrow(
      checking,
    );
    // Where the user is admin nothing waits.
    expect(listed.rights[workspaceIdNamed(listed, 'Demo Studio')]?.editProjects).toBeNull();

    release();
    await launched.services.data.engine.idle();
    await launched.services.data.settled();
    const known = await launched.call('data.view');
    expect(known.rights[community]?.managedProjects).toEqual([newsletter]);
    expect(projectLock(known.rights[community], newsletter)).toBeNull();
    expect(projectLock(known.rights[community], projectIdNamed(known, 'Meetup organising'))).toBe(
      'Only admins and the project’s managers may change it and its tasks in “Community (members)”.',
    );
  });

  it('a managers answer that fails leaves the rights pending, and the next sync asks again', async () => {
    const launched = await signedOutApp();
    world.sandbox.force({ status: 503, times: 10, after: 1 });
    await launched.services.session.signInWithToken(DEMO.apiToken);
    await launched.services.data.engine.idle();
    const listed = await launched.call('data.view');
    const community = workspaceIdNamed(listed, 'Community (members)');
    expect(listed.rights[community]?.editProjects).toMatch(/^Checking with Toggl/);
    // Kept on disk too: a restart keeps waiting rather than guessing.
    expect(launched.services.data.cache.workspaces.get(community)?.managedPending).toBe(true);

    world.sandbox.clearFaults();
    await launched.services.data.engine.sync('popover');
    const known = await launched.call('data.view');
    expect(known.rights[community]?.managedProjects).toEqual([projectIdNamed(known, 'Newsletter')]);
    expect(known.rights[community]?.editProjects).toMatch(/^Only admins/);
  });
});
