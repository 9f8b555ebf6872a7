// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../src/preload/api';
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
let timer: TimerState;
let quick: QuickAddState;
let search: HTMLInputElement;
let stopListening: () => void;
let onkeydown: ((event: KeyboardEvent) => void) | undefined;

/** The popover's state over `calls` (the real services unless a test stands in for one). */
function mount(calls: Api): void {
  list = new DataState(calls);
  const commands = new DataCommands(calls, list);
  const ui = new MainViewState(list, commands);
  timer = new TimerState(calls, list);
  quick = new QuickAddState(list, commands, timer);
  ui.searchInput = search;
  if (onkeydown) window.removeEventListener('keydown', onkeydown);
  onkeydown = listKeydown({
    list,
    ui,
    newProject: () => undefined,
    newTask: () => undefined,
    toggleTimer: () => void timer.toggleSelected(),
    quickAdd: quick,
  });
  window.addEventListener('keydown', onkeydown);
}

beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  api = inProcessApi(app);
  search = document.createElement('input');
  document.body.append(search);
  mount(api);
  await list.load();
  stopListening = list.listen();
});
afterEach(async () => {
  stopListening();
  if (onkeydown) window.removeEventListener('keydown', onkeydown);
  onkeydown = undefined;
  document.body.replaceChildren();
  await world.cleanup();
});

/** A command sent, and the list's change back in the window. */
async function shown(): Promise<void> {
  await api.idle();
  await app.services.data.settled();
  await api.idle();
  await new Promise((resolve) => setImmediate(resolve));
}

/** Types `text` into the search box as the box would: its value, its caret, the list's query. */
function type(text: string): void {
  search.value = text;
  search.setSelectionRange(text.length, text.length);
  list.query = text;
  quick.caret = text.length;
}

function press(key: string, options: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...options });
  search.dispatchEvent(event);
  return event;
}

const fromToggl = () => app.call('data.view');

