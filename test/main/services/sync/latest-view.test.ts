import { afterEach, beforeEach, expect, it } from 'vitest';
import { runningEntry } from '../../../../src/shared/running-entry';
import { projectNamed } from '../../../support/named';
import { createSyncWorld, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

it('a glance (the tray) shows the last list built until the change is taken in, and never builds it itself', async () => {
  const app = await world.launch();
  const { data } = app.services;
  const before = data.currentView();
  const project = projectNamed(await app.call('data.view'), 'Website redesign');
  await app.call('timer.start', { wid: project?.wid ?? 0, pid: project?.id ?? null, tid: null, description: 'Hero' });

  // The start is queued; the list with it is not built yet: a glance is the list as last built.
  const glance = data.latestView();
  expect(glance.version).toBe(before.version);
  expect(runningEntry(glance.entries)).toBeUndefined();

  // Built (as data.changed does), the glance is the new list.
  const built = data.currentView();
  expect(built.version).toBeGreaterThan(before.version);
  expect(runningEntry(built.entries)?.description).toBe('Hero');
  expect(data.latestView()).toBe(built);
});

it('the idle watcher’s poll glances at the last list built: a change waiting to be taken in is not built for it', async () => {
  const app = await world.launch();
  const { data, idle } = app.services;
  const before = data.currentView();
  const project = projectNamed(await app.call('data.view'), 'Website redesign');
  await app.call('timer.start', { wid: project?.wid ?? 0, pid: project?.id ?? null, tid: null, description: 'Hero' });

  // Polled while the start waits to be taken in: the list as last built, none running, nothing built.
  expect(idle.questions.running()).toBeNull();
  expect(data.latestView()).toBe(before);

  // Once the list is built (data.changed, status.json), the poll sees the running entry.
  const built = data.currentView();
  const entry = runningEntry(built.entries);
  expect(idle.questions.running()?.id).toBe(entry?.id);
  expect(data.latestView()).toBe(built);
});
