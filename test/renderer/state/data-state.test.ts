import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import type { DataView } from '../../../src/shared/entities';
import { DataCommands } from '../../../src/renderer/src/lib/data-commands.svelte';
import { DataState } from '../../../src/renderer/src/lib/data-state.svelte';
import { inProcessApi } from '../../support/in-process-api';
import { listedItems } from '../../support/listed-items';
import { shownKeys, warmUpKeys } from '../../../src/renderer/src/lib/list/warm-up';
import type { ListRehearsal } from '../../../src/renderer/src/lib/rehearsal-list.svelte';
import { keptObjects } from '../../../src/shared/keep-shape';
import { isQuickAdd } from '../../../src/shared/quick-add/parse';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
});
afterEach(() => world.cleanup());

/** Idle stretches as the browser hands them to an idle callback: a whole one, and one between the frames of a scroll. */
const quiet: IdleDeadline = { didTimeout: false, timeRemaining: () => 50 };
const busy: IdleDeadline = { didTimeout: false, timeRemaining: () => 4 };

/** The browser's idle callbacks, queued for the test to run: `runIdle` runs them, each in a whole idle stretch, and counts them. */
function stubIdleCallbacks(): { idle: ((deadline: IdleDeadline) => void)[]; runIdle: () => number } {
  const idle: ((deadline: IdleDeadline) => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (callback: (deadline: IdleDeadline) => void) => idle.push(callback));
  const runIdle = (): number => {
    let ran = 0;
    for (let callback = idle.shift(); callback; callback = idle.shift(), ran++) callback(quiet);
    return ran;
  };
  return { idle, runIdle };
}

const labels = (state: DataState) =>
  listedItems(state).map((row) => (row.kind === 'project' ? row.project.name : row.task.name));

