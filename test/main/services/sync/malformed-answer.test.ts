import { afterEach, expect, it } from 'vitest';
import { TogglApi } from '../../../../src/main/services/toggl/api';
import type { TogglMeWithRelated } from '../../../../src/main/services/toggl/types';
import { PiecedJson } from '../../../../src/main/services/toggl/pieced-json';
import { DEMO } from '../../../../tools/sandbox/fixture';
import { createSyncWorld, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld | undefined;
afterEach(() => world?.cleanup());

it('a full load whose tasks are not a list keeps the tasks the cache had, and logs why', async () => {
  world = await createSyncWorld();
  const app = await world.launch();
  const before = (await app.call('data.view')).tasks;
  expect(before.length).toBeGreaterThan(0);
  // Toggl's own answer, its task list replaced by something that is not a list.
  const api = new TogglApi({ baseUrl: world.sandbox.apiUrl, credentials: { token: DEMO.apiToken }, minIntervalMs: 0 });
  const answer = await api.getMeWithRelatedData();
  await api.close();
  const broken = { ...answer, tasks: { unexpected: true } } as unknown as TogglMeWithRelated;

  await app.services.data.engine.sync('manual', PiecedJson.of(broken));
  await app.services.data.settled();
  expect((await app.call('data.view')).tasks.map((task) => [task.id, task.name])).toEqual(
    before.map((task) => [task.id, task.name]),
  );
  expect(app.log.entries.map((entry) => entry.message)).toContain('sync: skipped a task Toggl Tray could not read');

  // The next answer that lists them is taken in as ever.
  await app.services.data.engine.sync('manual', PiecedJson.of(answer));
  await app.services.data.settled();
  expect((await app.call('data.view')).tasks).toHaveLength(before.length);
});
