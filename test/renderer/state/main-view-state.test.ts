import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataCommands } from '../../../src/renderer/src/lib/data-commands.svelte';
import { DataState } from '../../../src/renderer/src/lib/data-state.svelte';
import { MainViewState } from '../../../src/renderer/src/lib/main-view-state.svelte';
import { inProcessApi } from '../../support/in-process-api';
import { listedItems } from '../../support/listed-items';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
let list: DataState;
let ui: MainViewState;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  const api = inProcessApi(app);
  list = new DataState(api);
  ui = new MainViewState(list, new DataCommands(api, list));
  await list.load();
  list.listen();
  await world.sandbox.setDown(true);
});
afterEach(() => world.cleanup());

const row = (name: string) => {
  const found = [...list.rows].find((item) => item.kind === 'project' && item.project.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

describe('MainViewState (dialogs and Undo) against the real services', () => {
  it('archives with Undo on offer; Undo before anything went out leaves nothing queued', async () => {
    list.selectedKey = row('Internal tools').key;
    ui.toggleActive();
    await app.services.data.settled();
    expect(ui.undo?.message).toBe('Archived “Internal tools”.');
    expect((await app.call('data.view')).outbox).toHaveLength(1);
    ui.takeUndo();
    await app.services.data.settled();
    expect(ui.undo).toBeNull();
    expect((await app.call('data.view')).outbox).toEqual([]);
  });

  it('a refused save keeps the dialog open with the reason; a good one closes it', async () => {
    const hiring = row('Hiring');
    ui.edit(hiring);
    expect(ui.form?.kind).toBe('project');
    const id = hiring.kind === 'project' ? hiring.project.id : 0;
    await ui.saveProject({ update: { id, changes: { name: 'Internal tools' } } });
    expect(ui.formError).toBe('A project named “Internal tools” already exists in this workspace.');
    expect(ui.form).not.toBeNull();
    await ui.saveProject({ update: { id, changes: { name: 'Hiring 2' } } });
    expect(ui.form).toBeNull();
    expect(ui.formError).toBeNull();
  });

  it('deletes after confirming, and marks several tasks done in one go', async () => {
    const hiring = row('Hiring');
    const items = listedItems(list);
    const next = items[items.findIndex((item) => item.key === hiring.key) + 1];
    list.selectedKey = hiring.key;
    ui.open({ kind: 'delete', row: hiring });
    await ui.confirmDelete(hiring);
    expect(ui.form).toBeNull();
    // The deleted row does not keep the selection: the next one has it.
    expect(next).toBeDefined();
    expect(list.selectedKey).toBe(next?.key);
    const view = await app.call('data.view');
    expect(view.outbox.map((entry) => entry.summary)).toEqual(['Delete project “Hiring”']);
    const website = view.projects.find((project) => project.name === 'Website redesign')?.id ?? 0;
    list.toggle(website, true);
    const tasks = [...list.rows].filter((item) => item.kind === 'task' && item.task.active);
    await ui.setActive(tasks, false);
    expect(ui.undo?.message).toBe(`Marked ${tasks.length} tasks done.`);
  });
});