describe('DataState (the popover list) against the real services', () => {
  it('loads the list, searches as the user types, and moves the selection', async () => {
    const state = new DataState(inProcessApi(app));
    await state.load();
    expect(state.status?.online).toBe(true);
    expect(labels(state)).toContain('Mobile app');
    for (const typed of ['w', 'wi', 'wir', 'wire', 'wiref', 'wiref']) {
      state.query = typed;
      flushSync();
    }
    state.showDone = true;
    expect(labels(state)).toContain('Wireframes');
    state.query = '';
    state.move(1);
    expect(state.selectedKey).toBe(listedItems(state)[0]?.key);
    state.move(-5);
    expect(state.selectedKey).toBe(listedItems(state)[0]?.key);
  });

  it('follows an item created offline to its real id, and shows refusals', async () => {
    const api = inProcessApi(app);
    const state = new DataState(api);
    const commands = new DataCommands(api, state);
    await state.load();
    const off = state.listen();
    const studio = state.view?.workspaces.find((workspace) => workspace.name === 'Demo Studio')?.id ?? 0;
    const fields = { name: 'Followed', cid: null, color: '#0b83d9', isPrivate: false, billable: false };
    expect(await commands.saveProject({ create: { wid: studio, fields } })).toBeNull();
    const created = Number(state.selectedKey?.slice(2));
    expect(created).toBeLessThan(0);
    state.toggle(created, true);
    await app.services.data.settled();
    await new Promise((resolve) => setImmediate(resolve));
    const real = state.view?.projects.find((project) => project.name === 'Followed')?.id ?? 0;
    expect(real).toBeGreaterThan(0);
    expect(state.selectedKey).toBe(`p:${real}`);
    expect(state.expanded.has(real)).toBe(true);

    expect(await commands.saveProject({ create: { wid: studio, fields: { ...fields, name: ' ' } } })).toBe(
      'Give the project a name.',
    );
    await commands.retry({
      id: 'no-such-entry',
      summary: '',
      state: 'failed',
      error: null,
      waitingFor: null,
      conflicts: [],
      targets: [],
    });
    expect(commands.error).toBeNull();
    off();
  });

  it('New project goes to the shown workspace, else the default, else the first where the user may; off with the reason where they may nowhere', async () => {
    const api = inProcessApi(app);
    const state = new DataState(api);
    await state.load();
    const off = state.listen();
    const named = (name: string) => state.view?.workspaces.find((workspace) => workspace.name === name)?.id ?? 0;
    expect(state.newProjectHome).toEqual({ wid: named('Demo Studio') });
    state.workspaceId = named('Side projects');
    expect(state.newProjectHome).toEqual({ wid: named('Side projects') });
    // Shown, but only admins may create there: the default, not a refusal the user did not cause.
    state.workspaceId = named('Community (members)');
    expect(state.newProjectHome).toEqual({ wid: named('Demo Studio') });
    expect(state.cannotCreateProject).toBeNull();
    await api.invoke('me.setDefaultWorkspace', { wid: named('Dana Consulting') });
    await app.services.data.settled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(state.newProjectHome).toEqual({ wid: named('Dana Consulting') });

    // On Toggl the user becomes a plain member where only admins may create projects, everywhere.
    const demo = state.view?.user?.id ?? 0;
    for (const workspace of world.sandbox.state.workspaces.values()) {
      if (!workspace.members.has(demo)) continue;
      workspace.members.set(demo, 'user');
      workspace.only_admins_may_create_projects = true;
    }
    await api.invoke('sync.refresh');
    await app.services.data.settled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(state.cannotCreateProject).toBe(
      'Only admins and project leads may create projects in “Community (members)”.',
    );
    state.workspaceId = 'all';
    expect(state.cannotCreateProject).toBe('Only admins and project leads may create projects in your workspaces.');
    off();
  });

  it('types the first word again when the popover is shown, once however often it is told, never over a search', async () => {
    // The browser's idle callbacks, run by the test: each one is a key of the warm-up (and one to end it).
    const { idle, runIdle } = stubIdleCallbacks();
    /** A list loaded, its idle work (the index, then the warm-up) left queued. */
    const loaded = async (): Promise<DataState> => {
      const list = new DataState(inProcessApi(app));
      await list.load();
      flushSync();
      return list;
    };
    try {
      const state = await loaded();
      runIdle();
      const view = state.view ?? expect.unreachable();
      const keys = shownKeys(view);
      // A word of the list, key by key; then "Assigned to me" alone, and the word again with it.
      const plain = keys.filter((key) => !key.mine).map((key) => key.text);
      const mine = keys.filter((key) => key.mine).map((key) => key.text);
      expect(plain[0]).toHaveLength(1);
      plain.slice(1).forEach((text, at) => expect(text.startsWith(plain[at] ?? '')).toBe(true));
      expect(mine).toEqual(['', ...plain]);
      state.shown();
      expect(runIdle()).toBe(keys.length + 1);
      // Main's event and the page's visibility both say it: the second is not typed again.
      state.shown();
      expect(runIdle()).toBe(0);

      const searching = await loaded();
      runIdle();
      searching.query = 'web';
      searching.shown();
      expect(runIdle()).toBe(0);
      // A person typing stops a warm-up under way.
      searching.query = '';
      searching.shown();
      idle.shift()?.(quiet);
      searching.query = 'w';
      expect(runIdle()).toBe(1);
      expect(keys.length).toBeGreaterThan(2);

      // A warm-up started ends the one under way: the load's (its index made, its first key typed)
      // takes one more idle moment to see that, then the shown keys are typed (and one moment to
      // see they ran out), then the load's goes on with the keys it had left, and ends.
      const shownDuring = await loaded();
      idle.shift()?.(quiet);
      idle.shift()?.(quiet);
      shownDuring.shown();
      const loadKeys = warmUpKeys(view, view.user !== null).length;
      expect(runIdle()).toBe(1 + keys.length + 1 + (loadKeys - 1) + 1);

      // A change that leaves projects and tasks alone (a sync that found nothing new) leaves the
      // code warm: its idle moment types nothing.
      const off = state.listen();
      const before = state.view;
      await inProcessApi(app).invoke('sync.refresh');
      await app.services.data.settled();
      await new Promise((resolve) => setImmediate(resolve));
      expect(state.view).not.toBe(before);
      expect(state.view?.projects).toBe(before?.projects);
      expect(state.view?.tasks).toBe(before?.tasks);
      expect(runIdle()).toBe(1);
      off();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("shows each warm-up key's rows to the rehearsal, and ends it when the keys run out or a person types", async () => {
    const { idle, runIdle } = stubIdleCallbacks();
    /** What the list showed the rehearsal: each key's search and row count, then 'end'. */
    const told: string[] = [];
    const rehearsal: ListRehearsal = {
      show: (rows, searched) => told.push(`${searched} (${rows.length})`),
      end: () => told.push('end'),
    };
    try {
      const state = new DataState(inProcessApi(app));
      state.rehearsal = rehearsal;
      await state.load();
      flushSync();
      runIdle();
      const view = state.view ?? expect.unreachable();
      // The load's warm-up: every key with rows of its own (a search, or "Assigned to me"), then the end.
      const withRows = warmUpKeys(view, view.user !== null).filter(
        (key) => (key.text.trim() !== '' || key.mine) && !isQuickAdd(key.text),
      );
      expect(told.map((line) => line.replace(/ \(\d+\)$/, ''))).toEqual([...withRows.map((key) => key.text), 'end']);
      // Each with the rows the list would show for it: a word of the list finds some.
      expect(Number(/\((\d+)\)$/.exec(told.find((line) => !line.startsWith(' ')) ?? '')?.[1])).toBeGreaterThan(0);

      // A person's key ends a warm-up under way, and the rehearsal with it.
      told.length = 0;
      state.shown();
      idle.shift()?.(quiet);
      idle.shift()?.(quiet);
      state.query = 'w';
      runIdle();
      expect(told).toHaveLength(3);
      expect(told.at(-1)).toBe('end');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("goes on with the list's warm-up where a person's key or the shown keys cut it short, once the box is empty", async () => {
    const { idle, runIdle } = stubIdleCallbacks();
    /** What the list showed the rehearsal: each key's search, then 'end'. */
    const told: string[] = [];
    const rehearsal: ListRehearsal = { show: (_rows, searched) => told.push(searched), end: () => told.push('end') };
    const api = inProcessApi(app);
    /** The warm-up keys that show rows (not the empty box alone, nor a quick-add line). */
    const withRows = (list: DataView, keys = warmUpKeys(list, list.user !== null)): string[] =>
      keys.filter((key) => (key.text.trim() !== '' || key.mine) && !isQuickAdd(key.text)).map((key) => key.text);
    try {
      const state = new DataState(api);
      state.rehearsal = rehearsal;
      await state.load();
      const off = state.listen();
      flushSync();
      const view = state.view ?? expect.unreachable();
      // The index, then two of the warm-up's keys; a person's key cuts it short.
      idle.shift()?.(quiet);
      idle.shift()?.(quiet);
      idle.shift()?.(quiet);
      expect(told).toEqual(withRows(view).slice(0, 2));
      state.search('w');
      runIdle();
      expect(told).toEqual([...withRows(view).slice(0, 2), 'end']);
      // Typing on types nothing; emptying the box types the keys it had left, and no more.
      told.length = 0;
      state.search('we');
      expect(runIdle()).toBe(0);
      state.search('');
      runIdle();
      expect(told).toEqual([...withRows(view).slice(2), 'end']);
      // Once it has typed every key, emptying the box after a search types nothing more.
      told.length = 0;
      state.search('web');
      state.search('');
      expect(runIdle()).toBe(0);

      // The list changes under a person's search (a project made), its rows shown: the new list's
      // warm-up waits for the box to be emptied.
      state.search('web');
      flushSync();
      expect(state.rows.length).toBeGreaterThan(0);
      const studio = view.workspaces.find((workspace) => workspace.name === 'Demo Studio')?.id ?? 0;
      const fields = { name: 'Made while searching', cid: null, color: '#0b83d9', isPrivate: false, billable: false };
      await new DataCommands(api, state).saveProject({ create: { wid: studio, fields } });
      await app.services.data.settled();
      await new Promise((resolve) => setImmediate(resolve));
      const changed = state.view ?? expect.unreachable();
      expect(changed.projects).not.toBe(view.projects);
      flushSync();
      expect(state.rows.length).toBeGreaterThan(0);
      // Its index is made; its warm-up sees the search at its first idle moment and stops.
      runIdle();
      expect(told).toEqual(['end']);
      told.length = 0;
      const keptBefore = keptObjects();
      // Shown meanwhile (over a search: nothing), then emptied, the whole new list's keys are typed.
      state.shown();
      state.search('');
      runIdle();
      expect(told).toEqual([...withRows(changed), 'end']);
      // Every object kept for its shape (keep-shape.ts) is now one the warm-up made over the new
      // list, none from before (the person's search's held the old one); only the search's
      // constant, made once, stays.
      const stillKept = keptObjects().filter((object) => keptBefore.includes(object));
      expect(stillKept.map((object) => object.constructor.name)).toEqual(['Object']);
      expect(keptObjects().length).toBeGreaterThan(5);

      // Shown while another list's warm-up is under way: the shown keys first, then the rest of it.
      told.length = 0;
      await new DataCommands(api, state).saveProject({ create: { wid: studio, fields: { ...fields, name: 'Later' } } });
      await app.services.data.settled();
      await new Promise((resolve) => setImmediate(resolve));
      const later = state.view ?? expect.unreachable();
      idle.shift()?.(quiet);
      idle.shift()?.(quiet);
      expect(told).toEqual(withRows(later).slice(0, 1));
      state.shown();
      runIdle();
      const shown = withRows(later, shownKeys(later));
      expect(told).toEqual([...withRows(later).slice(0, 1), ...shown, ...withRows(later).slice(1), 'end']);
      off();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('warms up as when shown on the first pointer or key after a rest of five seconds with the popover open, not before', async () => {
    const { idle, runIdle } = stubIdleCallbacks();
    let clock = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      const state = new DataState(inProcessApi(app));
      await state.load();
      flushSync();
      runIdle();
      const typed = shownKeys(state.view ?? expect.unreachable()).length + 1;
      // Input all along: nothing more to warm.
      for (let second = 0; second < 20; second++) {
        clock += 4_000;
        state.input();
      }
      expect(runIdle()).toBe(0);
      // Five seconds without any: the next pointer move types the warm-up, once; not in a short
      // idle stretch (a scroll's frames), where it waits for a longer one, no key skipped.
      clock += 5_000;
      state.input();
      state.input();
      idle.shift()?.(busy);
      idle.shift()?.(busy);
      expect(idle).toHaveLength(1);
      expect(runIdle()).toBe(typed);
      // Shown counts as input: a pointer a few seconds after it types nothing again.
      clock += 60_000;
      state.shown();
      expect(runIdle()).toBe(typed);
      clock += 3_000;
      state.input();
      expect(runIdle()).toBe(0);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    }
  });
});
