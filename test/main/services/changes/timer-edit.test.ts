import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import type { SandboxTimeEntry } from '../../../../tools/sandbox/state';
import { projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

/** Edits of the running entry: its description, project and task, online and offline. */
let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

function atToggl(description: string): SandboxTimeEntry[] {
  return [...world.sandbox.state.timeEntries.values()].filter(
    (entry) => entry.description === description && entry.server_deleted_at === null,
  );
}
const running = (view: DataView) => view.entries.filter((entry) => entry.stop === null);

async function sent(app: LaunchedApp): Promise<DataView> {
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
  return app.call('data.view');
}

function projects(view: DataView) {
  const website = projectNamed(view, 'Website redesign');
  const other = view.projects.find((item) => item.wid === website?.wid && item.id !== website.id && item.active);
  const task = view.tasks.find((item) => item.pid === other?.id) ?? view.tasks.find((item) => item.pid === website?.id);
  const elsewhere = view.projects.find((item) => item.wid !== website?.wid && item.active);
  if (!website || !other || !task || !elsewhere) throw new Error('the demo account has these');
  return { website, other, task, elsewhere };
}

describe('editing the running entry', () => {
  it('online: the description, then project and task, shown at once and PUT to Toggl', async () => {
    const app = await world.launch();
    const { website, task } = projects(await app.call('data.view'));
    const { id: tempId } = await app.call('timer.start', {
      wid: website.wid,
      pid: website.id,
      tid: null,
      description: 'Draft',
    });
    const [entry] = running(await sent(app));
    const id = entry?.id ?? tempId;

    await app.call('timer.update', { id, changes: { description: '  Hero copy ' } });
    expect(running(await app.call('data.view'))).toMatchObject([{ id, description: 'Hero copy', sync: 'pending' }]);
    const from = world.sandbox.requests.length;
    await sent(app);
    await app.call('timer.update', { id, changes: { pid: task.pid, tid: task.id } });
    expect(running(await app.call('data.view'))).toMatchObject([{ id, pid: task.pid, tid: task.id }]);
    const after = await sent(app);
    expect(world.sandbox.requests.slice(from).map((request) => request.method)).toEqual(['PUT', 'PUT']);
    expect(atToggl('Hero copy')).toMatchObject([{ id, project_id: task.pid, task_id: task.id, stop: null }]);
    expect(running(after)).toMatchObject([{ id, sync: 'synced', description: 'Hero copy' }]);
  });

  it('offline: start, rename and move before Toggl heard of it go as one create', async () => {
    const app = await world.launch();
    const { website, other } = projects(await app.call('data.view'));
    await world.sandbox.setDown(true);
    const { id } = await app.call('timer.start', { wid: website.wid, pid: website.id, tid: null, description: '' });
    // The attempt made while Toggl is down has failed: the start waits, open to edits.
    await app.services.data.settled();
    await app.call('timer.update', { id, changes: { description: 'Planning' } });
    await app.services.data.settled();
    await app.call('timer.update', { id, changes: { pid: other.id, tid: null } });
    const queued = await app.call('data.view');
    expect(queued.outbox.map((change) => change.summary)).toEqual(['Start timer “Planning”']);

    await world.sandbox.setDown(false);
    const from = world.sandbox.requests.length;
    await sent(app);
    const writes = world.sandbox.requests.slice(from).filter((request) => request.method !== 'GET');
    expect(writes.map((request) => request.method)).toEqual(['POST']);
    expect(atToggl('Planning')).toMatchObject([{ project_id: other.id, task_id: null, stop: null }]);
  });

  it('offline: two edits of an entry Toggl has are one change, sent as one PUT', async () => {
    const app = await world.launch();
    const { website, other } = projects(await app.call('data.view'));
    await app.call('timer.start', { wid: website.wid, pid: website.id, tid: null, description: 'Standup' });
    const id = running(await sent(app))[0]?.id ?? 0;
    await world.sandbox.setDown(true);
    await app.call('timer.update', { id, changes: { description: 'Standup notes' } });
    await app.services.data.settled();
    await app.call('timer.update', { id, changes: { pid: other.id, tid: null } });
    expect((await app.call('data.view')).outbox.map((change) => change.summary)).toEqual([
      `Move time entry to “${other.name}”`,
    ]);
    await world.sandbox.setDown(false);
    const from = world.sandbox.requests.length;
    await sent(app);
    expect(world.sandbox.requests.slice(from).map((request) => request.method)).toEqual(['PUT']);
    expect(atToggl('Standup notes')).toMatchObject([{ id, project_id: other.id, stop: null }]);
  });

  it('refuses a project in another workspace, with what to do instead; nothing is queued', async () => {
    const app = await world.launch();
    const { website, elsewhere } = projects(await app.call('data.view'));
    const { id } = await app.call('timer.start', { wid: website.wid, pid: website.id, tid: null, description: 'X' });
    const before = (await app.call('data.view')).outbox.length;
    await expect(app.call('timer.update', { id, changes: { pid: elsewhere.id, tid: null } })).rejects.toThrow(
      /stays in its workspace .*stop it and start one on/,
    );
    expect((await app.call('data.view')).outbox).toHaveLength(before);
  });

  it('an entry deleted elsewhere meanwhile: the edit is done, nothing left to send', async () => {
    const app = await world.launch();
    const { website } = projects(await app.call('data.view'));
    await app.call('timer.start', { wid: website.wid, pid: website.id, tid: null, description: 'Gone soon' });
    const [entry] = running(await sent(app));
    world.sandbox.elsewhere.deleteTimeEntry(entry?.id ?? 0);
    await app.call('timer.update', { id: entry?.id ?? 0, changes: { description: 'Too late' } });
    const after = await sent(app);
    expect(after.outbox).toEqual([]);
    expect(after.entries.some((item) => item.id === entry?.id)).toBe(false);
  });

  it('an unchanged description queues nothing', async () => {
    const app = await world.launch();
    const { website } = projects(await app.call('data.view'));
    const { id } = await app.call('timer.start', { wid: website.wid, pid: website.id, tid: null, description: 'Same' });
    await sent(app);
    const real = running(await app.call('data.view'))[0]?.id ?? id;
    await app.call('timer.update', { id: real, changes: { description: ' Same ' } });
    expect((await app.call('data.view')).outbox).toEqual([]);
  });
});
