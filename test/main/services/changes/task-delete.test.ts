import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

describe('task.delete', () => {
  it('removes the task at once, sends one DELETE, and drops it from the cache', async () => {
    const task = w.task('Push notifications');
    w.queue({ kind: 'task.delete', id: task.id, wid: w.studio, pid: task.pid });
    expect(w.view().tasks.some((item) => item.id === task.id)).toBe(false);
    await w.send();
    expect(w.data.cache.tasks.has(task.id)).toBe(false);
    expect(w.writes()).toEqual([`DELETE /workspaces/${w.studio}/projects/${task.pid}/tasks/${task.id}`]);
  });

  it('an edit followed by a delete is a delete', async () => {
    const task = w.task('Push notifications');
    const at = { id: task.id, wid: w.studio, pid: task.pid };
    w.queue({ kind: 'task.update', ...at, changes: { name: 'Push' }, base: { name: task.name } });
    w.queue({ kind: 'task.delete', ...at });
    expect(w.data.queue.entries.map((entry) => entry.op.kind)).toEqual(['task.delete']);
    await w.send();
    expect(w.writes()).toEqual([`DELETE /workspaces/${w.studio}/projects/${task.pid}/tasks/${task.id}`]);
  });
});
