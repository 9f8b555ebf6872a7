import type { DataView } from '../../../../shared/entities';
import { collectMatches, type Matches } from './matches';
import type { Query } from './search';
import type { PreparedView } from './tree';

/**
 * Matches of a wide query (a letter or two, found in most names), worked out as the tree asks:
 * an item is scored when it is first asked about, a project's tasks are read only as far as
 * the answer needs (the first match says "has a task"; a match as good as the query's
 * ceiling ends the search for the best), and the count of matching tasks stops past its limit.
 * So a keystroke's work follows the rows the tree needs, not the 110,000 items.
 */
class QueryMatches implements Matches {
  readonly ceiling: number;
  readonly #query: Query;
  readonly #prepared: PreparedView;
  readonly #projectCount: number;
  readonly #itemCount: number;
  /** By item: 0 while not scored, else 1 + its mark (255: a mark too high to keep, asked again). */
  readonly #marks: Uint8Array;
  /** By project: the best mark of its matching tasks, all and open ones; -1 while not worked out. */
  readonly #best: Int16Array;
  readonly #bestOpen: Int16Array;
  /** Tasks found matching so far, counting in view order, and where the count stopped. */
  #tasksCounted = 0;
  #countedTo: number;

  constructor(view: Pick<DataView, 'projects' | 'tasks'>, prepared: PreparedView, query: Query) {
    this.#query = query;
    this.#prepared = prepared;
    this.ceiling = query.ceiling;
    this.#projectCount = view.projects.length;
    this.#itemCount = view.projects.length + view.tasks.length;
    this.#countedTo = this.#projectCount;
    this.#marks = new Uint8Array(this.#itemCount);
    this.#best = new Int16Array(this.#projectCount).fill(-1);
    this.#bestOpen = new Int16Array(this.#projectCount).fill(-1);
  }

  mark(at: number): number {
    const known = this.#marks[at] ?? 0;
    if (known !== 0 && known !== 255) return known - 1;
    const mark = this.#query.mark(at);
    this.#marks[at] = Math.min(255, mark + 1);
    return mark;
  }

  /** Whether the task (its place in the view) shows: open, or done ones asked for. */
  #counts(at: number, done: boolean): boolean {
    return done || this.#prepared.taskOpenAt[at - this.#projectCount] === 1;
  }

  hasTask(project: number, done: boolean): boolean {
    const best = (done ? this.#best : this.#bestOpen)[project] ?? -1;
    if (best >= 0) return best > 0;
    const { taskStart, taskAt } = this.#prepared;
    const to = taskStart[project + 1] ?? 0;
    for (let task = taskStart[project] ?? 0; task < to; task++) {
      const at = taskAt[task] ?? 0;
      if (this.#counts(at, done) && this.mark(at) > 0) return true;
    }
    (done ? this.#best : this.#bestOpen)[project] = 0;
    return false;
  }

  taskCount(project: number, done: boolean): number {
    const { taskStart, taskAt } = this.#prepared;
    const to = taskStart[project + 1] ?? 0;
    let count = 0;
    for (let task = taskStart[project] ?? 0; task < to; task++) {
      const at = taskAt[task] ?? 0;
      if (this.#counts(at, done) && this.mark(at) > 0) count++;
    }
    return count;
  }

  bestTask(project: number, done: boolean): number {
    const known = done ? this.#best : this.#bestOpen;
    let best = known[project] ?? -1;
    if (best >= 0) return best;
    best = 0;
    const { taskStart, taskAt } = this.#prepared;
    const to = taskStart[project + 1] ?? 0;
    for (let task = taskStart[project] ?? 0; task < to && best < this.ceiling; task++) {
      const at = taskAt[task] ?? 0;
      if (this.#counts(at, done)) best = Math.max(best, this.mark(at));
    }
    known[project] = best;
    return best;
  }

  moreTasksThan(limit: number): boolean {
    while (this.#tasksCounted <= limit && this.#countedTo < this.#itemCount) {
      if (this.mark(this.#countedTo++) > 0) this.#tasksCounted++;
    }
    return this.#tasksCounted > limit;
  }
}

/**
 * What `query` finds in the view. A narrow query (one of its tokens lists few items) is worked
 * out whole from those; a wide one as the tree asks.
 */
export function matchesFor(view: Pick<DataView, 'projects' | 'tasks'>, prepared: PreparedView, query: Query): Matches {
  const { candidates } = query;
  if (!candidates) return new QueryMatches(view, prepared, query);
  // Typed arrays as long as the candidates: growing arrays item by item cost more than the scores.
  const hits = new Int32Array(candidates.length);
  const grades = new Uint8Array(candidates.length);
  let found = 0;
  for (const item of candidates) {
    const score = query.score(item);
    if (score < 0) continue;
    hits[found] = item;
    grades[found++] = score;
  }
  return collectMatches(view, prepared, hits.subarray(0, found), grades.subarray(0, found));
}
