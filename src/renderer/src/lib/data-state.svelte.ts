import { SvelteSet } from 'svelte/reactivity';
import type { Api } from '../../../preload/api';
import type { DataView, SyncStatus } from '../../../shared/entities';
import { applyDelta } from '../../../shared/view-delta';
import { newProjectWorkspace } from '../../../shared/rights';
import type { IpcResult } from '../../../shared/ipc-result';
import { isQuickAdd } from '../../../shared/quick-add/parse';
import { firstScreenRequest, takeEarlyProjects } from './early-projects';
import { indexView, matchQuery, type Query, type SearchIndex } from './list/search';
import { matchesFor } from './list/query-matches';
import { AssignedMatches, tasksOf } from './list/assigned-matches';
import { namesById, peopleByWorkspace, type Person } from './people';
import { NO_ROWS, RowList } from './list/row-list';
import { taskWords } from './list/task-words';
import { internSync } from './list/interned-sync';
import { shownKeys, typeKey, warmUpKeys, type WarmUpKey } from './list/warm-up';
import type { ListRehearsal } from './rehearsal-list.svelte';
import { prepareView, type Row } from './list/tree';

/**
 * Items per `data.projects` / `data.tasks` answer: a few hundred kilobytes each, a few
 * milliseconds to send and to read, so input and small answers get a turn in between.
 */
const PROJECT_PAGE = 1_000;
const TASK_PAGE = 2_500;

/** V8 starts shrinking an idle page's heap after about 8 s (its memory reducer); a warm-up is cheap, so from 5. */
const REST_BEFORE_WARM_UP_MS = 5_000;
/** The idle time a warm-up key waits for: one takes 2–8 ms with its rehearsal (traced in bench:ui), up to 20 after a rest. */
const WARM_UP_KEY_MS = 12;

/** The list as the popover shows it: filters, search, expansion, selection and status. */
export class DataState {
  /** Raw, not deeply reactive: a 100,000-task view must not become 100,000 proxies. */
  view = $state.raw<DataView | null>(null);
  /** False while `view` holds only the first screen (the rest is on its way): nothing is said to be missing yet. */
  complete = $state(false);
  status = $state.raw<SyncStatus | null>(null);
  workspaceId = $state<number | 'all'>('all');
  showArchived = $state(false);
  showDone = $state(false);
  /** Only the user's own tasks (Toggl's `user_id`), under their projects. */
  assignedToMe = $state(false);
  #query = $state('');
  /** What the search box holds (quick-add's `+` lines too). */
  get query(): string {
    return this.#query;
  }
  set query(text: string) {
    const emptied = text === '' && this.#query !== '';
    this.#query = text;
    if (emptied) this.#resumeWarmUp();
  }
  readonly expanded = new SvelteSet<number>();
  /** Items picked for a bulk action (Ctrl/Cmd+click or Space). */
  readonly picked = new SvelteSet<string>();
  selectedKey = $state<string | null>(null);

  // Projects and tasks by themselves: a delta that leaves them alone (a sync time, the
  // outbox) keeps the same arrays, so the tree and the search index are not made again.
  readonly #projects = $derived(this.view?.projects);
  readonly #tasks = $derived(this.view?.tasks);

  readonly prepared = $derived.by(() => {
    const [projects, tasks] = [this.#projects, this.#tasks];
    return projects && tasks ? prepareView({ projects, tasks }) : null;
  });

  /** Projects, then tasks, in one index, each with its project's and client's names for context. */
  readonly index = $derived.by((): SearchIndex | null => {
    const [projects, tasks] = [this.#projects, this.#tasks];
    return projects && tasks ? indexView({ projects, tasks }) : null;
  });

  /** The words of each project's tasks, for one-word searches (task-words.ts): made with the index. */
  readonly #taskWords = $derived.by(() => {
    const [index, prepared] = [this.index, this.prepared];
    return index && prepared ? taskWords(index, prepared) : undefined;
  });

  /** The query typed before the current one: what it found bounds what the next key looks at. */
  #typed: Query | null = null;

  #lastSearch = '';

  /**
   * What the list is searched for: the box's text, unless that is a quick-add (`+…`), which
   * searches nothing and leaves the list as the last search had it (quick-add.svelte.ts).
   */
  readonly searched = $derived.by(() => {
    if (!isQuickAdd(this.query)) this.#lastSearch = this.query;
    return this.#lastSearch;
  });

