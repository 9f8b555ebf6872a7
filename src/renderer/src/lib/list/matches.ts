import type { DataView } from '../../../../shared/entities';
import { prepareView, type PreparedView } from './tree';
import { keepShape } from '../../../../shared/keep-shape';

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
 * project (10,000 at most, not arrays as long as the items each keystroke: on a machine where
 * touching a new page of memory costs 10–15 µs, those cost more than the work): a task's
 * mark is looked up among the sorted hits, and tasks are counted only once a project opens.
 */
class HitMatches implements Matches {
  readonly ceiling: number;
  /** The hits, ascending, and how well each matched (a mark is 1 + that). */
  readonly #hits: Int32Array;
  readonly #grades: ArrayLike<number>;
  readonly #prepared: PreparedView;
  readonly #projectCount: number;
  readonly #tasks: number;
  /** By project, three to a project: its own mark, the best mark among its matching tasks, and among its open ones. */
  readonly #marks: Uint8Array;
  /**
   * By project, two to a project (2p: all, 2p + 1: open ones): how many of its tasks matched,
   * counted when a project is first opened. A map, not an array as long as the projects: only
   * open projects are counted, and each key's buffers count against the page's memory until a
   * full collection.
   */
  readonly #counts = new Map<number, number>();

  constructor(
    prepared: PreparedView,
    found: ArrayLike<number>,
    grades: ArrayLike<number> | undefined,
    taskCount: number | undefined,
  ) {
    const projectCount = prepared.openTasks.length;
    this.#prepared = prepared;
    this.#projectCount = projectCount;
    const sorted = ascending(found, grades);
    const hits = sorted.hits;
    this.#hits = hits;
    this.#grades = sorted.grades;
    // Locals, not fields, in the loop: it runs once per hit.
    const marks = new Uint8Array(3 * projectCount);
    const { owner: owners, taskOpenAt } = prepared;
    let tasks = 0;
    let ceiling = 0;
    for (let at = 0; at < hits.length; at++) {
      const item = hits[at] ?? 0;
      const mark = Math.min(255, 1 + (sorted.grades[at] ?? 0));
      if (mark > ceiling) ceiling = mark;
      if (item < projectCount) {
        marks[3 * item] = mark;
        continue;
      }
      tasks++;
      const owner = owners[item - projectCount] ?? -1;
      if (owner < 0) continue;
      if (mark > (marks[3 * owner + 1] ?? 0)) marks[3 * owner + 1] = mark;
      if (taskOpenAt[item - projectCount] === 1 && mark > (marks[3 * owner + 2] ?? 0)) marks[3 * owner + 2] = mark;
    }
    this.#marks = marks;
    this.#tasks = taskCount ?? tasks;
    this.ceiling = ceiling;
    keepShape(this);
  }

  mark(at: number): number {
    if (at < this.#projectCount) return this.#marks[3 * at] ?? 0;
    const hits = this.#hits;
    let low = 0;
    let high = hits.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = hits[middle] ?? 0;
      if (value === at) return Math.min(255, 1 + (this.#grades[middle] ?? 0));
      if (value < at) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  hasTask(project: number, done: boolean): boolean {
    return this.bestTask(project, done) > 0;
  }

  taskCount(project: number, done: boolean): number {
    const key = 2 * project + (done ? 0 : 1);
    let count = this.#counts.get(key);
    if (count === undefined) {
      count = this.bestTask(project, done) > 0 ? this.#countTasks(project, done) : 0;
      this.#counts.set(key, count);
    }
    return count;
  }

  /** The project's matching tasks, counted among its own: only open projects are asked, a few a key. */
  #countTasks(project: number, done: boolean): number {
    const { taskStart, taskAt, taskOpenAt } = this.#prepared;
    const projectCount = this.#projectCount;
    let count = 0;
    for (let task = taskStart[project] ?? 0; task < (taskStart[project + 1] ?? 0); task++) {
      const item = taskAt[task] ?? 0;
      if (!done && taskOpenAt[item - projectCount] !== 1) continue;
      if (this.mark(item) > 0) count++;
    }
    return count;
  }

  bestTask(project: number, done: boolean): number {
    return this.#marks[3 * project + (done ? 1 : 2)] ?? 0;
  }

  moreTasksThan(limit: number): boolean {
    return this.#tasks > limit;
  }
}

/** Hits in ascending order, with their grades beside them: as they are when they come from a search, else sorted. */
function ascending(
  hits: ArrayLike<number>,
  grades: ArrayLike<number> | undefined,
): { hits: Int32Array; grades: ArrayLike<number> } {
  let sorted = true;
  for (let at = 1; at < hits.length && sorted; at++) sorted = (hits[at - 1] ?? 0) < (hits[at] ?? 0);
  if (sorted && hits instanceof Int32Array) return { hits, grades: grades ?? new Uint8Array(hits.length) };
  const order = Array.from({ length: hits.length }, (_, at) => at);
  if (!sorted) order.sort((a, b) => (hits[a] ?? 0) - (hits[b] ?? 0));
  return {
    hits: Int32Array.from(order, (at) => hits[at] ?? 0),
    grades: Uint8Array.from(order, (at) => grades?.[at] ?? 0),
  };
}

/** Matches from a search's hits (and how well each matched): each hit marked, and each matching task's project. */
export function collectMatches(prepared: PreparedView, hits: ArrayLike<number>, grades?: ArrayLike<number>): Matches {
  return new HitMatches(prepared, hits, grades, undefined);
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
  return new HitMatches(prepareView(view), hits, grades, taskIds.size);
}
