import { describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { collectMatches } from '../../../../src/renderer/src/lib/list/matches';
import { matchesFor } from '../../../../src/renderer/src/lib/list/query-matches';
import { AssignedMatches, AssignedTasks } from '../../../../src/renderer/src/lib/list/assigned-matches';
import { RowList } from '../../../../src/renderer/src/lib/list/row-list';
import {
  indexView,
  matchQuery,
  search,
  type Query,
  type SearchIndex,
} from '../../../../src/renderer/src/lib/list/search';
import { taskWords, type TaskWords } from '../../../../src/renderer/src/lib/list/task-words';
import {
  AUTO_EXPAND_LIMIT,
  prepareView,
  type PreparedView,
  type Row,
  type TreeOptions,
} from '../../../../src/renderer/src/lib/list/tree';
import { projectName, seededRandom, taskName } from '../../../../tools/sandbox/names';
import { largeView } from '../../../support/large-view';
import { viewWorkspace } from '../../../support/view-workspace';
import { NO_PROJECT_DETAILS } from '../../../../src/shared/schema';

/** Rows the popover makes for its screen: 560 px of 30 px rows and four more either side. */
const SCREEN = 27;
const NO_FILTERS: TreeOptions = { workspaceId: 'all', showArchived: false, showDone: false, expanded: new Set() };

interface Listed {
  view: DataView;
  prepared: PreparedView;
  index: SearchIndex;
  /** The words of each project's tasks, as the window keeps them beside the index (or not, to check without). */
  words: TaskWords | undefined;
}

function listed(view: DataView, withWords = true): Listed {
  const [prepared, index] = [prepareView(view), indexView(view)];
  return { view, prepared, index, words: withWords ? taskWords(index, prepared) : undefined };
}

/** The list the window makes for `text` (typed after `previous`): the query answers for each item as the list asks. */
function lazyList({ view, prepared, index, words }: Listed, text: string, options = NO_FILTERS, previous?: Query) {
  const query = matchQuery(index, text, previous);
  if (!query) throw new Error(`“${text}” has no words`);
  return {
    query,
    list: new RowList(view, prepared, { ...options, matches: matchesFor(prepared, query, words) }),
  };
}

/** The same list from every hit, worked out whole first (as the list was made before). */
function eagerList({ view, prepared, index }: Listed, text: string, options = NO_FILTERS): RowList {
  const { hits, grades } = search(index, text);
  return new RowList(view, prepared, { ...options, matches: collectMatches(prepared, hits, grades) });
}

const describeRow = (row: Row | undefined): string =>
  !row
    ? '-'
    : row.kind === 'project'
      ? `${row.key} ${row.expanded ? 'open' : 'closed'}${row.hasTasks ? '' : ', no tasks'}`
      : row.kind === 'task'
        ? row.key
        : `[${row.label}]`;

describe('a one-letter search on a 10,000-project, 100,000-task account', () => {
  const large = listed(largeView(10_000, 100_000));
  const items = large.index.size;
  const projects = large.view.projects.length;

  it('scores each project at most once, no task beyond what the count needs, and makes only the rows on screen', () => {
    for (const letter of ['e', 'r', 'a', 'o']) {
      const { query, list } = lazyList(large, letter);
      // Nearly every project shows: the count is exact without a row made.
      expect(list.length, letter).toBeGreaterThan(9_000);
      expect(list.made, letter).toBe(0);
      for (let at = 0; at < SCREEN; at++) list.at(at);
      expect(list.made, letter).toBe(SCREEN);
      // Each project once (its tasks' words say whether one matches), and the tasks it takes to
      // know that more than 1,000 match (then no project opens by itself).
      expect(query.visited, letter).toBeLessThan(projects + 2 * AUTO_EXPAND_LIMIT);
    }
  });

  it('lists what a search that scored every item lists, in the same order and count', () => {
    for (const letter of ['e', 'p']) {
      const { list } = lazyList(large, letter);
      const eager = eagerList(large, letter);
      expect(list.length).toBe(eager.length);
      // The first screen, a stretch in the middle and the end.
      for (const at of [
        ...Array.from({ length: SCREEN }, (_, row) => row),
        ...Array.from({ length: SCREEN }, (_, row) => 4_000 + row),
        list.length - 1,
      ])
        expect(describeRow(list.at(at)), `“${letter}” row ${at}`).toBe(describeRow(eager.at(at)));
    }
  });

  it('typed on into a word, each key scores at most a quarter of the items', () => {
    let previous: Query | undefined;
    for (const typed of ['r', 're', 'res', 'rese', 'resea', 'research', 'research ', 'research i', 'research in']) {
      const { query, list } = lazyList(large, typed, NO_FILTERS, previous);
      for (let at = 0; at < SCREEN; at++) list.at(at);
      expect(query.visited, typed).toBeLessThanOrEqual(items / 4);
      expect(list.made, typed).toBe(SCREEN);
      previous = query;
    }
    // Typed on, a word looks only at what the key before found.
    expect(previous?.visited).toBeLessThan(8_200);
  });

  it('passes over headers for the keyboard, and finds a row by key, without making the rows in between', () => {
    const { list } = lazyList(large, 'e');
    const kinds = Array.from({ length: list.length }, (_, at) => list.kindAt(at));
    expect(kinds.filter((kind) => kind === 'client').length).toBeGreaterThan(100);
    expect(list.made).toBe(0);
    const last = list.at(list.length - 1);
    expect(last?.kind).toBe('project');
    expect(list.indexOf(last?.key ?? '')).toBe(list.length - 1);
    expect(list.made).toBe(1);
  });
});

/** A small account with names that tie, repeat and differ only in accents or case, in three workspaces. */
function smallAccount(seed: number): DataView {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const clients = [null, 'Acme', 'acme', 'Globex', 'Ärzte', 'R&D'];
  const names = () => (random() < 0.3 ? pick(['Res', 'R&D plan', 'Café', 'cafe', 'Q3 review']) : projectName(random));
  const projects = Array.from({ length: 1 + Math.floor(random() * 30) }, (_, at) => ({
    id: 100 + at,
    wid: 1 + Math.floor(random() * 3),
    cid: null,
    clientName: pick(clients),
    name: names(),
    color: '#0b83d9',
    active: random() > 0.2,
    isPrivate: false,
    billable: false,
    ...NO_PROJECT_DETAILS,
    sync: 'synced' as const,
  }));
  const tasks = Array.from({ length: Math.floor(random() * 150) }, (_, at) => ({
    id: 10_000 + at,
    wid: 1,
    // Now and then a task whose project is not listed.
    pid: random() < 0.03 ? 99 : 100 + Math.floor(random() * projects.length),
    name: random() < 0.3 ? pick(['Res', 'Review', 'Café']) : taskName(random),
    active: random() > 0.25,
    estimatedSeconds: null,
    trackedMs: 0,
    assigneeId: null,
    sync: 'synced' as const,
  }));
  return {
    version: 1,
    user: null,
    workspaces: [viewWorkspace(1, 'Studio'), viewWorkspace(2, 'Agency'), viewWorkspace(3, 'agency')],
    rights: {},
    clients: [],
    projects,
    tasks,
    outbox: [],
    damaged: [],
    syncedAt: 1,
    newIds: [],
    teams: [],
    entries: [],
    organizations: [],
  };
}

describe('the list made as it is asked for', () => {
  it('agrees with the list from every hit, row by row, and finds each item where it lists it (300 accounts)', () => {
    const random = seededRandom(7);
    const queries = ['r', 'e', 're', 'res', 'a c', 'ca', 'café', 'review r', 'q3', '&', 'acme re', 'x'];
    for (let seed = 1; seed <= 300; seed++) {
      // Half of them without the tasks' words, which one-word searches read when they are there.
      const account = listed(smallAccount(seed), seed % 2 === 0);
      const text = queries[seed % queries.length] ?? '';
      const options: TreeOptions = {
        workspaceId: random() < 0.2 ? 2 : 'all',
        showArchived: random() < 0.4,
        showDone: random() < 0.4,
        expanded: new Set(account.view.projects.filter(() => random() < 0.2).map((project) => project.id)),
      };
      const { list } = lazyList(account, text, options);
      const eager = eagerList(account, text, options);
      const rows = [...list].map(describeRow);
      expect(rows, `account ${seed}, “${text}”`).toEqual([...eager].map(describeRow));
      const fresh = lazyList(account, text, options).list;
      rows.forEach((_, at) => {
        const row = list.at(at);
        expect(fresh.kindAt(at)).toBe(row?.kind);
        if (row?.kind === 'project' || row?.kind === 'task') expect(fresh.indexOf(row.key), row.key).toBe(at);
      });
    }
  });
});

describe('“Assigned to me”', () => {
  const ME = 5;
  /** The account with a share of its tasks the user's, others someone else's. */
  function assigned(seed: number): DataView {
    const random = seededRandom(seed + 1000);
    const view = smallAccount(seed);
    const tasks = view.tasks.map((task) => ({ ...task, assigneeId: random() < 0.3 ? ME : random() < 0.3 ? 6 : null }));
    return { ...view, tasks };
  }
  /** The same list from the user's tasks among every hit, worked out whole first. */
  function eagerMine({ view, prepared, index }: Listed, text: string, options: TreeOptions): RowList {
    const found = text
      ? search(index, text)
      : { hits: Int32Array.from({ length: index.size }, (_, at) => at), grades: undefined };
    const hits: number[] = [];
    const grades: number[] = [];
    found.hits.forEach((item, at) => {
      const task = view.tasks[item - view.projects.length];
      if (task?.assigneeId !== ME) return;
      hits.push(item);
      grades.push(found.grades?.[at] ?? 0);
    });
    return new RowList(view, prepared, { ...options, matches: collectMatches(prepared, hits, grades) });
  }

  it('lists only the user’s tasks under their projects, with or without a search, as the eager list does (200 accounts)', () => {
    const random = seededRandom(11);
    const queries = ['', 'r', 're', 'review', 'a c', 'café', 'x'];
    let mineShown = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const account = listed(assigned(seed));
      const { view, prepared, index, words } = account;
      const text = queries[seed % queries.length] ?? '';
      const options: TreeOptions = {
        workspaceId: random() < 0.2 ? 2 : 'all',
        showArchived: random() < 0.4,
        showDone: random() < 0.4,
        expanded: new Set(view.projects.filter(() => random() < 0.2).map((project) => project.id)),
      };
      const mine = Int32Array.from(
        view.tasks.flatMap((task, at) => (task.assigneeId === ME ? [view.projects.length + at] : [])),
      );
      const inner = text ? matchesFor(prepared, matchQuery(index, text) ?? fail(), words) : undefined;
      const list = new RowList(view, prepared, {
        ...options,
        matches: new AssignedMatches(new AssignedTasks(prepared, view.projects.length, mine), inner),
      });
      const rows = [...list];
      expect(rows.map(describeRow), `account ${seed}, “${text}”`).toEqual(
        [...eagerMine(account, text, options)].map(describeRow),
      );
      for (const row of rows) if (row.kind === 'task') expect(row.task.assigneeId).toBe(ME);
      mineShown += rows.filter((row) => row.kind === 'task').length;
      rows.forEach((row, at) => {
        if (row.kind === 'project' || row.kind === 'task') expect(list.indexOf(row.key), row.key).toBe(at);
      });
    }
    // Not a comparison of empty lists: the user's tasks did show.
    expect(mineShown).toBeGreaterThan(500);
  });
});

function fail(): never {
  throw new Error('no query');
}
