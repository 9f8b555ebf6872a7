import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

/** Edits "Mobile app" offline while the same project changes on Toggl, then reconnects. */
async function editBothSides(
  app: LaunchedApp,
  mine: { name?: string; color?: string },
  theirs: { name?: string; color?: string },
) {
  const view = await app.call('data.view');
  const id = view.projects.find((project) => project.name === 'Mobile app')?.id ?? 0;
  await world.sandbox.setDown(true);
  await app.call('projects.update', { id, changes: mine });
  await app.services.data.settled();
  const onServer = world.sandbox.state.projects.get(id);
  if (onServer) Object.assign(onServer, theirs, { at: new Date(Date.now() + 1000).toISOString() });
  await world.sandbox.setDown(false);
  // Coming back: the list syncs first (Toggl's change arrives), then the queue replays.
  await app.services.data.engine.sync('manual');
  return { id, view: await app.call('data.view') };
}

describe('conflicts', () => {
  it('the same field changed on both sides reaches the user as a conflict; "keep mine" sends mine', async () => {
    const app = await world.launch();
    const { id, view } = await editBothSides(app, { name: 'Mobile app (mine)' }, { name: 'Mobile app (theirs)' });
    expect(view.outbox).toEqual([
      expect.objectContaining({
        state: 'conflict',
        conflicts: [{ field: 'name', mine: 'Mobile app (mine)', theirs: 'Mobile app (theirs)' }],
      }),
    ]);
    expect(view.projects.find((project) => project.id === id)).toMatchObject({
      name: 'Mobile app (mine)',
      sync: 'conflict',
    });
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Mobile app (theirs)');
    expect((await app.call('sync.status')).conflicts).toBe(1);

    await app.call('outbox.resolve', { entryId: view.outbox[0]?.id ?? '', keep: 'mine' });
    await app.services.data.settled();
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Mobile app (mine)');
    expect((await app.call('data.view')).outbox).toEqual([]);
  });

  it('"keep theirs" drops my value and leaves Toggl’s', async () => {
    const app = await world.launch();
    const { id, view } = await editBothSides(app, { name: 'Mine again' }, { name: 'Theirs again' });
    await app.call('outbox.resolve', { entryId: view.outbox[0]?.id ?? '', keep: 'theirs' });
    await app.services.data.settled();
    const after = await app.call('data.view');
    expect(after.outbox).toEqual([]);
    expect(after.projects.find((project) => project.id === id)).toMatchObject({ name: 'Theirs again', sync: 'synced' });
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Theirs again');
  });

  it('different fields changed on each side merge silently', async () => {
    const app = await world.launch();
    const { id, view } = await editBothSides(app, { name: 'Mobile app (renamed)' }, { color: '#d92b2b' });
    expect(view.outbox).toEqual([]);
    expect(world.sandbox.state.projects.get(id)).toMatchObject({ name: 'Mobile app (renamed)', color: '#d92b2b' });
    expect(view.projects.find((project) => project.id === id)).toMatchObject({
      name: 'Mobile app (renamed)',
      color: '#d92b2b',
      sync: 'synced',
    });
  });
});
