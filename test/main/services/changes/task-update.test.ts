import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

/** Queues a rename of "Visual design" while Toggl (the cache after a sync) got another one; sends. */
async function renamedOnBothSides(mine: string, theirs: string) {
  const visual = w.task('Visual design');
  w.queue({
    kind: 'task.update',
    id: visual.id,
    wid: w.studio,
    pid: visual.pid,
    changes: { name: mine },
    base: { name: 'Visual design' },
  });
  const cached = w.data.cache.tasks.get(visual.id);
  if (cached) w.data.cache.tasks.set(visual.id, { ...cached, name: theirs });
  await w.send();
  return visual;
}

describe('task.update', () => {
  it('applies at once and sends one PUT with only what changed', async () => {
    const visual = w.task('Visual design');
    w.queue({
      kind: 'task.update',
      id: visual.id,
      wid: w.studio,
      pid: visual.pid,
      changes: { estimatedSeconds: 7200 },
      base: { estimatedSeconds: visual.estimatedSeconds },
    });
    expect(w.task('Visual design')).toMatchObject({ estimatedSeconds: 7200, sync: 'pending' });
    await w.send();
    expect(w.task('Visual design')).toMatchObject({ estimatedSeconds: 7200, sync: 'synced' });
    expect(w.world.sandbox.state.tasks.get(visual.id)?.estimated_seconds).toBe(7200);
    expect(w.writes()).toEqual([`PUT /workspaces/${w.studio}/projects/${visual.pid}/tasks/${visual.id}`]);
  });

  it('done, then not done again before it is sent, cancels out', async () => {
    const visual = w.task('Visual design');
    const done = {
      kind: 'task.update' as const,
      id: visual.id,
      wid: w.studio,
      pid: visual.pid,
      base: { active: true },
    };
    w.queue({ ...done, changes: { active: false } });
    expect(w.queue({ ...done, changes: { active: true } })).toBe(false);
    await w.send();
    expect(w.writes()).toEqual([]);
  });

  it('a field changed on Toggl too is a conflict; "keep mine" sends mine over it', async () => {
    const visual = await renamedOnBothSides('Visual (mine)', 'Visual (theirs)');
    const [entry] = w.data.queue.entries;
    expect(entry).toMatchObject({
      state: 'conflict',
      conflicts: [{ field: 'name', mine: 'Visual (mine)', theirs: 'Visual (theirs)' }],
    });
    expect(w.task('Visual (mine)').sync).toBe('conflict');
    w.data.queue.resolve(entry?.id ?? '', 'mine');
    await w.send();
    expect(w.world.sandbox.state.tasks.get(visual.id)?.name).toBe('Visual (mine)');
    expect(w.data.queue.entries).toEqual([]);
  });

  it('"keep theirs" drops my value and sends nothing', async () => {
    await renamedOnBothSides('Mine', 'Theirs');
    w.data.queue.resolve(w.data.queue.entries[0]?.id ?? '', 'theirs');
    expect(w.data.queue.entries).toEqual([]);
    expect(w.writes()).toEqual([]);
  });
});