  /** The user's tasks (places in the view, as Matches counts them), made when "Assigned to me" is first ticked. */
  readonly #mine = $derived.by(() => {
    const [projects, tasks, prepared, me] = [this.#projects, this.#tasks, this.prepared, this.#me];
    if (!this.assignedToMe || !projects || !tasks || !prepared || me === undefined) return undefined;
    return tasksOf({ projects, tasks }, prepared, me);
  });
  /** The user's id by itself: a change to the list's status leaves it, and their tasks, alone. */
  readonly #me = $derived(this.view?.user?.id);

  /**
   * Each workspace's people, by name (who a task may go to). Every change to the list brings
   * its teams anew: the same people keep the same arrays, so an open picker is not redrawn.
   */
  readonly people = $derived.by(() => {
    const people = peopleByWorkspace(this.view);
    const key = JSON.stringify([...people]);
    if (key === this.#peopleKey) return this.#people;
    [this.#peopleKey, this.#people] = [key, people];
    return people;
  });
  #peopleKey = '';
  #people = new Map<number, Person[]>();
  readonly #names = $derived(namesById(this.people));

  /** The task's assignee's name, or null for no one; someone Toggl did not list is named by id. */
  assigneeName(assigneeId: number | null): string | null {
    return assigneeId === null ? null : (this.#names.get(assigneeId) ?? `User ${assigneeId}`);
  }

  /** Who a task in this workspace may go to. */
  peopleIn(wid: number): Person[] {
    return this.people.get(wid) ?? [];
  }

  /** What the search found, narrowed to the user's tasks while "Assigned to me" is ticked. */
  readonly matches = $derived.by(() => {
    const [found, mine] = [this.#found, this.#mine];
    return mine ? new AssignedMatches(mine, found) : found;
  });

  readonly #found = $derived.by(() => {
    // The index is built when the window is idle after a load; a search before then builds it.
    // A cleared search starts again: the next key is not typed on from the last one.
    const searched = this.searched;
    if (searched.trim() === '') {
      this.#typed = null;
      return undefined;
    }
    const index = this.index;
    const query = index ? matchQuery(index, searched, this.#typed) : null;
    this.#typed = query;
    // The index lists the view's projects, then its tasks, as Matches counts them.
    const prepared = this.prepared;
    return query && prepared ? matchesFor(prepared, query, this.#taskWords) : undefined;
  });

  /** The rows, made as the list shows them (row-list.ts): a keystroke costs the screen, not every hit. */
  readonly rows = $derived.by((): RowList =>
    this.view
      ? new RowList(this.view, this.prepared ?? prepareView(this.view), {
          workspaceId: this.workspaceId,
          showArchived: this.showArchived,
          showDone: this.showDone,
          // A plain copy: 10,000 reactive look-ups per keystroke would cost more than the rows.
          expanded: new Set(this.expanded),
          matches: this.matches,
        })
      : NO_ROWS,
  );

  /** The selected project or task, while it is listed. */
  readonly selected = $derived(this.selectedKey === null ? null : this.row(this.selectedKey));

  /** The picked items that are listed, in the list's order. */
  readonly pickedRows = $derived.by((): Item[] => {
    if (this.picked.size === 0) return [];
    const rows = this.rows;
    return [...this.picked]
      .map((key) => rows.indexOf(key))
      .filter((at) => at >= 0)
      .sort((a, b) => a - b)
      .flatMap((at) => {
        const row = rows.at(at);
        return row && isItem(row) ? [row] : [];
      });
  });

  readonly workspace = $derived(
    this.workspaceId === 'all'
      ? null
      : (this.view?.workspaces.find((workspace) => workspace.id === this.workspaceId) ?? null),
  );

  /**
   * Where "New project" puts a new project (the shown workspace, else the default, else the
   * first where the user may create one: shared/rights.ts), or why it is off.
   */
  readonly newProjectHome = $derived.by((): { wid: number } | { reason: string } =>
    this.view
      ? newProjectWorkspace(this.view, this.workspaceId === 'all' ? null : this.workspaceId)
      : { reason: 'No workspace is loaded yet.' },
  );

  /** Why "New project" is off, or null when it is allowed. */
  readonly cannotCreateProject = $derived('reason' in this.newProjectHome ? this.newProjectHome.reason : null);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  /**
   * The first screen first (one small answer, however large the account), then the rest a
   * page at a time, so no answer (the sync status, settings) waits behind a large one and the
   * window keeps taking input in between.
   */
  async load(): Promise<void> {
    // The sync status is not waited for: the rows show as soon as the first screen is here.
    const status = this.#api.invoke('sync.status').then((answer) => {
      if (answer.ok) this.status = answer.value;
    });
    const first = await (takeEarlyProjects() ?? this.#api.invoke('data.first', firstScreenRequest()));
    // An early answer from before sign-in holds nobody's list: the whole one follows anyway.
    const usable = first.ok && first.value.view.user !== null;
    if (usable && !this.view) {
      internSync(first.value.view.projects);
      internSync(first.value.view.tasks);
      this.view = first.value.view;
      this.complete = first.value.complete;
    }
    await status;
    if (!usable || !first.value.complete || this.view !== first.value.view) await this.#reload();
    else this.#indexWhenIdle();
    // For `npm run bench:ui`: the whole list is here (the next load is measured from a quiet window).
    performance.mark('toggl-tray:list-loaded');
  }

  /** Reads a list a page at a time; null when it changed from `version` meanwhile (or a call failed). */
  async #pages<Page extends { version: number; total: number }, T>(
    ask: (from: number) => Promise<IpcResult<Page>>,
    itemsOf: (page: Page) => T[],
    version: number,
    size: number,
  ): Promise<T[] | null> {
    const items: T[] = [];
    for (let from = 0; ; from += size) {
      const page = await ask(from);
      if (!page.ok || page.value.version !== version) return null;
      for (const item of itemsOf(page.value)) items.push(item);
      if (from + size >= page.value.total) return items;
    }
  }

  /**
   * The whole list: the small rest in one answer, then its projects and tasks a page at a time
   * (no single answer carries 10,000 projects or 100,000 tasks). A list that changes between
   * pages is asked for again; after a few tries, in one answer.
   */
  async #fetchWhole(): Promise<DataView | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const asked = await this.#api.invoke('data.view', { tasks: false, projects: false });
      if (!asked.ok) return null;
      const head = asked.value;
      const { version } = head;
      const projects = await this.#pages(
        (from) => this.#api.invoke('data.projects', { version, from, count: PROJECT_PAGE }),
        (page) => internSync(page.projects),
        version,
        PROJECT_PAGE,
      );
      if (!projects) continue;
      const tasks = await this.#pages(
        (from) => this.#api.invoke('data.tasks', { version, from, count: TASK_PAGE }),
        (page) => internSync(page.tasks),
        version,
        TASK_PAGE,
      );
      if (tasks) return { ...head, projects, tasks };
    }
    const full = await this.#api.invoke('data.view');
    if (!full.ok) return null;
    internSync(full.value.projects);
    internSync(full.value.tasks);
    return full.value;
  }

  #indexPending = false;

  /**
   * Reading the derived index builds it. Then a few keys are typed, one an idle moment, their
   * results dropped (warm-up.ts): the search and the list's code are compiled while the window
   * is idle, and a person's first keys are as quick as the later ones.
   */
  #buildIndex(): void {
    const [index, prepared, view] = [this.index, this.prepared, this.view];
    if (!index || !prepared || !view) return;
    // A task found by key (the selection) is looked up in a map of 100,000 ids: made now, not on a key.
    prepared.taskPosition(0);
    // A change that left projects and tasks alone (a sync's time, the outbox) leaves the code warm.
    const warmed = this.#warmedFor;
    if (warmed?.projects === view.projects && warmed.tasks === view.tasks) return;
    this.#warmedFor = view;
    this.#warmUp(warmUpKeys(view, view.user !== null), true);
  }

  /**
   * Where the warm-up shows each key's rows, so that the code updating them is compiled too
   * (list-rehearsal.ts); set by the view that shows the list.
   */
  rehearsal: ListRehearsal | null = null;

  /** The list the idle warm-up last typed on, or is typing on. */
  #warmedFor: Pick<DataView, 'projects' | 'tasks'> | null = null;
  /** That warm-up's keys not typed yet: each is taken off the front as it is typed. */
  #leftToWarm: WarmUpKey[] = [];
  /** Warm-ups started: a new one ends the one under way. */
  #warmUps = 0;

  /**
   * Types `keys` one an idle moment, results dropped (warm-up.ts), until they run out, another
   * warm-up starts, the list's projects or tasks change, or a person types (their keys warm it
   * as well, and need no idle work between them). The list's own warm-up (`wholeList`), cut
   * short by a person's key or by a shorter warm-up, goes on with the keys it had left when the
   * box is next emptied or that warm-up ends (`#resumeWarmUp`): each kind of key it has not
   * reached keeps its last object (keep-shape.ts), which may hold the list as it was before.
   */
  #warmUp(keys: WarmUpKey[], wholeList = false): void {
    if (typeof requestIdleCallback !== 'function') return;
    const [index, prepared, view, words] = [this.index, this.prepared, this.view, this.#taskWords];
    if (!index || !prepared || !view) return;
    if (wholeList) this.#leftToWarm = keys;
    const warmUp = ++this.#warmUps;
    let previous: Query | null = null;
    const next = (deadline: IdleDeadline): void => {
      // Projects or tasks changed: the index is made again (not here: reading it would make it) and warmed after.
      const changed = this.view?.projects !== view.projects || this.view.tasks !== view.tasks;
      // Another warm-up goes on with the rehearsal; any other end takes it away.
      if (warmUp !== this.#warmUps) return;
      if (changed || this.query !== '') return this.rehearsal?.end();
      // A short idle stretch (between the frames of a scroll) is left alone: a key may take longer.
      if (deadline.timeRemaining() < WARM_UP_KEY_MS) {
        requestIdleCallback(next);
        return;
      }
      const key = keys.shift();
      if (key === undefined) {
        if (!wholeList && this.#resumeWarmUp()) return;
        return this.rehearsal?.end();
      }
      const typed = typeKey({ view, prepared, index, words }, key, previous);
      previous = typed.query;
      try {
        if (typed.rows) this.rehearsal?.show(typed.rows, key.text);
      } catch (error) {
        // A row that cannot be shown ends the warm-up, its tree taken away and its keys
        // dropped (none is left to go on with), and says why.
        keys.length = 0;
        this.rehearsal?.end();
        throw error;
      }
      requestIdleCallback(next);
    };
    requestIdleCallback(next);
  }

  /**
   * Goes on with the list's warm-up where it was cut short, while the list is the one it was
   * for (a changed list gets one of its own once its index is made). Answers whether it did.
   */
  #resumeWarmUp(): boolean {
    const [keys, list, view] = [this.#leftToWarm, this.#warmedFor, this.view];
    if (keys.length === 0 || !view || list?.projects !== view.projects || list.tasks !== view.tasks) return false;
    this.#warmUp(keys, true);
    return true;
  }

  /**
   * The popover was opened after a rest: a few keys typed now, while the person looks at it,
   * so their first keys find memory the browser gave back while idle already taken again, and
   * the search's compiled code in use (shownKeys). Not while the list's index waits to be made
   * in an idle moment (a warm-up follows it), nor over a search.
   */
  shown(): void {
    // Shown is told twice (main's event and the page's visibility): the first one types.
    const now = performance.now();
    this.#inputAt = now;
    if (!this.view || this.#indexPending || this.query !== '' || now - this.#shownAt < 1_000) return;
    this.#shownAt = now;
    this.#warmUp(shownKeys(this.view));
  }

  #shownAt = Number.NEGATIVE_INFINITY;

  /**
   * A person's pointer or key in the popover (MainView): after a rest with it open all along,
   * as when it is shown, for the same reason. The pointer comes before the click, and a key
   * into the search box stops the warm-up at once. Ticking "Assigned to me" after 14 s open
   * and idle took 20 ms, and the next keys up to 24; 7 ms and 8 with V8 not shrinking the heap.
   */
  input(): void {
    const now = performance.now();
    const rested = now - this.#inputAt >= REST_BEFORE_WARM_UP_MS;
    this.#inputAt = now;
    if (rested) this.shown();
  }

  /** The last input or showing: a rest is measured from it. */
  #inputAt = performance.now();

  /** The search index is built when the window is idle (after a load or a change), not on the next keystroke. */
  #indexWhenIdle(): void {
    if (this.#indexPending || typeof requestIdleCallback !== 'function') return;
    this.#indexPending = true;
    requestIdleCallback(() => {
      this.#indexPending = false;
      this.#buildIndex();
    });
  }

  #reloading: Promise<void> | undefined;

  /** A whole copy of the list, once at a time; one older than what we hold (a change came meanwhile) is asked for again. */
  #reload(): Promise<void> {
    this.#reloading ??= (async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const whole = await this.#fetchWhole();
        if (!whole) break;
        if (whole.version >= (this.view?.version ?? 0)) {
          this.view = whole;
          this.complete = true;
          break;
        }
      }
      this.#indexWhenIdle();
    })().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  listen(): () => void {
    const offData = this.#api.on('data.changed', (delta) => {
      this.#followNewIds(delta.rest.newIds);
      // Our copy is as new already (it was loaded after this change was made).
      if (this.view && delta.version <= this.view.version) return;
      internSync(delta.projects.upsert);
      internSync(delta.tasks.upsert);
      const next = this.view ? applyDelta(this.view, delta) : null;
      // A gap (a delta missed, or made before our copy): take a full copy instead.
      if (next) {
        this.view = next;
        this.#indexWhenIdle();
      } else void this.#reload();
    });
    const offStatus = this.#api.on('sync.status', (status) => {
      this.status = status;
    });
    return () => {
      offData();
      offStatus();
    };
  }

  /** Items created offline get Toggl's ids later: keep them selected, opened and picked. */
  #followNewIds(pairs: [number, number][]): void {
    for (const [from, to] of pairs) {
      for (const prefix of ['p:', 't:']) {
        this.#renamed.set(`${prefix}${to}`, `${prefix}${from}`);
        if (this.selectedKey === `${prefix}${from}`) this.selectedKey = `${prefix}${to}`;
        if (this.picked.delete(`${prefix}${from}`)) this.picked.add(`${prefix}${to}`);
      }
      if (this.expanded.delete(from)) this.expanded.add(to);
    }
  }

  /** Keys items made offline had before Toggl gave them ids (`#followNewIds`): not state, looked up. */
  readonly #renamed = new Map<string, string>();

  /** The key the item with `key` had before Toggl gave it its id, if it was made offline. */
  renamedFrom(key: string): string | undefined {
    return this.#renamed.get(key);
  }

  /** What the search box holds as it is typed; emptied by any key (or its clear button), as `clearSearch`. */
  search(query: string): void {
    if (query === '' && this.query !== '') this.clearSearch();
    else this.query = query;
  }

  /**
   * Empties the search box. A task selected among the hits stays in view: its project, which
   * the search had opened to show it, is opened.
   */
  clearSearch(): void {
    const selected = this.selected;
    if (selected?.kind === 'task') this.expanded.add(selected.project.id);
    this.query = '';
  }

  toggle(projectId: number, open?: boolean): void {
    const shouldOpen = open ?? !this.expanded.has(projectId);
    if (shouldOpen) this.expanded.add(projectId);
    else this.expanded.delete(projectId);
  }

  /** The project or task with `key`, while it is listed. */
  row(key: string): Item | null {
    const row = this.rows.at(this.rows.indexOf(key));
    return row && isItem(row) ? row : null;
  }

  /** Moves the selection by `step` items (↑/↓), staying in the list. */
  move(step: number): void {
    const rows = this.rows;
    const from = this.selectedKey === null ? -1 : rows.indexOf(this.selectedKey);
    const next =
      from < 0 ? itemFrom(rows, step > 0 ? 0 : rows.length - 1, Math.sign(step)) : stepItems(rows, from, step);
    if (next >= 0) this.selectedKey = rows.at(next)?.key ?? null;
  }

  /** Selects the first or the last item (Home, End). */
  moveTo(end: 'first' | 'last'): void {
    const rows = this.rows;
    const at = end === 'first' ? itemFrom(rows, 0, 1) : itemFrom(rows, rows.length - 1, -1);
    // Nothing listed (a search that finds nothing): the selection stays for when there is.
    if (at >= 0) this.selectedKey = rows.at(at)?.key ?? null;
  }
}

/** A row that can be selected: a project or a task. */
export type Item = Extract<Row, { kind: 'project' | 'task' }>;

const isItem = (row: Row): row is Item => row.kind === 'project' || row.kind === 'task';

/** The first item at or after `from` going `direction` (1 or -1), or -1. Headers are passed over without being made. */
function itemFrom(rows: RowList, from: number, direction: number): number {
  for (let at = from; at >= 0 && at < rows.length; at += direction) {
    const kind = rows.kindAt(at);
    if (kind === 'project' || kind === 'task') return at;
  }
  return -1;
}

/** The item `step` items from the one at `from`, or the last one that way. */
function stepItems(rows: RowList, from: number, step: number): number {
  let at = from;
  for (let left = Math.abs(step); left > 0; left--) {
    const next = itemFrom(rows, at + Math.sign(step), Math.sign(step));
    if (next < 0) break;
    at = next;
  }
  return at;
}
