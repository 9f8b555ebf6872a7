// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataCommands } from '../../../src/renderer/src/lib/data-commands.svelte';
import { DataState } from '../../../src/renderer/src/lib/data-state.svelte';
import { listKeydown } from '../../../src/renderer/src/lib/keyboard';
import { MainViewState } from '../../../src/renderer/src/lib/main-view-state.svelte';
import { inProcessApi } from '../../support/in-process-api';
import { listedItems } from '../../support/listed-items';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
let list: DataState;
let ui: MainViewState;
let search: HTMLInputElement;
let tree: HTMLDivElement;
const opened: string[] = [];

beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  const api = inProcessApi(app);
  list = new DataState(api);
  ui = new MainViewState(list, new DataCommands(api, list));
  await list.load();
  search = document.createElement('input');
  tree = document.createElement('div');
  tree.tabIndex = 0;
  document.body.append(search, tree);
  ui.searchInput = search;
  ui.tree = tree;
  opened.length = 0;
  const onkeydown = listKeydown({
    list,
    ui,
    newProject: () => opened.push('project'),
    newTask: () => opened.push('task'),
  });
  window.addEventListener('keydown', onkeydown);
});
afterEach(async () => {
  document.body.replaceChildren();
  await world.cleanup();
});

function press(key: string, options: KeyboardEventInit = {}, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...options });
  target.dispatchEvent(event);
  return event;
}

describe('the main view’s keyboard map', () => {
  it('Ctrl+N and Ctrl+T open the forms; typing goes to the search box; "/" focuses it', () => {
    expect(press('n', { ctrlKey: true }).defaultPrevented).toBe(true);
    press('t', { metaKey: true });
    expect(opened).toEqual(['project', 'task']);
    tree.focus();
    press('w', {}, tree);
    expect(document.activeElement).toBe(search);
    tree.focus();
    expect(press('/', {}, tree).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(search);
  });

  it('↓ from the search box selects the first row; Escape clears the search, then the picks', () => {
    list.query = 'mobile';
    press('ArrowDown', {}, search);
    expect(document.activeElement).toBe(tree);
    expect(list.selectedKey).toBe(listedItems(list)[0]?.key);
    press('Escape', {}, search);
    expect(list.query).toBe('');
    list.picked.add('p:1');
    press('Escape', {}, tree);
    expect(list.picked.size).toBe(0);
    expect(press('ArrowLeft', {}, tree).defaultPrevented).toBe(false);
  });

  it('Ctrl+E archives the selected project; nothing happens while a dialog is open', async () => {
    const internal = listedItems(list).find((row) => row.kind === 'project' && row.project.name === 'Internal tools');
    list.selectedKey = internal?.key ?? null;
    ui.open({ kind: 'project' });
    press('e', { ctrlKey: true }, tree);
    expect(ui.undo).toBeNull();
    ui.close();
    press('e', { ctrlKey: true }, tree);
    await app.services.data.settled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ui.undo?.message).toBe('Archived “Internal tools”.');
  });
});
