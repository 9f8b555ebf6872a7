import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

describe('task.create', () => {
  it('applies at once under a temporary id, sends one POST with the estimate, and folds Toggl’s id back', async () => {
    const mobile = w.project('Mobile app');
    const tempId = w.data.queue.takeTempId();
    w.queue({
      kind: 'task.create',
      tempId,
      wid: w.studio,
      pid: mobile.id,
      fields: { name: 'Release notes', estimatedSeconds: 1800 },
    });
    expect(w.task('Release notes')).toMatchObject({ id: tempId, pid: mobile.id, trackedMs: 0, sync: 'pending' });
    await w.send();
    const created = w.task('Release notes');
    expect(created).toMatchObject({ estimatedSeconds: 1800, sync: 'synced' });
    expect(created.id).toBeGreaterThan(0);
    expect(w.world.sandbox.state.tasks.get(created.id)).toMatchObject({
      name: 'Release notes',
      estimated_seconds: 1800,
    });
    expect(w.writes()).toEqual([`POST /workspaces/${w.studio}/projects/${mobile.id}/tasks`]);
  });

  it('a rename before it is sent goes into the create; marking it done stays apart', () => {
    const mobile = w.project('Mobile app');
    const tempId = w.data.queue.takeTempId();
    w.queue({
      kind: 'task.create',
      tempId,
      wid: w.studio,
      pid: mobile.id,
      fields: { name: 'Draft', estimatedSeconds: null },
    });
    w.queue({
      kind: 'task.update',
      id: tempId,
      wid: w.studio,
      pid: mobile.id,
      changes: { name: 'Final', active: false },
      base: {},
    });
    expect(w.data.queue.entries.map((entry) => entry.op)).toEqual([
      expect.objectContaining({ kind: 'task.create', fields: { name: 'Final', estimatedSeconds: null } }),
      expect.objectContaining({ kind: 'task.update', changes: { active: false }, base: { active: true } }),
    ]);
  });

  it('deleting it before it is sent sends nothing', async () => {
    const mobile = w.project('Mobile app');
    const tempId = w.data.queue.takeTempId();
    w.queue({
      kind: 'task.create',
      tempId,
      wid: w.studio,
      pid: mobile.id,
      fields: { name: 'Oops', estimatedSeconds: null },
    });
    expect(w.queue({ kind: 'task.delete', id: tempId, wid: w.studio, pid: mobile.id })).toBe(false);
    await w.send();
    expect(w.writes()).toEqual([]);
  });
});
