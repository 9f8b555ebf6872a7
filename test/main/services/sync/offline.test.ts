import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { projectIdNamed, projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

const taskNamed = (view: DataView, name: string) => view.tasks.find((task) => task.name === name);

/** The sandbox's own state for the demo user's projects and tasks. */
function server() {
  const projects = [...world.sandbox.state.projects.values()].filter((project) => !project.server_deleted_at);
  const tasks = [...world.sandbox.state.tasks.values()].filter((task) => !task.server_deleted_at);
  return { projects, tasks };
}

async function goOffline(app: LaunchedApp) {
  await world.sandbox.setDown(true);
  const view = await app.call('data.view');
  const studio = view.workspaces.find((workspace) => workspace.name === 'Demo Studio')?.id ?? 0;
  return { view, studio };
}

describe('offline: changes through the IPC handlers', () => {
  it('are visible at once, survive a restart, and replay with no duplicates once Toggl is back', async () => {
    const app = await world.launch();
    const { view: before, studio } = await goOffline(app);
    expect(before.projects.length).toBe(server().projects.length);

    const { id: projectId } = await app.call('projects.create', {
      wid: studio,
      fields: { name: 'Offline launch', cid: null, color: '#2da608', isPrivate: false, billable: false },
    });
    expect(projectId).toBeLessThan(0);
    const { id: taskId } = await app.call('tasks.create', {
      pid: projectId,
      fields: { name: 'Plan it', estimatedSeconds: 3600 },
    });
    const mobile = projectNamed(before, 'Mobile app');
    const internal = projectNamed(before, 'Internal tools');
    const visual = taskNamed(before, 'Visual design');
    await app.call('projects.update', { id: mobile?.id ?? 0, changes: { name: 'Mobile app v2' } });
    await app.call('projects.setActive', { ids: [internal?.id ?? 0], active: false });
    await app.call('tasks.setActive', { ids: [visual?.id ?? 0], active: false });
    await app.call('tasks.create', { pid: mobile?.id ?? 0, fields: { name: 'Release notes', estimatedSeconds: null } });

    const now = await app.call('data.view');
    expect(projectNamed(now, 'Offline launch')).toMatchObject({ id: projectId, sync: 'pending', active: true });
    expect(taskNamed(now, 'Plan it')).toMatchObject({ id: taskId, pid: projectId, sync: 'pending' });
    expect(projectNamed(now, 'Mobile app v2')).toMatchObject({ id: mobile?.id, sync: 'pending' });
    expect(projectNamed(now, 'Internal tools')).toMatchObject({ active: false, sync: 'pending' });
    expect(taskNamed(now, 'Visual design')).toMatchObject({ active: false, sync: 'pending' });
    expect(now.outbox.map((entry) => entry.summary)).toEqual([
      'Create project “Offline launch”',
      'Create task “Plan it”',
      'Rename project to “Mobile app v2”',
      'Archive project “Internal tools”',
      'Mark task “Visual design” done',
      'Create task “Release notes”',
    ]);
    await app.services.data.settled();
    const status = await app.call('sync.status');
    expect(status).toMatchObject({ online: false, pending: 6, failed: 0 });

    // A restart while still offline: a new services instance on the same data dir.
    await app.close();
    const restarted = await world.launch();
    const afterRestart = await restarted.call('data.view');
    expect(afterRestart.projects).toEqual(now.projects);
    expect(afterRestart.tasks).toEqual(now.tasks);
    expect(afterRestart.outbox.length).toBe(6);

    // Toggl is back: the probe notices, the list syncs, the queue replays in order.
    await world.sandbox.setDown(false);
    expect(await restarted.services.data.loop.probe()).toBe(true);
    const synced = await restarted.call('data.view');
    expect(synced.outbox).toEqual([]);
    expect(synced.projects.every((project) => project.id > 0 && project.sync === 'synced')).toBe(true);

    const { projects, tasks } = server();
    expect(projects.filter((project) => project.name === 'Offline launch')).toHaveLength(1);
    const created = projects.find((project) => project.name === 'Offline launch');
    expect(created).toMatchObject({ color: '#2da608', active: true });
    expect(tasks.filter((task) => task.name === 'Plan it')).toEqual([
      expect.objectContaining({ project_id: created?.id, estimated_seconds: 3600 }),
    ]);
    expect(projects.find((project) => project.id === mobile?.id)?.name).toBe('Mobile app v2');
    expect(projects.find((project) => project.id === internal?.id)?.active).toBe(false);
    expect(tasks.find((task) => task.id === visual?.id)?.active).toBe(false);
    expect(tasks.filter((task) => task.name === 'Release notes')).toHaveLength(1);
    // The view is exactly the server's state now.
    expect(synced.projects.map((project) => project.name).sort()).toEqual(
      projects
        .filter((project) => world.sandbox.state.canSeeProject(project, synced.user?.id ?? 0))
        .map((project) => project.name)
        .sort(),
    );
    expect(world.sandbox.countRequests((request) => request.method === 'POST')).toBe(3);
  });

  it('folds edits of an item not yet sent into its create, and deleting it sends nothing', async () => {
    const app = await world.launch();
    const { studio } = await goOffline(app);
    const { id } = await app.call('projects.create', {
      wid: studio,
      fields: { name: 'Draft', cid: null, color: '#0b83d9', isPrivate: false, billable: false },
    });
    await app.services.data.settled();
    await app.call('projects.update', { id, changes: { name: 'Draft 2', color: '#9e5bd9' } });
    expect((await app.call('data.view')).outbox.map((entry) => entry.summary)).toEqual(['Create project “Draft 2”']);
    const { id: gone } = await app.call('projects.create', {
      wid: studio,
      fields: { name: 'Mistake', cid: null, color: '#0b83d9', isPrivate: false, billable: false },
    });
    await app.services.data.settled();
    await app.call('projects.delete', { id: gone });
    expect((await app.call('data.view')).outbox).toHaveLength(1);
    await world.sandbox.setDown(false);
    await app.services.data.loop.notify('online');

    expect(server().projects.find((project) => project.name === 'Draft 2')).toMatchObject({ color: '#9e5bd9' });
    expect(server().projects.some((project) => project.name === 'Mistake')).toBe(false);
  });

  it('refuses bad input with a clear message and queues nothing', async () => {
    const app = await world.launch();
    const { view, studio } = await goOffline(app);
    const community = view.workspaces.find((workspace) => workspace.name === 'Community (members)')?.id ?? 0;
    const fields = { name: 'x', cid: null, color: '#0b83d9', isPrivate: false, billable: false };
    await expect(app.call('projects.create', { wid: studio, fields: { ...fields, name: '  ' } })).rejects.toThrow(
      'refused: Give the project a name.',
    );
    await expect(
      app.call('projects.create', { wid: studio, fields: { ...fields, name: 'internal TOOLS' } }),
    ).rejects.toThrow('A project named “Internal tools” already exists in this workspace.');
    await expect(app.call('projects.create', { wid: community, fields })).rejects.toThrow(
      'Only admins and project leads may create projects in “Community (members)”.',
    );
    const personal = view.workspaces.find((workspace) => workspace.name === 'Side projects')?.id ?? 0;
    await expect(
      app.call('projects.create', { wid: personal, fields: { ...fields, color: '#123456' } }),
    ).rejects.toThrow('Custom colors need a paid plan in “Side projects”');
    const legacy = projectNamed(view, 'Legacy migration');
    await expect(
      app.call('tasks.create', { pid: legacy?.id ?? 0, fields: { name: 'More', estimatedSeconds: null } }),
    ).rejects.toThrow('“Legacy migration” is archived: restore it before adding tasks.');
    expect((await app.call('data.view')).outbox).toEqual([]);
  });
});

describe('undo before anything went out', () => {
  it('an archive undone while still queued cancels out: nothing is sent', async () => {
    const app = await world.launch();
    const { view } = await goOffline(app);
    const internal = projectIdNamed(view, 'Internal tools');
    const visual = taskNamed(view, 'Visual design')?.id ?? 0;
    await app.call('projects.setActive', { ids: [internal], active: false });
    await app.call('tasks.setActive', { ids: [visual], active: false });
    await app.services.data.settled();
    await app.call('projects.setActive', { ids: [internal], active: true });
    await app.call('tasks.setActive', { ids: [visual], active: true });
    const after = await app.call('data.view');
    expect(after.outbox).toEqual([]);
    expect(projectNamed(after, 'Internal tools')).toMatchObject({ active: true, sync: 'synced' });
    await world.sandbox.setDown(false);
    await app.services.data.loop.probe();
    expect(world.sandbox.countRequests((request) => request.method !== 'GET')).toBe(0);
  });
});
