import type { Matches } from './matches';
import { byRank } from './rank-order';
import type { PreparedView, TreeOptions, WorkspaceTree } from './tree';
import { keepShape } from '../../../../shared/keep-shape';

/**
 * A client's projects in one workspace as the filters and the search leave them: its header,
 * then each project followed by its tasks when it is open.
 */
export interface Group {
  layout: TreeLayout;
  /** Its projects' places in the tree, in the tree's order: its stretch of the tree's shown places. */
  places: Int32Array;
  client: string | null;
  /** False when the group before it (a client spelled the same) already said whose they are. */
  header: boolean;
  /** Rows of its projects and their tasks, its header not counted. */
  body: number;
  /** Its best project's rank (with a search). */
  rank: number;
  /** Where its first row is in the list. */
  start: number;
  /** Its places, best first, and where each one's row is from the group's first: worked out when first asked for. */
  order?: Int32Array;
  offsets?: Int32Array;
}

/** What every workspace's layout of one list shares. */
export interface LayoutContext {
  prepared: PreparedView;
  options: TreeOptions;
  matches: Matches | undefined;
  /** A search that found few tasks opens each project it found tasks of. */
  autoExpand: boolean;
  projectCount: number;
}

const SHOWN = 1;
const TASKS_KNOWN = 2;
const HAS_TASKS = 4;
const RANK_KNOWN = 8;

/**
 * The shown places while a layout is made, kept between layouts (each takes a copy as long as
 * what it shows): a keystroke's buffers count against the page's memory until a full
 * collection, which costs a key 10–30 ms; a copy of the few projects a search shows costs little.
 */
let shownScratch = new Int32Array(0);

/**
 * One workspace's projects as a list shows them: which show and in which groups, with the rows
 * each takes, counted when it is made; a group's order, a project's rank and an open
 * project's tasks worked out when first asked for.
 */
export class TreeLayout {
  readonly wid: number;
  readonly tree: WorkspaceTree;
  /** Its groups in tree order. */
  readonly groups: Group[];
  /** The places of the projects that show, in the tree's order (its groups are stretches of it). */
  readonly #shown: Int32Array;
  /**
   * Per project: SHOWN when it shows; TASKS_KNOWN once whether one of its tasks shows is known,
   * and HAS_TASKS when one does; RANK_KNOWN once `#rank` holds its rank.
   */
  readonly #flags: Uint8Array;
  /** Per project: its rank (its mark or its best task's, whichever is higher, at most 255), once RANK_KNOWN. */
  readonly #rank: Uint8Array;
  /** Where each group starts in the tree, made when a row is first looked for by key. */
  #groupFrom: Int32Array | undefined;
  /** Open projects' shown tasks (places in the view), best first, as they are asked for. */
  readonly #tasks = new Map<number, Int32Array>();
  readonly #context: LayoutContext;

  constructor(wid: number, tree: WorkspaceTree, context: LayoutContext) {
    this.wid = wid;
    this.tree = tree;
    this.#context = context;
    const count = tree.projects.length;
    // One buffer for the two, made on every key: each buffer is one more for the collector to sweep.
    const buffer = new ArrayBuffer(2 * count);
    this.#flags = new Uint8Array(buffer, 0, count);
    this.#rank = new Uint8Array(buffer, count, count);
    if (shownScratch.length < count) shownScratch = new Int32Array(count);
    const shown = shownScratch;
    const { matches, options, autoExpand } = context;
    const { active, client, projectAt } = tree;
    const opens = options.expanded.size > 0 || autoExpand;
    // Groups are stretches of `#shown`, [from, to): their places are views of it once it is full.
    const stretches: { from: number; to: number; client: string | null; body: number }[] = [];
    let stretch: (typeof stretches)[number] | undefined;
    let groupClient = -1;
    let listed = 0;
    for (let place = 0; place < count; place++) {
      if (!options.showArchived && active[place] === 0) continue;
      if (matches && matches.mark(projectAt[place] ?? 0) === 0 && !this.hasTasks(place)) continue;
      this.#flags[place] = (this.#flags[place] ?? 0) | SHOWN;
      if (!stretch || client[place] !== groupClient) {
        groupClient = client[place] ?? -1;
        stretch = { from: listed, to: listed, client: tree.projects[place]?.clientName ?? null, body: 0 };
        stretches.push(stretch);
      }
      shown[listed++] = place;
      stretch.to = listed;
      stretch.body += 1 + (opens && this.expanded(place) ? this.taskCount(place) : 0);
    }
    this.#shown = shown.slice(0, listed);
    this.groups = stretches.map(({ from, to, client: name, body }) => ({
      layout: this,
      places: this.#shown.subarray(from, to),
      client: name,
      header: true,
      body,
      rank: 0,
      start: 0,
    }));
    keepShape(this);
  }

