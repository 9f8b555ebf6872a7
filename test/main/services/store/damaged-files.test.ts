import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_SCHEMA_VERSION } from '../../../../src/main/services/store/cache-store';
import type { DataView } from '../../../../src/shared/entities';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

const outboxFile = () => path.join(world.dataDir, 'outbox.json');
const cacheFile = () => path.join(world.dataDir, 'cache.json');
const copies = async () => (await readdir(world.dataDir)).filter((name) => /\.(damaged|corrupt)-/.test(name));
const posts = () => world.sandbox.countRequests((request) => request.method === 'POST');

/** Queues `count` new projects while Toggl is down, then stops the app. */
async function queueProjects(count: number): Promise<{ app: LaunchedApp; view: DataView }> {
  const app = await world.launch();
  await world.sandbox.setDown(true);
  const view = await app.call('data.view');
  const wid = view.workspaces.find((workspace) => workspace.name === 'Demo Studio')?.id ?? 0;
  for (let index = 1; index <= count; index++) {
    await app.call('projects.create', {
      wid,
      fields: { name: `Queued ${index}`, cid: null, color: '#0b83d9', isPrivate: false, billable: false },
    });
  }
  await app.services.data.settled();
  await app.close();
  return { app, view };
}

describe('a damaged outbox: nothing is thrown away silently', () => {
  it('cut off mid-entry: every whole entry is kept, the cut one is shown by name, and the rest goes exactly once', async () => {
    await queueProjects(20);
    const text = await readFile(outboxFile(), 'utf8');
    const cut = text.lastIndexOf('Queued 20') + 4;
    await writeFile(outboxFile(), text.slice(0, cut));

    const app = await world.launch();
    const view = await app.call('data.view');
    expect(view.outbox).toHaveLength(19);
    // Cut in the middle of its name: what was written of it says which change it was.
    expect(view.damaged).toEqual([expect.objectContaining({ summary: 'Create project “Queu…”' })]);
    expect(await copies()).toHaveLength(1);

    await world.sandbox.setDown(false);
    await app.services.data.loop.probe();
    expect(posts()).toBe(19);
    expect((await app.call('data.view')).outbox).toEqual([]);

    await app.call('outbox.discardDamaged', { id: view.damaged[0]?.id ?? '' });
    expect((await app.call('data.view')).damaged).toEqual([]);
    expect(await copies()).toEqual([]);
  });

  it('one entry it cannot read: the others are kept, that one is shown with what could be read', async () => {
    await queueProjects(3);
    const file = JSON.parse(await readFile(outboxFile(), 'utf8')) as { entries: { op: { kind: string } }[] };
    const second = file.entries[1];
    if (second) second.op.kind = 'project.teleport';
    await writeFile(outboxFile(), JSON.stringify(file));

    const app = await world.launch();
    const view = await app.call('data.view');
    expect(view.outbox.map((entry) => entry.summary)).toEqual([
      'Create project “Queued 1”',
      'Create project “Queued 3”',
    ]);
    expect(view.damaged).toEqual([
      expect.objectContaining({ summary: 'teleport project “Queued 2”', createdAt: expect.any(Number) as unknown }),
    ]);
    // Restarting again keeps the damaged record until the user discards it.
    await app.close();
    const again = await world.launch();
    expect((await again.call('data.view')).damaged).toHaveLength(1);
  });

  it('not JSON at all: the file is moved aside and the user is told, with Discard; sign-out removes the copy', async () => {
    await queueProjects(2);
    await writeFile(outboxFile(), 'this is not json');
    const app = await world.launch();
    const view = await app.call('data.view');
    expect(view.damaged).toEqual([expect.objectContaining({ summary: 'The queue of changes could not be read' })]);
    expect(await copies()).toHaveLength(1);
    await app.call('session.signOut', { discardPending: true });
    expect(await copies()).toEqual([]);
  });
});

