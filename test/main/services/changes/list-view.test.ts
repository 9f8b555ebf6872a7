import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { applyDelta, type ViewDelta } from '../../../../src/shared/view-delta';
import { ListView } from '../../../../src/main/services/changes/list-view';
import { TogglApi } from '../../../../src/main/services/toggl/api';
import { DEMO } from '../../../../tools/sandbox/fixture';
import { seededRandom } from '../../../../tools/sandbox/faults';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
let other: TogglApi;
const deltas: ViewDelta[] = [];
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  other = new TogglApi({ baseUrl: world.sandbox.apiUrl, credentials: { token: DEMO.apiToken }, minIntervalMs: 0 });
  deltas.length = 0;
  app.events.attach({
    emit: (event, payload) => {
      if (event === 'data.changed') deltas.push(payload as ViewDelta);
    },
  });
});
afterEach(async () => {
  await other.close();
  await world.cleanup();
});

const nextTick = () => new Promise((resolve) => setImmediate(resolve));
const byId = <T extends { id: number }>(items: readonly T[]) => [...items].sort((a, b) => a.id - b.id);

/** The same cache and queue, listed by a ListView that starts from nothing. */
function fromScratch(live: DataView): DataView {
  const { cache, queue, replayer } = app.services.data;
  const fresh = new ListView(cache);
  try {
    return fresh.build(queue.entries, replayer.newIds, live.version, queue.damaged);
  } finally {
    fresh.close();
  }
}

const pick = <T>(random: () => number, items: readonly T[]): T | undefined =>
  items[Math.floor(random() * items.length)];

/** One random thing a user, Toggl or the network does; refusals (rights, plans) are part of it. */
async function step(random: () => number, index: number): Promise<void> {
  const view = app.services.data.currentView();
  const project = pick(random, view.projects);
  const task = pick(random, view.tasks);
  const choice = Math.floor(random() * 11);
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!String(error).includes('refused')) throw error;
    }
  };
  if (choice === 0) await world.sandbox.setDown(!world.sandbox.isDown);
  if (choice === 1 && project)
    await attempt(() => app.call('projects.update', { id: project.id, changes: { name: `${project.name} ${index}` } }));
  if (choice === 2 && project)
    await attempt(() => app.call('projects.setActive', { ids: [project.id], active: !project.active }));
  if (choice === 3 && task) await attempt(() => app.call('tasks.setActive', { ids: [task.id], active: !task.active }));
  if (choice === 4 && project)
    await attempt(() =>
      app.call('tasks.create', { pid: project.id, fields: { name: `New ${index}`, estimatedSeconds: null } }),
    );
  if (choice === 5 && project)
    await attempt(() =>
      app.call('projects.create', {
        wid: project.wid,
        fields: { name: `Made ${index}`, cid: project.cid, color: '#2da608', isPrivate: false, billable: false },
      }),
    );
  if (choice === 6 && task) await attempt(() => app.call('tasks.delete', { id: task.id }));
  if (choice === 7 && random() < 0.3 && project) await attempt(() => app.call('projects.delete', { id: project.id }));
  if (choice === 8 && !world.sandbox.isDown && task && task.id > 0 && task.sync === 'synced')
    // Someone else renames a task on Toggl; the next sync brings it.
    await other
      .updateTask(task.wid, task.pid, task.id, { name: `${task.name} (theirs ${index})` })
      .catch(() => undefined);
  if (choice === 9) await app.services.data.engine.sync('manual');
  if (choice === 10) {
    // Someone renames a client on Toggl: its projects show the new name after the next sync.
    const clients = [...world.sandbox.state.clients.values()];
    const client = pick(random, clients);
    if (client) {
      client.name = `${client.name.replace(/ \d+$/, '')} ${index}`;
      client.at = world.sandbox.state.stamp();
    }
    await app.services.data.engine.sync('manual').catch(() => undefined);
  }
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
  await nextTick();
}

describe('the list is kept up to date change by change', () => {
  it('equals the list built from scratch, and a window following the deltas holds the same, after every step', async () => {
    let window = await app.call('data.view');
    const random = seededRandom(7);
    for (let index = 0; index < 80; index++) {
      await step(random, index);
      const live = app.services.data.currentView();
      const scratch = fromScratch(live);
      expect(byId(live.projects)).toEqual(byId(scratch.projects));
      expect(byId(live.tasks)).toEqual(byId(scratch.tasks));
      expect(live.outbox).toEqual(scratch.outbox);
      for (const delta of deltas.splice(0)) window = applyDelta(window, delta) ?? (await app.call('data.view'));
      expect({ ...window, projects: byId(window.projects), tasks: byId(window.tasks) }).toEqual({
        ...live,
        projects: byId(live.projects),
        tasks: byId(live.tasks),
      });
    }
    // The walk did touch the list: edits were made, queued and sent.
    expect(world.sandbox.countRequests((request) => request.method !== 'GET')).toBeGreaterThan(10);
  });

  it('a sync that brings nothing new changes nothing the windows hold', async () => {
    await app.call('data.view');
    await app.services.data.engine.sync('manual');
    await app.services.data.settled();
    await nextTick();
    expect(deltas.flatMap((delta) => [...delta.projects.upsert, ...delta.tasks.upsert])).toEqual([]);
  });
});
