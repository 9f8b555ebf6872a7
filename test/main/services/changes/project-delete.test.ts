import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
});
afterEach(() => w.cleanup());

describe('project.delete', () => {
  it('removes the project and its tasks at once, sends one DELETE, and drops them from the cache', async () => {
    const website = w.project('Website redesign');
    w.queue({ kind: 'project.delete', id: website.id, wid: w.studio });
    expect(w.view().projects.some((project) => project.id === website.id)).toBe(false);
    expect(w.view().tasks.some((task) => task.pid === website.id)).toBe(false);
    await w.send();
    expect(w.data.cache.projects.has(website.id)).toBe(false);
    expect([...w.data.cache.tasks.values()].some((task) => task.pid === website.id)).toBe(false);
    expect(w.world.sandbox.state.projects.get(website.id)?.server_deleted_at).toBeTruthy();
    expect(w.writes()).toEqual([`DELETE /workspaces/${w.studio}/projects/${website.id}`]);
  });

  it('an edit followed by a delete is a delete', async () => {
    const { id } = w.project('Internal tools');
    w.queue({
      kind: 'project.update',
      id,
      wid: w.studio,
      changes: { name: 'Tools' },
      base: { name: 'Internal tools' },
    });
    w.queue({ kind: 'project.delete', id, wid: w.studio });
    expect(w.data.queue.entries.map((entry) => entry.op.kind)).toEqual(['project.delete']);
    await w.send();
    expect(w.writes()).toEqual([`DELETE /workspaces/${w.studio}/projects/${id}`]);
  });

  it('deleting what Toggl already deleted counts as done', async () => {
    const { id } = w.project('Internal tools');
    const onServer = w.world.sandbox.state.projects.get(id);
    if (onServer) onServer.server_deleted_at = new Date().toISOString();
    w.queue({ kind: 'project.delete', id, wid: w.studio });
    await w.send();
    expect(w.data.queue.entries).toEqual([]);
    expect(w.data.cache.projects.has(id)).toBe(false);
  });
});