describe('a damaged cache', () => {
  it('cut off: what is whole is shown at once, and the list is loaded again from Toggl', async () => {
    const app = await world.launch();
    const full = (await app.call('data.view')).projects.length;
    // The whole list in cache.json, not in its journal.
    app.services.data.cache.flush();
    await app.close();
    const text = await readFile(cacheFile(), 'utf8');
    await writeFile(cacheFile(), text.slice(0, text.indexOf('"tasks"') - 40));
    const before = world.sandbox.countRequests();
    const relaunched = await world.launch();
    expect(relaunched.services.data.cache.recoveredFromCorruption).toBe(true);
    expect(world.sandbox.countRequests()).toBeGreaterThan(before);
    expect((await relaunched.call('data.view')).projects).toHaveLength(full);
  });

  it('a null in every nullable field is read as it is', async () => {
    const app = await world.launch();
    app.services.data.cache.flush();
    await app.close();
    const cache = JSON.parse(await readFile(cacheFile(), 'utf8')) as Record<string, unknown[][]>;
    // Rows (store/cache-rows.ts): a project's client is its third field, a task's estimate its sixth.
    for (const project of cache.projects ?? []) project[2] = null;
    for (const task of cache.tasks ?? []) task[5] = null;
    await writeFile(cacheFile(), JSON.stringify({ ...cache, syncedAt: null, fullSyncedAt: null, sinceCursor: null }));
    await world.sandbox.setDown(true);
    const relaunched = await world.launch();
    expect(relaunched.services.data.cache.recoveredFromCorruption).toBe(false);
    const view = await relaunched.call('data.view');
    expect(view.projects.every((project) => project.cid === null && project.clientName === null)).toBe(true);
  });
});

describe('a disk that refuses writes', () => {
  it('refuses a change it cannot save, says why, loses nothing queued, and works again once the disk does', async () => {
    const app = await world.launch();
    await world.sandbox.setDown(true);
    const view = await app.call('data.view');
    const mobile = view.projects.find((project) => project.name === 'Mobile app')?.id ?? 0;
    await app.call('projects.update', { id: mobile, changes: { name: 'Saved first' } });
    await app.services.data.settled();
    // A directory where the file should be: the atomic rename fails, even as root.
    await rm(outboxFile());
    await mkdir(path.join(outboxFile(), 'in-the-way'), { recursive: true });
    await expect(app.call('projects.update', { id: mobile, changes: { color: '#d92b2b' } })).rejects.toThrow(
      /Could not save changes to disk: .+\. Nothing was changed; free some space and try again\./,
    );
    const after = await app.call('data.view');
    expect(after.outbox.map((entry) => entry.summary)).toEqual(['Rename project to “Saved first”']);
    expect((await app.call('sync.status')).diskProblem).toMatch(/^Could not save changes to disk: /);

    await rm(outboxFile(), { recursive: true });
    await app.call('projects.update', { id: mobile, changes: { color: '#d92b2b' } });
    expect((await app.call('sync.status')).diskProblem).toBeNull();
    expect(JSON.parse(await readFile(outboxFile(), 'utf8'))).toMatchObject({ entries: [{}, {}] });
  });

  it('a cache write that fails never stops the app: the list stays in memory and is written when it can be', async () => {
    const app = await world.launch();
    const journal = path.join(world.dataDir, 'cache.journal');
    await rm(cacheFile());
    await rm(journal, { force: true });
    for (const file of [cacheFile(), journal]) await mkdir(path.join(file, 'in-the-way'), { recursive: true });
    await app.call('sync.refresh');
    expect((await app.call('sync.status')).diskProblem).toMatch(/^Could not save changes to disk: /);
    expect((await app.call('data.view')).projects.length).toBeGreaterThan(0);
    for (const file of [cacheFile(), journal]) await rm(file, { recursive: true });
    app.services.data.cache.flush();
    expect((await app.call('sync.status')).diskProblem).toBeNull();
    expect(JSON.parse(await readFile(cacheFile(), 'utf8'))).toMatchObject({ schemaVersion: CACHE_SCHEMA_VERSION });
  });
});
