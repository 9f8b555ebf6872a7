import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEAMMATE } from '../../../../tools/sandbox/fixture';
import { parseTasks, taskBody } from '../../../../src/main/services/toggl/mapping';
import { workspaceIdOf } from '../../../support/named';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

const samId = () => [...w.world.sandbox.state.users.values()].find((user) => user.email === TEAMMATE.email)?.id ?? 0;
const danaId = () => w.view().user?.id ?? 0;
const usersAsked = () => w.world.sandbox.requests.filter((request) => /^\/workspaces\/\d+\/users$/.test(request.path));

describe('a task’s assignee read from Toggl', () => {
  it('is user_id (v8: uid); null, 0, absent or not a number is no one, and the task is kept', () => {
    const problems: string[] = [];
    const base = { workspace_id: 1, project_id: 2, name: 'T', active: true, at: '' };
    const { live } = parseTasks(
      [
        { ...base, id: 1, user_id: 9 },
        { ...base, id: 2, uid: 8 },
        { ...base, id: 3, user_id: null },
        { ...base, id: 4, user_id: 0 },
        { ...base, id: 5 },
        { ...base, id: 6, user_id: 'nine' },
      ],
      (_what, problem) => problems.push(problem),
    );
    expect(live.map((task) => [task.id, task.assigneeId])).toEqual([
      [1, 9],
      [2, 8],
      [3, null],
      [4, null],
      [5, null],
      [6, null],
    ]);
    expect(problems).toEqual([]);
  });

  it('goes out as user_id, null for no one, and only when it changed', () => {
    expect(taskBody({ assigneeId: 9 })).toEqual({ user_id: 9 });
    expect(taskBody({ assigneeId: null })).toEqual({ user_id: null });
    expect(taskBody({ name: 'x' })).toEqual({ name: 'x' });
  });
});