  shows(place: number): boolean {
    return ((this.#flags[place] ?? 0) & SHOWN) !== 0;
  }

  /** Whether one of the project's tasks shows: open (or done ones asked for) and, with a search, found. */
  hasTasks(place: number): boolean {
    let known = this.#flags[place] ?? 0;
    if ((known & TASKS_KNOWN) === 0) {
      const { matches, options, prepared } = this.#context;
      const { tree } = this;
      const at = tree.projectAt[place] ?? 0;
      const { taskStart } = prepared;
      const shows = matches
        ? matches.hasTask(at, options.showDone)
        : options.showDone
          ? (taskStart[at + 1] ?? 0) > (taskStart[at] ?? 0)
          : (tree.openCount[place] ?? 0) > 0;
      known |= TASKS_KNOWN | (shows ? HAS_TASKS : 0);
      this.#flags[place] = known;
    }
    return (known & HAS_TASKS) !== 0;
  }

  expanded(place: number): boolean {
    const id = this.tree.projects[place]?.id ?? 0;
    return this.#context.options.expanded.has(id) || (this.#context.autoExpand && this.hasTasks(place));
  }

  /** How many of a project's tasks show. */
  taskCount(place: number): number {
    const at = this.tree.projectAt[place] ?? 0;
    const { matches, options, prepared } = this.#context;
    if (matches) return matches.taskCount(at, options.showDone);
    const { taskStart } = prepared;
    return options.showDone ? (taskStart[at + 1] ?? 0) - (taskStart[at] ?? 0) : (this.tree.openCount[place] ?? 0);
  }

  /** A project's rank: its own mark or its best shown task's, whichever is higher. */
  rank(place: number): number {
    const { matches, options } = this.#context;
    if (!matches) return 0;
    const flags = this.#flags[place] ?? 0;
    if ((flags & RANK_KNOWN) !== 0) return this.#rank[place] ?? 0;
    const at = this.tree.projectAt[place] ?? 0;
    const own = matches.mark(at);
    const rank = own >= matches.ceiling ? own : Math.max(own, matches.bestTask(at, options.showDone));
    this.#rank[place] = rank;
    this.#flags[place] = flags | RANK_KNOWN;
    return rank;
  }

  /** The best rank in a group: it stops at the first project as good as the search can be. */
  groupRank(group: Group): number {
    const ceiling = this.#context.matches?.ceiling ?? 0;
    let best = 0;
    const { places } = group;
    for (let at = 0; at < places.length; at++) {
      best = Math.max(best, this.rank(places[at] ?? 0));
      if (best >= ceiling) break;
    }
    return best;
  }

  /** The shown tasks of an open project (places in the view), best first. */
  tasks(place: number): Int32Array {
    let tasks = this.#tasks.get(place);
    if (!tasks) {
      const { matches, options, prepared, projectCount } = this.#context;
      const { taskStart, taskAt, taskOpenAt } = prepared;
      const at = this.tree.projectAt[place] ?? 0;
      const shown: number[] = [];
      for (let task = taskStart[at] ?? 0; task < (taskStart[at + 1] ?? 0); task++) {
        const item = taskAt[task] ?? 0;
        if (!options.showDone && taskOpenAt[item - projectCount] !== 1) continue;
        if (matches && matches.mark(item) === 0) continue;
        shown.push(item);
      }
      tasks = matches ? byRank(shown, (item) => matches.mark(item)) : Int32Array.from(shown);
      this.#tasks.set(place, tasks);
    }
    return tasks;
  }

  /** The group's projects in order, and where each one's row is from the group's first row. */
  order(group: Group): { order: Int32Array; offsets: Int32Array } {
    if (!group.order || !group.offsets) {
      const { places } = group;
      const order = this.#context.matches ? byRank(places, (place) => this.rank(place)) : places;
      const offsets = new Int32Array(order.length + 1);
      let row = group.header ? 1 : 0;
      order.forEach((place, at) => {
        offsets[at] = row;
        row += 1 + (this.expanded(place) ? this.taskCount(place) : 0);
      });
      offsets[order.length] = row;
      group.order = order;
      group.offsets = offsets;
    }
    return { order: group.order, offsets: group.offsets };
  }

  /** The group a shown project is in. */
  groupOf(place: number): Group | undefined {
    this.#groupFrom ??= Int32Array.from(this.groups, (group) => group.places[0] ?? 0);
    return this.groups[lastAtMost(this.#groupFrom, place)];
  }
}

/** The last index in `sorted` (ascending) whose value is at most `value`. */
export function lastAtMost(sorted: ArrayLike<number>, value: number, length = sorted.length): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((sorted[middle] ?? 0) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
