import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

describe('project.bulkActive', () => {
  it('archives several projects at once with one JSON-patch request', async () => {
    const ids = [w.project('Internal tools').id, w.project('Hiring').id];
    w.queue({ kind: 'project.bulkActive', wid: w.studio, ids, active: false });
    expect(ids.map((id) => w.view().projects.find((project) => project.id === id))).toEqual([
      expect.objectContaining({ active: false, sync: 'pending' }),
      expect.objectContaining({ active: false, sync: 'pending' }),
    ]);
    await w.send();
    for (const id of ids) {
      expect(w.world.sandbox.state.projects.get(id)?.active).toBe(false);
      expect(w.data.cache.projects.get(id)?.active).toBe(false);
    }
    expect(w.writes()).toEqual([`PATCH /workspaces/${w.studio}/projects/${ids.join(',')}`]);
  });

  it('restoring the same projects before it is sent cancels it; the same archive twice is one', () => {
    const ids = [w.project('Internal tools').id, w.project('Hiring').id];
    w.queue({ kind: 'project.bulkActive', wid: w.studio, ids, active: false });
    expect(w.queue({ kind: 'project.bulkActive', wid: w.studio, ids: [...ids].reverse(), active: false })).toBe(true);
    expect(w.data.queue.entries).toHaveLength(1);
    expect(w.queue({ kind: 'project.bulkActive', wid: w.studio, ids, active: true })).toBe(false);
    expect(w.data.queue.entries).toEqual([]);
  });

  it('projects Toggl refuses stay queued as failed, with its reason; the others are done', async () => {
    const internal = w.project('Internal tools').id;
    const ids = [internal, 999_999];
    w.queue({ kind: 'project.bulkActive', wid: w.studio, ids, active: false });
    await w.send();
    expect(w.data.queue.entries).toEqual([
      expect.objectContaining({ state: 'failed', op: expect.objectContaining({ ids: [999_999] }) as unknown }),
    ]);
    expect(w.data.queue.entries[0]?.error).toMatch(/^Toggl refused 1 of the projects: /);
    expect(w.data.cache.projects.get(internal)?.active).toBe(false);
  });
});