describe('task assignees (issue 22, item 3)', () => {
  it('come with the full sync: each task’s user_id, and the people of each paid workspace in one request', () => {
    expect(w.task('Visual design').assigneeId).toBe(danaId());
    expect(w.task('Push notifications').assigneeId).toBe(samId());
    expect(w.task('Accessibility review').assigneeId).toBeNull();

    const studio = w.view().teams.find((team) => team.wid === w.studio);
    expect(studio?.users.map((user) => user.name).sort()).toEqual(['Dana Demo', 'Sam Teammate']);
    // Only the users: members and groups still come when a project's members are first opened.
    expect(studio).toMatchObject({ complete: false, groups: [] });
    // Paid workspaces only (tasks need a paid plan): Demo Studio, Community, Dana Consulting; not Side projects.
    const free = workspaceIdOf(w.view(), 'Side projects');
    expect(usersAsked().map((request) => request.path)).not.toContain(`/workspaces/${free}/users`);
    expect(usersAsked()).toHaveLength(3);
  });

  it('a full sync within the hour asks for nobody again, Refresh does; opening members loads the rest', async () => {
    const asked = usersAsked().length;
    const fullLoad = async (trigger: 'popover' | 'manual') => {
      w.data.cache.fullSyncedAt = 0;
      await w.data.engine.sync(trigger);
    };
    await fullLoad('popover');
    expect(usersAsked()).toHaveLength(asked);
    await fullLoad('manual');
    expect(usersAsked()).toHaveLength(2 * asked);
    await w.app.call('team.open', { wid: w.studio });
    const studio = w.view().teams.find((team) => team.wid === w.studio);
    expect(studio?.complete).toBe(true);
    expect(studio?.members.length).toBeGreaterThan(0);
  });

  it('Toggl out of reach while the people load: the list from the load stays, and the app says it is offline', async () => {
    w.data.cache.fullSyncedAt = 0;
    // The load's answer goes out; every request after it has its connection dropped.
    const release = w.world.sandbox.hold((_method, path) => path === '/me', 'after');
    const syncing = w.data.engine.sync('manual');
    await expect.poll(() => w.world.sandbox.requests.filter((request) => request.path === '/me').length).toBe(2);
    w.world.sandbox.dropNext({ times: 100, mode: 'before', method: 'GET' });
    release();
    await syncing;
    expect(w.data.status()).toMatchObject({ online: false, problem: null });
    expect(w.task('Visual design').assigneeId).toBe(danaId());
    expect(w.view().teams.find((team) => team.wid === w.studio)?.users).toHaveLength(2);
  });

  it('a new task goes to the person picked; the POST says so, and says no one when none is', async () => {
    const website = w.project('Website redesign');
    await w.app.call('tasks.create', {
      pid: website.id,
      fields: { name: 'Copy review', estimatedSeconds: null, assigneeId: samId() },
    });
    await w.app.call('tasks.create', { pid: website.id, fields: { name: 'Photo shoot', estimatedSeconds: null } });
    expect(w.task('Copy review')).toMatchObject({ assigneeId: samId(), sync: 'pending' });
    await w.send();
    const onToggl = (name: string) => [...w.world.sandbox.state.tasks.values()].find((task) => task.name === name);
    expect(onToggl('Copy review')?.user_id).toBe(samId());
    expect(onToggl('Photo shoot')?.user_id).toBeNull();
    expect(w.task('Copy review')).toMatchObject({ assigneeId: samId(), sync: 'synced' });
  });

  it('assigning and unassigning are edits: one PUT with user_id only, applied at once', async () => {
    const task = w.task('Accessibility review');
    await w.app.call('tasks.update', { id: task.id, changes: { assigneeId: samId() } });
    expect(w.task('Accessibility review')).toMatchObject({ assigneeId: samId(), sync: 'pending' });
    await w.send();
    expect(w.world.sandbox.state.tasks.get(task.id)?.user_id).toBe(samId());
    expect(w.writes()).toEqual([`PUT /workspaces/${w.studio}/projects/${task.pid}/tasks/${task.id}`]);

    await w.app.call('tasks.update', { id: task.id, changes: { assigneeId: null } });
    await w.send();
    expect(w.world.sandbox.state.tasks.get(task.id)?.user_id).toBeNull();
    expect(w.task('Accessibility review').assigneeId).toBeNull();
  });

  it('refuses someone who is not in the task’s workspace, in words, and queues nothing', async () => {
    const threat = w.task('Threat model'); // Dana Consulting: Dana alone
    await expect(w.app.call('tasks.update', { id: threat.id, changes: { assigneeId: samId() } })).rejects.toThrow(
      'That person is not in this workspace: pick someone from the list.',
    );
    await expect(
      w.app.call('tasks.update', { id: threat.id, changes: { assigneeId: danaId() } }),
    ).resolves.toBeUndefined();
    expect(w.view().outbox).toHaveLength(1);
  });

  it('changed on Toggl meanwhile: a conflict on the assignee, and "keep mine" sends mine', async () => {
    const task = w.task('Visual design');
    w.queue({
      kind: 'task.update',
      id: task.id,
      wid: w.studio,
      pid: task.pid,
      changes: { assigneeId: samId() },
      base: { assigneeId: danaId() },
    });
    const cached = w.data.cache.tasks.get(task.id);
    if (cached) w.data.cache.tasks.set(task.id, { ...cached, assigneeId: null });
    await w.send();
    const [entry] = w.view().outbox;
    expect(entry).toMatchObject({
      state: 'conflict',
      conflicts: [{ field: 'assigneeId', mine: samId(), theirs: null }],
    });
    await w.app.call('outbox.resolve', { entryId: entry?.id ?? '', keep: 'mine' });
    await w.send();
    expect(w.world.sandbox.state.tasks.get(task.id)?.user_id).toBe(samId());
  });

  it('is kept in the cache and read back after a restart, offline', async () => {
    const task = w.task('Accessibility review');
    await w.app.call('tasks.update', { id: task.id, changes: { assigneeId: samId() } });
    await w.send();
    w.data.cache.flush();
    w.world.sandbox.force({ status: 503, times: 1000 });
    const again = await w.world.launch();
    const view = await again.call('data.view');
    expect(view.tasks.find((item) => item.id === task.id)?.assigneeId).toBe(samId());
    expect(view.teams.find((team) => team.wid === w.studio)?.users.length).toBe(2);
  });
});
