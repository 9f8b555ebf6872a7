import type { Matches } from './matches';
import type { PreparedView } from './tree';

/**
 * "Assigned to me" as the tree asks for it: only the user's tasks show, each under its project
 * (a project's own name never shows it by itself), and a search looks among them. The user's
 * tasks are few next to the account's, so each answer walks its project's share of them.
 */
export class AssignedMatches implements Matches {
  readonly ceiling: number;
  readonly #inner: Matches | undefined;
  readonly #projectCount: number;
  readonly #taskOpenAt: Uint8Array;
  /** Each task's project, by place among the view's tasks (PreparedView.owner). */
  readonly #owners: Int32Array;
  /** The user's tasks (places in the view, as Matches counts them), ascending. */
  readonly #mine: Int32Array;
  /** By project (its place in the view): its share of `#mine`, as [from, to). */
  readonly #from: Int32Array;
  readonly #to: Int32Array;
  #found: number | undefined;

  constructor(prepared: PreparedView, projectCount: number, mine: Int32Array, inner: Matches | undefined) {
    this.#inner = inner;
    this.#projectCount = projectCount;
    this.#taskOpenAt = prepared.taskOpenAt;
    this.#owners = prepared.owner;
    this.ceiling = inner?.ceiling ?? 1;
    // Sorted by project, then place: each project's tasks are one stretch.
    const owner = (item: number) => prepared.owner[item - projectCount] ?? -1;
    this.#mine = Int32Array.from(mine).sort((a, b) => owner(a) - owner(b) || a - b);
    this.#from = new Int32Array(projectCount);
    this.#to = new Int32Array(projectCount);
    for (let at = this.#mine.length - 1; at >= 0; at--) {
      const project = owner(this.#mine[at] ?? 0);
      if (project < 0) continue;
      if (this.#to[project] === 0) this.#to[project] = at + 1;
      this.#from[project] = at;
    }
  }

  mark(at: number): number {
    if (at < this.#projectCount) return 0;
    const project = this.#owners[at - this.#projectCount] ?? -1;
    if (project < 0) return 0;
    // The project's stretch is ascending: halved until found.
    let low = this.#from[project] ?? 0;
    let high = (this.#to[project] ?? 0) - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.#mine[middle] ?? 0;
      if (value === at) return this.#inner ? this.#inner.mark(at) : 1;
      if (value < at) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  /** The marks of a project's tasks that show (open ones unless `done`), one call each. */
  #each(project: number, done: boolean, visit: (mark: number) => void): void {
    for (let index = this.#from[project] ?? 0; index < (this.#to[project] ?? 0); index++) {
      const item = this.#mine[index] ?? 0;
      if (!done && this.#taskOpenAt[item - this.#projectCount] !== 1) continue;
      const mark = this.#inner ? this.#inner.mark(item) : 1;
      if (mark > 0) visit(mark);
    }
  }

  hasTask(project: number, done: boolean): boolean {
    return this.bestTask(project, done) > 0;
  }

  taskCount(project: number, done: boolean): number {
    let count = 0;
    this.#each(project, done, () => count++);
    return count;
  }

  bestTask(project: number, done: boolean): number {
    let best = 0;
    this.#each(project, done, (mark) => (best = Math.max(best, mark)));
    return best;
  }

  moreTasksThan(limit: number): boolean {
    if (this.#found === undefined) {
      let found = 0;
      for (const item of this.#mine) if (!this.#inner || this.#inner.mark(item) > 0) found++;
      this.#found = found;
    }
    return this.#found > limit;
  }
}
