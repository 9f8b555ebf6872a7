import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, TEAMMATE } from '../../../../tools/sandbox/fixture';
import { inProcessApi } from '../../../support/in-process-api';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
});
afterEach(() => world.cleanup());

/** Queues a rename while Toggl is down; Toggl comes back with it still queued. */
async function queueWhileDown(): Promise<void> {
  await world.sandbox.setDown(true);
  const view = await app.call('data.view');
  const mobile = view.projects.find((project) => project.name === 'Mobile app')?.id ?? 0;
  await app.call('projects.update', { id: mobile, changes: { name: 'Queued as Dana' } });
  await app.services.data.settled();
  await world.sandbox.setDown(false);
}

describe('signing in as another account with changes queued', () => {
  it('asks first: refused with the choice, then, once agreed, signs in and drops the old queue', async () => {
    await queueWhileDown();
    const api = inProcessApi(app);
    const refused = await api.invoke('session.signInWithToken', { token: TEAMMATE.apiToken });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'refused',
        confirm: 'discard-pending',
        message:
          '1 change made with another Toggl account is still waiting to be sent. Signing in as Sam Teammate discards it; sign in with the other account to send it instead.',
      },
    });
    expect((await app.call('data.view')).outbox).toHaveLength(1);

    const agreed = await api.invoke('session.signInWithToken', { token: TEAMMATE.apiToken, discardPending: true });
    expect(agreed).toMatchObject({ ok: true, value: { status: 'signed-in', user: { fullname: 'Sam Teammate' } } });
    await app.services.data.settled();
    expect((await app.call('data.view')).outbox).toEqual([]);
    expect(world.sandbox.countRequests((request) => request.method === 'PUT')).toBe(0);
  });

  it('the same account signs in again without a question, and its queue goes', async () => {
    await queueWhileDown();
    await app.call('session.signInWithToken', { token: DEMO.apiToken });
    await app.services.data.loop.sendNow();
    expect((await app.call('data.view')).outbox).toEqual([]);
    expect([...world.sandbox.state.projects.values()].some((project) => project.name === 'Queued as Dana')).toBe(true);
  });
});
