import { collectMatches, type Matches } from './matches';
import type { Query } from './search';
import type { ProjectWords, TaskWords } from './task-words';
import type { PreparedView } from './tree';
import { keepShape } from '../../../../shared/keep-shape';

/**
 * Matches of a wide query (a letter or two, found in most names), worked out as the tree asks:
 * an item is scored when it is first asked about, a project's tasks are read only as far as
 * the answer needs (the first match says "has a task"; a match as good as the query's
 * ceiling ends the search for the best), and the count of matching tasks stops past its limit.
 * A one-word query does not read the tasks at all: their names' words, listed per project
 * (task-words.ts), say whether one matches and how well. So a keystroke's work follows the
 * projects and the rows the tree needs, not the 110,000 items.
 */
class QueryMatches implements Matches {
  readonly ceiling: number;
  readonly #query: Query;
  readonly #prepared: PreparedView;
  readonly #projectCount: number;
  readonly #itemCount: number;
  /**
   * By project, three to a project: its own mark, the best mark of its matching tasks (all, then
   * open ones), each 0 while not worked out, else 1 + the mark (255: too high to keep, asked
   * again). Tasks are not kept: a task is asked about once or twice, and an array as long as
   * the items costs a keystroke more in new pages of memory than scoring them again.
   */
  readonly #known: Uint8Array;
  /** Per token, the best grade among the names of the project whose tasks are being read. */
  readonly #context: Uint8Array;
  /** A one-word query's grade for each dictionary word, with the words of each project's tasks; else null. */
  readonly #byWords: { grades: Uint8Array; words: TaskWords } | null;
  /** Tasks found matching so far, counting in view order, and where the count stopped. */
  #tasksCounted = 0;
  #countedTo: number;

  constructor(prepared: PreparedView, query: Query, words: TaskWords | undefined) {
    this.#query = query;
    this.#prepared = prepared;
    this.ceiling = query.ceiling;
    this.#projectCount = prepared.openTasks.length;
    this.#itemCount = prepared.openTasks.length + prepared.owner.length;
    this.#countedTo = this.#projectCount;
    this.#known = new Uint8Array(3 * this.#projectCount);
    this.#context = new Uint8Array(query.tokenCount);
    const grades = query.tokenCount === 1 ? query.wordGrades(0) : null;
    this.#byWords = grades && words ? { grades, words } : null;
    keepShape(this);
  }

  mark(at: number): number {
    if (at >= this.#projectCount) return this.#query.mark(at);
    const known = this.#known[3 * at] ?? 0;
    if (known !== 0 && known !== 255) return known - 1;
    const mark = this.#query.mark(at);
    this.#known[3 * at] = Math.min(255, mark + 1);
    return mark;
  }

  /** The best task's mark kept for `project` (all or open tasks), or -1. */
  #keptBest(project: number, done: boolean): number {
    const known = this.#known[3 * project + (done ? 1 : 2)] ?? 0;
    return known !== 0 && known !== 255 ? known - 1 : -1;
  }

  #keepBest(project: number, done: boolean, best: number): number {
    this.#known[3 * project + (done ? 1 : 2)] = Math.min(255, best + 1);
    return best;
  }

  /**
   * Starts reading a project's tasks: its names are graded once, and each task is then scored
   * from its own name (Query.scoreOwn).
   */
  #readTasks(project: number): void {
    this.#query.contextGrades(project, this.#context);
  }

  /** The mark of a task of the project `#readTasks` started. */
  #taskMark(at: number): number {
    return Math.min(255, 1 + this.#query.scoreOwn(at, this.#context));
  }

  /** Whether the task (its place in the view) shows: open, or done ones asked for. */
  #counts(at: number, done: boolean): boolean {
    return done || this.#prepared.taskOpenAt[at - this.#projectCount] === 1;
  }

  hasTask(project: number, done: boolean): boolean {
    const best = this.#keptBest(project, done);
    if (best >= 0) return best > 0;
    if (this.#byWords) return this.bestTask(project, done) > 0;
    const { taskStart, taskAt } = this.#prepared;
    const to = taskStart[project + 1] ?? 0;
    this.#readTasks(project);
    for (let task = taskStart[project] ?? 0; task < to; task++) {
      const at = taskAt[task] ?? 0;
      if (this.#counts(at, done) && this.#taskMark(at) > 0) return true;
    }
    this.#keepBest(project, done, 0);
    return false;
  }

  taskCount(project: number, done: boolean): number {
    const { taskStart, taskAt } = this.#prepared;
    const to = taskStart[project + 1] ?? 0;
    let count = 0;
    this.#readTasks(project);
    for (let task = taskStart[project] ?? 0; task < to; task++) {
      const at = taskAt[task] ?? 0;
      if (this.#counts(at, done) && this.#taskMark(at) > 0) count++;
    }
    return count;
  }

  bestTask(project: number, done: boolean): number {
    const kept = this.#keptBest(project, done);
    if (kept >= 0) return kept;
    this.#readTasks(project);
    if (this.#byWords) return this.#keepBest(project, done, this.#bestByWords(project, done, this.#byWords));
    const { taskStart, taskAt } = this.#prepared;
    const to = taskStart[project + 1] ?? 0;
    let best = 0;
    for (let task = taskStart[project] ?? 0; task < to && best < this.ceiling; task++) {
      const at = taskAt[task] ?? 0;
      if (this.#counts(at, done)) best = Math.max(best, this.#taskMark(at));
    }
    return this.#keepBest(project, done, best);
  }

  /**
   * A one-word query's best task, from its words: every shown task matches when the project's
   * own names do (as well as they do, at least), and a task's grade is its best word's.
   */
  #bestByWords(project: number, done: boolean, { grades, words }: { grades: Uint8Array; words: TaskWords }): number {
    const { taskStart, openTasks } = this.#prepared;
    const tasks = done ? (taskStart[project + 1] ?? 0) - (taskStart[project] ?? 0) : (openTasks[project] ?? 0);
    if (tasks === 0) return 0;
    const list: ProjectWords = done ? words.all : words.open;
    let best = this.#context[0] ?? 0;
    const to = list.start[project + 1] ?? 0;
    for (let at = list.start[project] ?? 0; at < to && best < this.ceiling; at++)
      best = Math.max(best, grades[list.words[at] ?? 0] ?? 0);
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
 * What `query` finds in the prepared view. A narrow query (one of its tokens lists few items)
 * is worked out whole from those; a wide one as the tree asks. It takes no view object: the
 * idle warm-up (warm-up.ts) and the list call it with the same arguments, so V8's code compiled
 * during the warm-up still fits the first real key (an object of another shape would discard it).
 */
export function matchesFor(prepared: PreparedView, query: Query, words?: TaskWords): Matches {
  const hits = query.hits();
  return hits ? collectMatches(prepared, hits.items, hits.scores) : new QueryMatches(prepared, query, words);
}
