// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataCommands } from '../../../src/renderer/src/lib/data-commands.svelte';
import { DataState } from '../../../src/renderer/src/lib/data-state.svelte';
import { listKeydown } from '../../../src/renderer/src/lib/keyboard';
import { MainViewState } from '../../../src/renderer/src/lib/main-view-state.svelte';
import { QuickAddState } from '../../../src/renderer/src/lib/quick-add.svelte';
import { TimerState } from '../../../src/renderer/src/lib/timer-state.svelte';
import { inProcessApi, type InProcessApi } from '../../support/in-process-api';
import { listedItems } from '../../support/listed-items';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
let api: InProcessApi;
let list: DataState;
let ui: MainViewState;
let timer: TimerState;
let search: HTMLInputElement;
let tree: HTMLDivElement;
const opened: string[] = [];

beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  api = inProcessApi(app);
  list = new DataState(api);
  const commands = new DataCommands(api, list);
  ui = new MainViewState(list, commands);
  await list.load();
  search = document.createElement('input');
  tree = document.createElement('div');
  tree.tabIndex = 0;
  document.body.append(search, tree);
  ui.searchInput = search;
  ui.tree = tree;
  opened.length = 0;
  timer = new TimerState(api, list);
  const onkeydown = listKeydown({
    list,
    ui,
    newProject: () => opened.push('project'),
    newTask: () => opened.push('task'),
    toggleTimer: () => void timer.toggleSelected(),
    quickAdd: new QuickAddState(list, commands, timer),
  });
  window.addEventListener('keydown', onkeydown);
});
afterEach(async () => {
  document.body.replaceChildren();
  await world.cleanup();
});

/** The page's calls answered, and what the page does with the answers done. */
async function answered(): Promise<void> {
  await api.idle();
  await new Promise((resolve) => setImmediate(resolve));
}

/** A command sent, and the list's change back in the window. */
async function shown(): Promise<void> {
  await answered();
  await app.services.data.settled();
  await answered();
}

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

  it('↓ from the search box selects the first row, in a search its best hit; Escape clears the search, then the picks', () => {
    press('ArrowDown', {}, search);
    expect(list.selectedKey).toBe(listedItems(list)[0]?.key);
    press('ArrowDown', {}, search);
    expect(list.selectedKey).toBe(listedItems(list)[1]?.key);
    // A search starts at its best hit, wherever the selection was.
    list.query = 'mobile';
    expect(listedItems(list).length).toBeGreaterThan(1);
    list.selectedKey = listedItems(list).at(-1)?.key ?? null;
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

  it('Ctrl+Enter starts a timer on the selected row and, pressed again, stops it; plain Enter does not', async () => {
    const stopListening = list.listen();
    const internal = listedItems(list).find((row) => row.kind === 'project' && row.project.name === 'Internal tools');
    list.selectedKey = internal?.key ?? null;
    press('Enter', {}, search);
    await answered();
    expect(timer.running).toBeNull();
    expect(press('Enter', { ctrlKey: true }, search).defaultPrevented).toBe(true);
    await shown();
    expect(timer.error).toBeNull();
    expect(timer.running?.project?.name).toBe('Internal tools');
    expect(internal && timer.runsOn(internal)).toBe(true);
    press('Enter', { metaKey: true }, tree);
    await shown();
    expect(timer.running).toBeNull();
    stopListening();
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

  it('Ctrl+E: the row archived out of sight hands the selection to the next one, and focus to the list', async () => {
    const at = listedItems(list).findIndex((row) => row.kind === 'project' && row.project.name === 'Hiring');
    const next = listedItems(list)[at + 1];
    list.selectedKey = listedItems(list)[at]?.key ?? null;
    search.focus();
    // From the search box focus stays there, where the user is typing.
    press('e', { ctrlKey: true }, search);
    await answered();
    expect(list.selectedKey).toBe(next?.key);
    expect(document.activeElement).toBe(search);
    // From the list (or a row's button, which may go with its row) focus is on the list.
    const after = listedItems(list).findIndex((row) => row.key === next?.key) + 1;
    tree.focus();
    press('e', { ctrlKey: true }, tree);
    await answered();
    expect(list.selectedKey).toBe(listedItems(list)[after]?.key);
    expect(document.activeElement).toBe(tree);
  });

  it('Ctrl+E on the only row listed: nothing is left to select, and focus goes to the search box', async () => {
    list.workspaceId = list.view?.workspaces.find((workspace) => workspace.name === 'Dana Consulting')?.id ?? 0;
    expect(listedItems(list).map((row) => row.key)).toHaveLength(1);
    list.selectedKey = listedItems(list)[0]?.key ?? null;
    tree.focus();
    press('e', { ctrlKey: true }, tree);
    await answered();
    expect(list.selectedKey).toBeNull();
    expect(document.activeElement).toBe(search);
  });
});
