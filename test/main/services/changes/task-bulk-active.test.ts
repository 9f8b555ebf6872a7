import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

describe('task.bulkActive', () => {
  it('marks several tasks of a project done with one JSON-patch request', async () => {
    const tasks = [w.task('Visual design'), w.task('Accessibility review')];
    const ids = tasks.map((task) => task.id);
    const pid = tasks[0]?.pid ?? 0;
    w.queue({ kind: 'task.bulkActive', wid: w.studio, pid, ids, active: false });
    expect(w.task('Visual design')).toMatchObject({ active: false, sync: 'pending' });
    await w.send();
    for (const id of ids) expect(w.world.sandbox.state.tasks.get(id)?.active).toBe(false);
    expect(w.task('Accessibility review')).toMatchObject({ active: false, sync: 'synced' });
    expect(w.writes()).toEqual([`PATCH /workspaces/${w.studio}/projects/${pid}/tasks/${ids.join(',')}`]);
  });

  it('undone before it is sent, it cancels out', () => {
    const tasks = [w.task('Visual design'), w.task('Accessibility review')];
    const op = {
      kind: 'task.bulkActive' as const,
      wid: w.studio,
      pid: tasks[0]?.pid ?? 0,
      ids: tasks.map((task) => task.id),
    };
    w.queue({ ...op, active: false });
    expect(w.queue({ ...op, active: true })).toBe(false);
    expect(w.data.queue.entries).toEqual([]);
  });
});
