import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { projectIdNamed, projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

const serverProjects = () => [...world.sandbox.state.projects.values()].filter((item) => !item.server_deleted_at);
const serverTasks = () => [...world.sandbox.state.tasks.values()].filter((item) => !item.server_deleted_at);

/** Queues eight changes while Toggl is down: 3 creates, renames, an archive, task edits. */
async function queueWhileDown(app: LaunchedApp): Promise<{ view: DataView; studio: number }> {
  await world.sandbox.setDown(true);
  const view = await app.call('data.view');
  const studio = view.workspaces.find((workspace) => workspace.name === 'Demo Studio')?.id ?? 0;
  const fields = { cid: null, color: '#0b83d9', isPrivate: false, billable: false };
  const { id: first } = await app.call('projects.create', { wid: studio, fields: { ...fields, name: 'Fault one' } });
  await app.call('tasks.create', { pid: first, fields: { name: 'Fault task', estimatedSeconds: null } });
  await app.call('projects.create', { wid: studio, fields: { ...fields, name: 'Fault two' } });
  await app.call('projects.update', {
    id: projectIdNamed(view, 'Mobile app'),
    changes: { name: 'Mobile app (faults)' },
  });
  await app.call('projects.setActive', { ids: [projectIdNamed(view, 'Internal tools')], active: false });
  const website = projectIdNamed(view, 'Website redesign');
  await app.call('tasks.create', { pid: website, fields: { name: 'Fault review', estimatedSeconds: 600 } });
  const visual = view.tasks.find((task) => task.name === 'Visual design')?.id ?? 0;
  await app.call('tasks.update', { id: visual, changes: { name: 'Visual design (faults)' } });
  await app.call('tasks.setActive', { ids: [visual], active: false });
  await app.services.data.settled();
  expect((await app.call('data.view')).outbox).toHaveLength(8);
  await world.sandbox.setDown(false);
  return { view, studio };
}

/** Keeps sending (as the app's timers would) until the queue is empty or nothing moves. */
async function drain(app: LaunchedApp, rounds = 30): Promise<DataView> {
  for (let round = 0; round < rounds; round++) {
    await app.services.data.loop.sendNow();
    const view = await app.call('data.view');
    if (view.outbox.every((entry) => entry.state !== 'pending')) return view;
  }
  return app.call('data.view');
}

function expectEverythingApplied(): void {
  const projects = serverProjects();
  const tasks = serverTasks();
  for (const name of ['Fault one', 'Fault two', 'Mobile app (faults)']) {
    expect(
      projects.filter((item) => item.name === name),
      name,
    ).toHaveLength(1);
  }
  expect(projects.find((item) => item.name === 'Internal tools')?.active).toBe(false);
  const one = projects.find((item) => item.name === 'Fault one');
  expect(tasks.filter((task) => task.name === 'Fault task')).toEqual([
    expect.objectContaining({ project_id: one?.id }),
  ]);
  expect(tasks.filter((task) => task.name === 'Fault review')).toHaveLength(1);
  expect(tasks.find((task) => task.name === 'Visual design (faults)')?.active).toBe(false);
}

describe('replay under faults: nothing lost, nothing doubled', () => {
  it('a 30% 5xx rate', async () => {
    const app = await world.launch();
    await queueWhileDown(app);
    world.sandbox.setFaults({ serverErrorRate: 0.3 });
    const view = await drain(app);
    expect(view.outbox).toEqual([]);
    expect(world.sandbox.countRequests((request) => request.status >= 500)).toBeGreaterThan(0);
    expectEverythingApplied();
  });

  it('connections dropped after Toggl applied a create: the app looks before sending it again', async () => {
    const app = await world.launch();
    await queueWhileDown(app);
    // The first two POSTs are applied by the sandbox, then their answers are lost.
    world.sandbox.dropNext({ times: 2, mode: 'after', method: 'POST' });
    const view = await drain(app);
    expect(view.outbox).toEqual([]);
    expect(world.sandbox.countRequests((request) => request.dropped === true)).toBe(2);
    expectEverythingApplied();
  });

  it('a 402 halfway: the rest waits for the reset, then goes', async () => {
    const app = await world.launch();
    await queueWhileDown(app);
    world.sandbox.force({ status: 402, times: 1, after: 3 });
    await app.services.data.engine.push('reconnect');
    const status = await app.call('sync.status');
    expect(status.pausedUntil).not.toBeNull();
    expect(status.pending).toBe(5);
    expect(serverProjects().filter((item) => item.name.startsWith('Fault'))).toHaveLength(2);
    // Background sending keeps to the pause; the user's Retry/Refresh does not.
    const before = world.sandbox.countRequests();
    await app.services.data.engine.push('background');
    expect(world.sandbox.countRequests()).toBe(before);
    const view = await drain(app);
    expect(view.outbox).toEqual([]);
    expectEverythingApplied();
  });

  it('a permanent 400 marks that change failed; the others go on; retry after fixing, or discard', async () => {
    const app = await world.launch();
    const { view } = await queueWhileDown(app);
    // Someone takes the new name on Toggl first: the rename is refused for good.
    const mobile = world.sandbox.state.projects.get(projectIdNamed(view, 'Mobile app'));
    const website = world.sandbox.state.projects.get(projectIdNamed(view, 'Website redesign'));
    if (website && mobile) {
      website.name = 'Mobile app (faults)';
      website.client_id = mobile.client_id;
      website.cid = mobile.cid;
    }
    const after = await drain(app);
    expect(after.outbox).toEqual([
      expect.objectContaining({
        summary: 'Rename project to “Mobile app (faults)”',
        state: 'failed',
        error: 'Toggl refused the change: Name has already been taken',
      }),
    ]);
    expect(projectNamed(after, 'Mobile app (faults)')?.sync).toBe('failed');
    expect((await app.call('sync.status')).failed).toBe(1);
    expect(serverTasks().filter((task) => task.name === 'Fault task')).toHaveLength(1);

    const entryId = after.outbox[0]?.id ?? '';
    await app.call('outbox.discard', { entryId });
    const discarded = await app.call('data.view');
    expect(discarded.outbox).toEqual([]);
    expect(projectNamed(discarded, 'Mobile app')?.sync).toBe('synced');
  });
});
