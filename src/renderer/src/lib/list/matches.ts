import type { DataView } from '../../../../shared/entities';
import { prepareView, type PreparedView } from './tree';

/**
 * What a search found, as the tree asks for it: by item (its place in the view, the view's
 * projects first, then its tasks: the search index's order) and by project. Answers may be
 * worked out as they are asked for (query-matches.ts), so the tree asks only what it shows.
 */
export interface Matches {
  /** 0 for an item the search did not find; else 1 + how well it matched (SearchState.grades). */
  mark(at: number): number;
  /** Whether one of the project's tasks matched (open ones only unless `done`). */
  hasTask(project: number, done: boolean): boolean;
  /** How many of the project's tasks matched (open ones only unless `done`). */
  taskCount(project: number, done: boolean): number;
  /** The best mark among the project's matching tasks (open ones only unless `done`); 0 for none. */
  bestTask(project: number, done: boolean): number;
  /** Whether more than `limit` tasks matched. */
  moreTasksThan(limit: number): boolean;
  /** No mark is higher: looking further for a better one is wasted. */
  readonly ceiling: number;
}

/**
 * Matches from a list of hits, worked out whole: for a search that found few items. Kept by
 * project (10,000 at most, not an array as long as the items each keystroke): a task's own
 * mark is looked up among the hits, and only an open project's tasks ask for theirs.
 */
class HitMatches implements Matches {
  readonly ceiling: number;
  /** The hits, ascending, and their marks. */
  readonly #hits: Int32Array;
  readonly #marks: Uint8Array;
  readonly #projectCount: number;
  readonly #tasks: number;
  /** By project: its own mark; how many of its tasks matched, all and open ones; the best mark among those. */
  readonly #own: Uint8Array;
  readonly #count: Int32Array;
  readonly #countOpen: Int32Array;
  readonly #best: Uint8Array;
  readonly #bestOpen: Uint8Array;

  constructor(
    view: Pick<DataView, 'projects' | 'tasks'>,
    prepared: PreparedView,
    hits: ArrayLike<number>,
    grades: ArrayLike<number> | undefined,
    taskCount: number | undefined,
  ) {
    const projectCount = view.projects.length;
    this.#projectCount = projectCount;
    const order = ascending(hits);
    const count = hits.length;
    // Locals, not fields, in the loops: they run once per hit.
    const sorted = new Int32Array(count);
    const marks = new Uint8Array(count);
    for (let found = 0; found < count; found++) {
      const from = order ? (order[found] ?? 0) : found;
      sorted[found] = hits[from] ?? 0;
      marks[found] = Math.min(255, 1 + (grades?.[from] ?? 0));
    }
    const own = new Uint8Array(projectCount);
    const all = new Int32Array(projectCount);
    const open = new Int32Array(projectCount);
    const best = new Uint8Array(projectCount);
    const bestOpen = new Uint8Array(projectCount);
    const { owner: owners, taskOpenAt } = prepared;
    let tasks = 0;
    let ceiling = 0;
    for (let found = 0; found < count; found++) {
      const at = sorted[found] ?? 0;
      const mark = marks[found] ?? 0;
      if (mark > ceiling) ceiling = mark;
      if (at < projectCount) {
        own[at] = mark;
        continue;
      }
      tasks++;
      const owner = owners[at - projectCount] ?? -1;
      if (owner < 0) continue;
      all[owner] = (all[owner] ?? 0) + 1;
      if (mark > (best[owner] ?? 0)) best[owner] = mark;
      if (taskOpenAt[at - projectCount] !== 1) continue;
      open[owner] = (open[owner] ?? 0) + 1;
      if (mark > (bestOpen[owner] ?? 0)) bestOpen[owner] = mark;
    }
    this.#hits = sorted;
    this.#marks = marks;
    this.#own = own;
    this.#count = all;
    this.#countOpen = open;
    this.#best = best;
    this.#bestOpen = bestOpen;
    this.#tasks = taskCount ?? tasks;
    this.ceiling = ceiling;
  }

  mark(at: number): number {
    if (at < this.#projectCount) return this.#own[at] ?? 0;
    const hits = this.#hits;
    let low = 0;
    let high = hits.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = hits[middle] ?? 0;
      if (value === at) return this.#marks[middle] ?? 0;
      if (value < at) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  hasTask(project: number, done: boolean): boolean {
    return this.taskCount(project, done) > 0;
  }

  taskCount(project: number, done: boolean): number {
    return (done ? this.#count : this.#countOpen)[project] ?? 0;
  }

  bestTask(project: number, done: boolean): number {
    return (done ? this.#best : this.#bestOpen)[project] ?? 0;
  }

  moreTasksThan(limit: number): boolean {
    return this.#tasks > limit;
  }
}

/** The places of `values` in ascending order of value; null when they are in order already (a search's hits are). */
function ascending(values: ArrayLike<number>): number[] | null {
  for (let at = 1; at < values.length; at++) {
    if ((values[at - 1] ?? 0) < (values[at] ?? 0)) continue;
    return Array.from({ length: values.length }, (_, place) => place).sort(
      (a, b) => (values[a] ?? 0) - (values[b] ?? 0),
    );
  }
  return null;
}

/** Matches from a search's hits (and how well each matched): each hit marked, and each matching task's project. */
export function collectMatches(
  view: Pick<DataView, 'projects' | 'tasks'>,
  prepared: PreparedView,
  hits: ArrayLike<number>,
  grades?: ArrayLike<number>,
): Matches {
  return new HitMatches(view, prepared, hits, grades, undefined);
}

/** Matches from ids (tests, and anything that holds ids rather than hits), each graded `grade`. */
export function matchesOf(
  view: DataView,
  projectIds: ReadonlySet<number>,
  taskIds: ReadonlySet<number>,
  grade: (id: number) => number = () => 0,
): Matches {
  const hits: number[] = [];
  const grades: number[] = [];
  const add = (at: number, id: number) => (hits.push(at), grades.push(grade(id)));
  view.projects.forEach((project, at) => projectIds.has(project.id) && add(at, project.id));
  view.tasks.forEach((task, at) => taskIds.has(task.id) && add(view.projects.length + at, task.id));
  // Ids that are not in the view count too (a test may say "1,001 tasks match" with a few listed).
  return new HitMatches(view, prepareView(view), hits, grades, taskIds.size);
}
