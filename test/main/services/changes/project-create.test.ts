import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

const fields = { name: 'Launch plan', cid: null, color: '#2da608', isPrivate: false, billable: false };

describe('project.create', () => {
  it('applies at once under a temporary id, sends one POST, and folds Toggl’s id back', async () => {
    const tempId = w.data.queue.takeTempId();
    w.queue({ kind: 'project.create', tempId, wid: w.studio, fields });
    expect(w.project('Launch plan')).toMatchObject({ id: tempId, active: true, sync: 'pending', color: '#2da608' });

    expect(await w.send()).toEqual({ sent: 1, stoppedBy: null, resumeAt: null });
    const created = w.project('Launch plan');
    expect(created.id).toBeGreaterThan(0);
    expect(created.sync).toBe('synced');
    expect(w.data.cache.projects.get(created.id)).toMatchObject({ name: 'Launch plan', wid: w.studio });
    expect(w.view().newIds).toEqual([[tempId, created.id]]);
    expect(w.writes()).toEqual([`POST /workspaces/${w.studio}/projects`]);
  });

  it('a task queued inside it waits for its id, then goes with the real one', async () => {
    const tempId = w.data.queue.takeTempId();
    const taskId = w.data.queue.takeTempId();
    w.queue({ kind: 'project.create', tempId, wid: w.studio, fields });
    w.queue({
      kind: 'task.create',
      tempId: taskId,
      wid: w.studio,
      pid: tempId,
      fields: { name: 'Kick-off', estimatedSeconds: null },
    });
    await w.send();
    const project = w.project('Launch plan');
    expect(w.task('Kick-off')).toMatchObject({ pid: project.id, sync: 'synced' });
    expect(w.writes()).toEqual([
      `POST /workspaces/${w.studio}/projects`,
      `POST /workspaces/${w.studio}/projects/${project.id}/tasks`,
    ]);
  });

  it('edits before it is sent fold into it; archiving stays a change of its own', () => {
    const tempId = w.data.queue.takeTempId();
    w.queue({ kind: 'project.create', tempId, wid: w.studio, fields });
    w.queue({
      kind: 'project.update',
      id: tempId,
      wid: w.studio,
      changes: { name: 'Launch plan v2', active: false },
      base: {},
    });
    expect(w.data.queue.entries.map((entry) => entry.op)).toEqual([
      { kind: 'project.create', tempId, wid: w.studio, fields: { ...fields, name: 'Launch plan v2' } },
      { kind: 'project.update', id: tempId, wid: w.studio, changes: { active: false }, base: { active: true } },
    ]);
    // Restoring it again cancels the archive: only the create is left.
    expect(w.queue({ kind: 'project.update', id: tempId, wid: w.studio, changes: { active: true }, base: {} })).toBe(
      false,
    );
    expect(w.data.queue.entries).toHaveLength(1);
  });

  it('deleting it before it is sent drops it and what waits for it: nothing is sent', async () => {
    const tempId = w.data.queue.takeTempId();
    w.queue({ kind: 'project.create', tempId, wid: w.studio, fields });
    w.queue({
      kind: 'task.create',
      tempId: w.data.queue.takeTempId(),
      wid: w.studio,
      pid: tempId,
      fields: { name: 'Kick-off', estimatedSeconds: null },
    });
    expect(w.queue({ kind: 'project.delete', id: tempId, wid: w.studio })).toBe(false);
    expect(w.data.queue.entries).toEqual([]);
    await w.send();
    expect(w.writes()).toEqual([]);
  });

  it('after a POST whose answer was lost, it looks on Toggl before sending again', async () => {
    const tempId = w.data.queue.takeTempId();
    w.queue({ kind: 'project.create', tempId, wid: w.studio, fields });
    w.world.sandbox.dropNext({ times: 1, mode: 'after', method: 'POST' });
    expect((await w.send()).stoppedBy).toBe('transient');
    expect(w.data.queue.entries[0]).toMatchObject({ uncertain: true, attempts: 1 });
    await w.data.replayer.replay({ ignoreBackoff: true });
    const onServer = [...w.world.sandbox.state.projects.values()].filter((project) => project.name === 'Launch plan');
    expect(onServer).toHaveLength(1);
    expect(w.project('Launch plan').id).toBe(onServer[0]?.id);
    expect(w.writes()).toEqual([`POST /workspaces/${w.studio}/projects`]);
  });
});
