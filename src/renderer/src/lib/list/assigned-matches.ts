import type { DataView } from '../../../../shared/entities';
import type { Matches } from './matches';
import type { PreparedView } from './tree';
import { keepShape } from '../../../../shared/keep-shape';

/** Made per list (its prepared tree) and user: the idle warm-up makes it, so ticking the box does not. */
const made = new WeakMap<PreparedView, { me: number; tasks: AssignedTasks }>();

/** The tasks assigned to `me` in a list, grouped for the tree. */
export function tasksOf(view: Pick<DataView, 'projects' | 'tasks'>, prepared: PreparedView, me: number): AssignedTasks {
  const kept = made.get(prepared);
  if (kept?.me === me) return kept.tasks;
  const mine: number[] = [];
  const { projects, tasks } = view;
  for (let at = 0; at < tasks.length; at++) if (tasks[at]?.assigneeId === me) mine.push(projects.length + at);
  const grouped = new AssignedTasks(prepared, projects.length, mine);
  made.set(prepared, { me, tasks: grouped });
  return grouped;
}

/**
 * The user's tasks grouped by project, made once per list (not per keystroke): places in the
 * view (as Matches counts them), each project's ascending, as one stretch.
 */
export class AssignedTasks {
  readonly projectCount: number;
  readonly taskOpenAt: Uint8Array;
  readonly owners: Int32Array;
  readonly mine: Int32Array;
  /** By project (its place in the view): its share of `mine`, as [from[p], from[p + 1]). */
  readonly from: Int32Array;
  /** By project: its place among the projects that hold some of `mine`, or -1 for one that holds none. */
  readonly slot: Int32Array;
  /** How many projects hold some of `mine`. */
  readonly slots: number;

  /** `mine`: the user's tasks, ascending. */
  constructor(prepared: PreparedView, projectCount: number, mine: ArrayLike<number>) {
    this.projectCount = projectCount;
    this.taskOpenAt = prepared.taskOpenAt;
    this.owners = prepared.owner;
    // Counted by project, then placed: one pass each, ascending within a project.
    const from = new Int32Array(projectCount + 1);
    const owner = (item: number) => prepared.owner[item - projectCount] ?? -1;
    for (let at = 0; at < mine.length; at++) {
      const project = owner(mine[at] ?? 0);
      if (project >= 0) from[project + 1] = (from[project + 1] ?? 0) + 1;
    }
    for (let project = 0; project < projectCount; project++)
      from[project + 1] = (from[project + 1] ?? 0) + (from[project] ?? 0);
    const next = from.slice(0, projectCount);
    const grouped = new Int32Array(from[projectCount] ?? 0);
    for (let at = 0; at < mine.length; at++) {
      const item = mine[at] ?? 0;
      const project = owner(item);
      if (project < 0) continue;
      const slot = next[project] ?? 0;
      grouped[slot] = item;
      next[project] = slot + 1;
    }
    this.mine = grouped;
    this.from = from;
    // A keystroke's cache is as long as the projects that hold the user's tasks (a quarter of them in bench:ui's account), not all of them.
    this.slot = new Int32Array(projectCount).fill(-1);
    let slots = 0;
    for (let project = 0; project < projectCount; project++)
      if ((from[project + 1] ?? 0) > (from[project] ?? 0)) this.slot[project] = slots++;
    this.slots = slots;
    keepShape(this);
  }
}

/**
 * "Assigned to me" as the tree asks for it: only the user's tasks show, each under its project
 * (a project's own name never shows it by itself), and a search looks among them. Each answer
 * walks the project's share of the user's tasks once (kept), stopping where it may.
 */
export class AssignedMatches implements Matches {
  readonly ceiling: number;
  readonly #inner: Matches | undefined;
  readonly #tasks: AssignedTasks;
  /** By project that holds some of the user's tasks (AssignedTasks.slot), two to one (all, open only): the best mark, -1 until asked. */
  readonly #best: Int16Array;
  #found: number | undefined;

  constructor(tasks: AssignedTasks, inner: Matches | undefined) {
    this.#tasks = tasks;
    this.#inner = inner;
    this.ceiling = inner?.ceiling ?? 1;
    this.#best = new Int16Array(2 * tasks.slots).fill(-1);
    keepShape(this);
  }

  #markOf(item: number): number {
    return this.#inner ? this.#inner.mark(item) : 1;
  }

  mark(at: number): number {
    const { projectCount, owners, mine, from } = this.#tasks;
    if (at < projectCount) return 0;
    const project = owners[at - projectCount] ?? -1;
    if (project < 0) return 0;
    // The project's stretch is ascending: halved until found.
    let low = from[project] ?? 0;
    let high = (from[project + 1] ?? 0) - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = mine[middle] ?? 0;
      if (value === at) return this.#markOf(at);
      if (value < at) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  /** Whether a task shows: open unless `done`. */
  #shows(item: number, done: boolean): boolean {
    return done || this.#tasks.taskOpenAt[item - this.#tasks.projectCount] === 1;
  }

  hasTask(project: number, done: boolean): boolean {
    const slot = this.#slotOf(project, done);
    if (slot < 0) return false;
    const known = this.#best[slot] ?? -1;
    if (known >= 0) return known > 0;
    const { mine, from } = this.#tasks;
    for (let index = from[project] ?? 0; index < (from[project + 1] ?? 0); index++) {
      const item = mine[index] ?? 0;
      if (this.#shows(item, done) && this.#markOf(item) > 0) return true;
    }
    this.#best[slot] = 0;
    return false;
  }

  /** Where the project's best mark is kept, or -1 for a project that holds none of the user's tasks. */
  #slotOf(project: number, done: boolean): number {
    const slot = this.#tasks.slot[project] ?? -1;
    return slot < 0 ? -1 : 2 * slot + (done ? 0 : 1);
  }

  taskCount(project: number, done: boolean): number {
    const { mine, from } = this.#tasks;
    let count = 0;
    for (let index = from[project] ?? 0; index < (from[project + 1] ?? 0); index++) {
      const item = mine[index] ?? 0;
      if (this.#shows(item, done) && this.#markOf(item) > 0) count++;
    }
    return count;
  }

  bestTask(project: number, done: boolean): number {
    const slot = this.#slotOf(project, done);
    if (slot < 0) return 0;
    let best = this.#best[slot] ?? -1;
    if (best < 0) {
      best = 0;
      const { mine, from } = this.#tasks;
      for (let index = from[project] ?? 0; index < (from[project + 1] ?? 0); index++) {
        const item = mine[index] ?? 0;
        if (this.#shows(item, done)) best = Math.max(best, this.#markOf(item));
        if (best >= this.ceiling) break;
      }
      this.#best[slot] = best;
    }
    return best;
  }

  moreTasksThan(limit: number): boolean {
    if (this.#found !== undefined) return this.#found > limit;
    let found = 0;
    // Indexed, not for…of: a typed array's iterator made an object per item until compiled.
    const { mine } = this.#tasks;
    for (let at = 0; at < mine.length; at++) {
      if (this.#markOf(mine[at] ?? 0) > 0) found++;
      // Past the limit is all a caller asks: the count stops there (and is kept only when whole).
      if (found > limit) return true;
    }
    this.#found = found;
    return false;
  }
}