describe('quick add in the search box, against the real services', () => {
  it('previews as it is typed and searches nothing: the list keeps what it showed', () => {
    type('mobile');
    const searched = listedItems(list).map((row) => row.key);
    expect(searched.length).toBeLessThan(8);
    type('+mobile');
    expect(list.searched).toBe('mobile');
    expect(listedItems(list).map((row) => row.key)).toEqual(searched);
    type('+Fix login bug @webiste redesgn ~2h');
    expect(quick.text).toBe('New task “Fix login bug” in Website redesign · est. 2 h');
    expect(quick.ready).toBe(true);
    type('');
    expect(quick.text).toBe('');
    expect(list.matches).toBeUndefined();
  });

  it('Enter makes the task with its estimate, selects it in its opened project, and clears the box', async () => {
    type('+Fix login bug @webiste redesgn ~2h');
    expect(press('Enter').defaultPrevented).toBe(true);
    await shown();
    expect(list.query).toBe('');
    expect(quick.text).toBe('');
    const task = (await fromToggl()).tasks.find((item) => item.name === 'Fix login bug');
    expect(task?.estimatedSeconds).toBe(7200);
    const website = list.view?.projects.find((project) => project.name === 'Website redesign');
    expect(task?.pid).toBe(website?.id);
    expect(list.selectedKey).toBe(`t:${task?.id}`);
    expect(list.selected?.kind).toBe('task');
  });

  it('Shift+Enter makes a project for the client the words name, and starts a timer on it', async () => {
    type('+Onboarding flow @acme');
    expect(quick.text).toBe('New project “Onboarding flow” for Acme Corp');
    press('Enter', { shiftKey: true });
    await shown();
    const view = await fromToggl();
    const made = view.projects.find((project) => project.name === 'Onboarding flow');
    expect(made?.clientName).toBe('Acme Corp');
    expect(list.selectedKey).toBe(`p:${made?.id}`);
    expect(timer.error).toBeNull();
    expect(timer.running?.project?.name).toBe('Onboarding flow');
    expect(view.entries.find((entry) => entry.stop === null)?.pid).toBe(made?.id);
  });

  it('where Enter would do nothing it does nothing: a Free workspace’s project takes no task', async () => {
    type('+Plant beds @garden');
    expect(quick.text).toBe('Tasks need a paid plan in “Side projects”.');
    expect(quick.ready).toBe(false);
    press('Enter');
    await shown();
    expect(list.query).toBe('+Plant beds @garden');
    expect((await fromToggl()).outbox).toEqual([]);
  });

  it('Tab takes the completion while the caret is in the @ part; elsewhere, or with none, it moves focus', () => {
    type('+Fix @webs ~2h');
    // The caret in the estimate: no completion there.
    search.setSelectionRange(13, 13);
    expect(press('Tab').defaultPrevented).toBe(false);
    search.setSelectionRange(9, 9);
    quick.caret = 9;
    expect(quick.completion?.text).toBe('Website redesign');
    expect(press('Tab').defaultPrevented).toBe(true);
    expect(list.query).toBe('+Fix @Website redesign ~2h');
    expect(search.value).toBe('+Fix @Website redesign ~2h');
    expect(search.selectionStart).toBe(22);
    // Nothing left to complete.
    expect(press('Tab').defaultPrevented).toBe(false);
    expect(press('Tab', { shiftKey: true }).defaultPrevented).toBe(false);
  });

  it('Ctrl+Enter stays the timer’s; Escape clears the box', async () => {
    const internal = listedItems(list).find((row) => row.kind === 'project' && row.project.name === 'Internal tools');
    list.selectedKey = internal?.key ?? null;
    type('+Spec @website');
    press('Enter', { ctrlKey: true });
    await shown();
    expect(timer.running?.project?.name).toBe('Internal tools');
    expect((await fromToggl()).tasks.some((task) => task.name === 'Spec')).toBe(false);
    press('Escape');
    expect(list.query).toBe('');
  });

  it('a new project without @ goes where the New project button puts it: the default workspace, not the selected row’s', async () => {
    const garden = listedItems(list).find((row) => row.kind === 'project' && row.project.name === 'Garden planner');
    list.selectedKey = garden?.key ?? null;
    type('+Bird feeder');
    expect(quick.text).toBe('New project “Bird feeder” in Demo Studio');
    const consulting = list.view?.workspaces.find((workspace) => workspace.name === 'Dana Consulting')?.id ?? 0;
    await api.invoke('me.setDefaultWorkspace', { wid: consulting });
    await shown();
    expect(quick.text).toBe('New project “Bird feeder” in Dana Consulting');
    press('Enter');
    await shown();
    expect((await fromToggl()).projects.find((project) => project.name === 'Bird feeder')?.wid).toBe(consulting);
  });

  it('offline it queues like the forms; a timer on the new task waits for it', async () => {
    await world.sandbox.setDown(true);
    type('+Offline task @mobile app ~90m');
    press('Enter', { shiftKey: true });
    await shown();
    const view = await fromToggl();
    const task = view.tasks.find((item) => item.name === 'Offline task');
    expect(task?.id).toBeLessThan(0);
    expect(task?.estimatedSeconds).toBe(5400);
    expect(view.entries.find((entry) => entry.stop === null)?.tid).toBe(task?.id);
    expect(view.outbox.map((entry) => entry.summary)).toEqual([
      expect.stringContaining('Offline task'),
      expect.any(String),
    ]);
  });

  it('a refusal stays in the preview, with the text, until the line changes', async () => {
    mount({
      ...api,
      invoke: (channel, request) =>
        channel === 'tasks.create'
          ? Promise.resolve({ ok: false, error: { code: 'refused', message: 'Could not save changes to disk: full.' } })
          : api.invoke(channel, request),
    });
    await list.load();
    type('+Fix @website');
    press('Enter');
    await shown();
    expect(quick.text).toBe('Could not save changes to disk: full.');
    expect(quick.ready).toBe(false);
    expect(list.query).toBe('+Fix @website');
    type('+Fix @website ');
    expect(quick.text).toBe('New task “Fix” in Website redesign');
  });
});
