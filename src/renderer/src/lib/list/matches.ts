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
  /** The best mark among the project's matching tasks (open ones only unless `done`); 0 for none. */
  bestTask(project: number, done: boolean): number;
  /** Whether more than `limit` tasks matched. */
  moreTasksThan(limit: number): boolean;
  /** No mark is higher: looking further for a better one is wasted. */
  readonly ceiling: number;
}

/** Matches from a list of hits, worked out whole: for a search that found few items. */
class HitMatches implements Matches {
  readonly ceiling: number;
  readonly #hit: Uint8Array;
  readonly #tasks: number;
  /** By project: 1 when one of its tasks matched, 2 when an open one did. */
  readonly #owners: Uint8Array;
  /** By project: the best `hit` among its matching tasks, and among its open ones. */
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
    this.#hit = new Uint8Array(projectCount + view.tasks.length);
    this.#owners = new Uint8Array(projectCount);
    this.#best = new Uint8Array(projectCount);
    this.#bestOpen = new Uint8Array(projectCount);
    let tasks = 0;
    let ceiling = 0;
    for (let found = 0; found < hits.length; found++) {
      const at = hits[found] ?? 0;
      const mark = Math.min(255, 1 + (grades?.[found] ?? 0));
      ceiling = Math.max(ceiling, mark);
      this.#hit[at] = mark;
      if (at < projectCount) continue;
      tasks++;
      const owner = prepared.owner[at - projectCount] ?? -1;
      if (owner < 0) continue;
      const open = prepared.taskOpenAt[at - projectCount] === 1;
      this.#owners[owner] = (this.#owners[owner] ?? 0) | (open ? 3 : 1);
      if (mark > (this.#best[owner] ?? 0)) this.#best[owner] = mark;
      if (open && mark > (this.#bestOpen[owner] ?? 0)) this.#bestOpen[owner] = mark;
    }
    this.#tasks = taskCount ?? tasks;
    this.ceiling = ceiling;
  }

  mark(at: number): number {
    return this.#hit[at] ?? 0;
  }

  hasTask(project: number, done: boolean): boolean {
    return ((this.#owners[project] ?? 0) & (done ? 1 : 2)) !== 0;
  }

  bestTask(project: number, done: boolean): number {
    return (done ? this.#best : this.#bestOpen)[project] ?? 0;
  }

  moreTasksThan(limit: number): boolean {
    return this.#tasks > limit;
  }
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
