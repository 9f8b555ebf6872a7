import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

function rename(id: number, name: string, base: string) {
  return { kind: 'project.update' as const, id, wid: w.studio, changes: { name }, base: { name: base } };
}

describe('project.update', () => {
  it('applies at once, sends one PUT with only the changed field, and takes Toggl’s answer into the cache', async () => {
    const mobile = w.project('Mobile app');
    w.queue({
      kind: 'project.update',
      id: mobile.id,
      wid: w.studio,
      changes: { color: '#d92b2b' },
      base: { color: mobile.color },
    });
    expect(w.project('Mobile app')).toMatchObject({ color: '#d92b2b', sync: 'pending' });
    await w.send();
    expect(w.project('Mobile app')).toMatchObject({ color: '#d92b2b', sync: 'synced' });
    expect(w.world.sandbox.state.projects.get(mobile.id)?.color).toBe('#d92b2b');
    expect(w.writes()).toEqual([`PUT /workspaces/${w.studio}/projects/${mobile.id}`]);
  });

  it('ten renames before the first is sent make one request, and no conflict', async () => {
    const { id } = w.project('Mobile app');
    for (let index = 1; index <= 10; index++) w.queue(rename(id, `Mobile app ${index}`, 'Mobile app'));
    expect(w.data.queue.entries).toHaveLength(1);
    await w.send();
    expect(w.world.sandbox.state.projects.get(id)?.name).toBe('Mobile app 10');
    expect(w.writes()).toHaveLength(1);
    expect(w.data.queue.entries).toEqual([]);
  });

  it('a rename queued while the first is on the wire is based on it, not a conflict with it', async () => {
    const { id } = w.project('Mobile app');
    w.queue(rename(id, 'First', 'Mobile app'));
    const sending = w.send();
    // The first is on the wire now: the second cannot fold into it.
    w.queue(rename(id, 'Second', 'Mobile app'));
    expect(w.data.queue.entries).toHaveLength(2);
    await sending;
    await w.send();
    expect(w.data.queue.entries).toEqual([]);
    expect(w.world.sandbox.state.projects.get(id)?.name).toBe('Second');
  });

  it('edits of other fields stay separate changes; putting a value back cancels its change', () => {
    const internal = w.project('Internal tools');
    w.queue({
      kind: 'project.update',
      id: internal.id,
      wid: w.studio,
      changes: { name: 'Tools' },
      base: { name: 'Internal tools' },
    });
    w.queue({
      kind: 'project.update',
      id: internal.id,
      wid: w.studio,
      changes: { active: false },
      base: { active: true },
    });
    expect(w.data.queue.entries).toHaveLength(2);
    expect(
      w.queue({
        kind: 'project.update',
        id: internal.id,
        wid: w.studio,
        changes: { active: true },
        base: { active: true },
      }),
    ).toBe(false);
    expect(w.data.queue.entries.map((entry) => entry.op)).toEqual([
      expect.objectContaining({ changes: { name: 'Tools' } }),
    ]);
  });

  it('an edit of a project deleted on Toggl fails with the reason', async () => {
    const { id } = w.project('Internal tools');
    w.data.cache.projects.delete(id);
    w.queue(rename(id, 'Gone', 'Internal tools'));
    await w.send();
    expect(w.data.queue.entries[0]).toMatchObject({
      state: 'failed',
      error: 'It was deleted on Toggl, so this change cannot be applied.',
    });
    expect(w.writes()).toEqual([]);
  });
});
