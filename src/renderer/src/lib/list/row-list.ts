import type { CachedWorkspace, DataView } from '../../../../shared/entities';
import type { Matches } from './matches';
import { byRank } from './rank-order';
import { headerRow, projectRow, taskRow } from './row-objects';
import {
  AUTO_EXPAND_LIMIT,
  collator,
  prepareView,
  type PreparedView,
  type Row,
  type TreeOptions,
  type WorkspaceTree,
} from './tree';

/**
 * A client's projects in one workspace as the filters and the search leave them: its header,
 * then each project followed by its tasks when it is open.
 */
interface Group {
  tree: TreeState;
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

/** A stretch of the list: a workspace's header, or a group. */
type Segment = { start: number; workspace: CachedWorkspace } | { start: number; group: Group };

/** What a keystroke knows about one workspace's projects, by place in its tree. */
interface TreeState {
  tree: WorkspaceTree;
  wid: number;
  /** The places of the projects that show, in the tree's order (its groups are stretches of it). */
  shown: Int32Array;
  /** Per project: SHOWN when it shows; TASKS_KNOWN once whether one of its tasks shows is known, and HAS_TASKS when one does. */
  flags: Uint8Array;
  /** Its rank (its mark or its best task's, whichever is higher): -1 while not asked. */
  rank: Int16Array;
  /** Its groups in tree order. */
  groups: Group[];
  /** Where each of its groups starts in the tree, made when a row is first looked for by key. */
  groupFrom?: Int32Array;
  /** Its open projects' shown tasks (places in the view), best first, as they are asked for. */
  tasks: Map<number, Int32Array>;
}

const SHOWN = 1;
const TASKS_KNOWN = 2;
const HAS_TASKS = 4;

/** What the list is made from. */
type ListedView = Pick<DataView, 'workspaces' | 'projects' | 'tasks'>;

/** Where a row is: enough to say its kind, or to make it. */
type Spot =
  | { kind: 'workspace'; workspace: CachedWorkspace }
  | { kind: 'client'; group: Group }
  | { kind: 'project'; group: Group; place: number }
  | { kind: 'task'; group: Group; place: number; at: number };

/** The last index in `sorted` (ascending) whose value is at most `value`. */
function lastAtMost(sorted: ArrayLike<number>, value: number, length = sorted.length): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((sorted[middle] ?? 0) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The rows to show, made as they are asked for: workspaces, then clients (no client last),
 * then projects, each followed by its tasks when expanded. Archived projects and done tasks
 * only when asked for. With a search, what matched best comes first at each level (exact and
 * prefix matches before the rest), the tree's order among equals.
 *
 * Making the list counts its rows (which projects show, how many tasks the open ones show)
 * and orders workspaces and groups; a group's projects are ordered, and a row object made,
 * only when one of its rows is asked for. So a keystroke costs the rows on screen, whatever
 * the search found.
 */
export class RowList implements Iterable<Row> {
  readonly length: number;
  /** Row objects handed out by `at`: what the list has shown (tests count it). */
  made = 0;
  readonly #view: ListedView;
  readonly #prepared: PreparedView;
  readonly #options: TreeOptions;
  readonly #matches: Matches | undefined;
  readonly #autoExpand: boolean;
  readonly #segments: Segment[];
  readonly #starts: Int32Array;
  readonly #trees = new Map<number, TreeState>();

  constructor(view: ListedView, prepared: PreparedView, options: TreeOptions) {
    this.#view = view;
    this.#prepared = prepared;
    this.#options = options;
    const matches = options.matches;
    this.#matches = matches;
    this.#autoExpand = matches !== undefined && !matches.moreTasksThan(AUTO_EXPAND_LIMIT);
    const chosen = view.workspaces
      .filter((workspace) => options.workspaceId === 'all' || workspace.id === options.workspaceId)
      .sort((a, b) => collator.compare(a.name, b.name));
    const blocks: { workspace: CachedWorkspace; groups: Group[] }[] = [];
    for (const workspace of chosen) {
      const tree = prepared.workspaces.get(workspace.id);
      if (!tree) continue;
      const state = this.#treeState(workspace.id, tree);
      if (state.groups.length === 0) continue;
      const groups = [...state.groups];
      if (matches) {
        for (const group of groups) group.rank = this.#groupRank(group);
        groups.sort((a, b) => b.rank - a.rank);
      }
      blocks.push({ workspace, groups });
    }
    if (matches) blocks.sort((a, b) => (b.groups[0]?.rank ?? 0) - (a.groups[0]?.rank ?? 0));

    this.#segments = [];
    let start = 0;
    for (const { workspace, groups } of blocks) {
      if (chosen.length > 1) this.#segments.push({ start: start++, workspace });
      let client: string | null | undefined;
      for (const group of groups) {
        group.header = group.client !== client;
        client = group.client;
        group.start = start;
        start += (group.header ? 1 : 0) + group.body;
        this.#segments.push({ start: group.start, group });
      }
    }
    this.length = start;
    this.#starts = Int32Array.from(this.#segments, (segment) => segment.start);
  }

  /** Which of the tree's projects show, in groups, with the rows each takes. */
  #treeState(wid: number, tree: WorkspaceTree): TreeState {
    const count = tree.projects.length;
    const state: TreeState = {
      tree,
      wid,
      shown: new Int32Array(count),
      flags: new Uint8Array(count),
      rank: new Int16Array(count).fill(-1),
      groups: [],
      tasks: new Map(),
    };
    this.#trees.set(wid, state);
    const matches = this.#matches;
    const { showArchived, expanded } = this.#options;
    const { active, client, projectAt } = tree;
    const opens = expanded.size > 0 || this.#autoExpand;
    // Groups are stretches of `shown`, [from, to): their places are views of it once it is full.
    const stretches: { from: number; to: number; client: string | null; body: number }[] = [];
    let stretch: (typeof stretches)[number] | undefined;
    let groupClient = -1;
    let listed = 0;
    for (let place = 0; place < count; place++) {
      if (!showArchived && active[place] === 0) continue;
      if (matches && matches.mark(projectAt[place] ?? 0) === 0 && !this.#hasTasks(state, place)) continue;
      state.flags[place] = (state.flags[place] ?? 0) | SHOWN;
      if (!stretch || client[place] !== groupClient) {
        groupClient = client[place] ?? -1;
        stretch = { from: listed, to: listed, client: tree.projects[place]?.clientName ?? null, body: 0 };
        stretches.push(stretch);
      }
      state.shown[listed++] = place;
      stretch.to = listed;
      stretch.body += 1 + (opens && this.#expanded(state, place) ? this.#taskCount(state, place) : 0);
    }
    state.groups = stretches.map(({ from, to, client: name, body }) => ({
      tree: state,
      places: state.shown.subarray(from, to),
      client: name,
      header: true,
      body,
      rank: 0,
      start: 0,
    }));
    return state;
  }

  #hasTasks(state: TreeState, place: number): boolean {
    let known = state.flags[place] ?? 0;
    if ((known & TASKS_KNOWN) === 0) {
      const { tree } = state;
      const matches = this.#matches;
      const { showDone } = this.#options;
      const at = tree.projectAt[place] ?? 0;
      const { taskStart } = this.#prepared;
      const shows = matches
        ? matches.hasTask(at, showDone)
        : showDone
          ? (taskStart[at + 1] ?? 0) > (taskStart[at] ?? 0)
          : (tree.openCount[place] ?? 0) > 0;
      known |= TASKS_KNOWN | (shows ? HAS_TASKS : 0);
      state.flags[place] = known;
    }
    return (known & HAS_TASKS) !== 0;
  }

  #expanded(state: TreeState, place: number): boolean {
    const id = state.tree.projects[place]?.id ?? 0;
    return this.#options.expanded.has(id) || (this.#autoExpand && this.#hasTasks(state, place));
  }

  /** A project's rank: its own mark or its best shown task's, whichever is higher. */
  #rank(state: TreeState, place: number): number {
    let rank = state.rank[place] ?? -1;
    const matches = this.#matches;
    if (rank < 0 && matches) {
      const at = state.tree.projectAt[place] ?? 0;
      const own = matches.mark(at);
      rank = own >= matches.ceiling ? own : Math.max(own, matches.bestTask(at, this.#options.showDone));
      state.rank[place] = rank;
    }
    return Math.max(0, rank);
  }

  #groupRank(group: Group): number {
    const ceiling = this.#matches?.ceiling ?? 0;
    let best = 0;
    for (const place of group.places) {
      best = Math.max(best, this.#rank(group.tree, place));
      if (best >= ceiling) break;
    }
    return best;
  }

  /** How many of a project's tasks show: open (or done ones asked for) and, with a search, found. */
  #taskCount(state: TreeState, place: number): number {
    const at = state.tree.projectAt[place] ?? 0;
    const { showDone } = this.#options;
    if (this.#matches) return this.#matches.taskCount(at, showDone);
    const { taskStart } = this.#prepared;
    return showDone ? (taskStart[at + 1] ?? 0) - (taskStart[at] ?? 0) : (state.tree.openCount[place] ?? 0);
  }

  /** The shown tasks of an expanded project (places in the view), best first. */
  #tasks(state: TreeState, place: number): Int32Array {
    let tasks = state.tasks.get(place);
    if (!tasks) {
      const { taskStart, taskAt, taskOpenAt } = this.#prepared;
      const { showDone } = this.#options;
      const matches = this.#matches;
      const projectCount = this.#view.projects.length;
      const at = state.tree.projectAt[place] ?? 0;
      const shown: number[] = [];
      for (let task = taskStart[at] ?? 0; task < (taskStart[at + 1] ?? 0); task++) {
        const item = taskAt[task] ?? 0;
        if (!showDone && taskOpenAt[item - projectCount] !== 1) continue;
        if (matches && matches.mark(item) === 0) continue;
        shown.push(item);
      }
      tasks = matches ? byRank(shown, (item) => matches.mark(item)) : Int32Array.from(shown);
      state.tasks.set(place, tasks);
    }
    return tasks;
  }

  /** The group's shown projects in order, and where each one's row is from the group's first row. */
  #layout(group: Group): { order: Int32Array; offsets: Int32Array } {
    if (!group.order || !group.offsets) {
      const state = group.tree;
      const { places } = group;
      const order = this.#matches ? byRank(places, (place) => this.#rank(state, place)) : places;
      const offsets = new Int32Array(order.length + 1);
      let row = group.header ? 1 : 0;
      order.forEach((place, at) => {
        offsets[at] = row;
        row += 1 + (this.#expanded(state, place) ? this.#taskCount(state, place) : 0);
      });
      offsets[order.length] = row;
      group.order = order;
      group.offsets = offsets;
    }
    return { order: group.order, offsets: group.offsets };
  }

  #spot(index: number): Spot | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const segment = this.#segments[lastAtMost(this.#starts, index)];
    if (!segment) return undefined;
    if ('workspace' in segment) return { kind: 'workspace', workspace: segment.workspace };
    const { group } = segment;
    const local = index - group.start;
    if (group.header && local === 0) return { kind: 'client', group };
    const { order, offsets } = this.#layout(group);
    const at = lastAtMost(offsets, local, order.length);
    const place = order[at] ?? 0;
    const within = local - (offsets[at] ?? 0);
    if (within === 0) return { kind: 'project', group, place };
    return { kind: 'task', group, place, at: this.#tasks(group.tree, place)[within - 1] ?? 0 };
  }

  /** The row at `index`, made now (or the one kept from before). */
  at(index: number): Row | undefined {
    const spot = this.#spot(index);
    if (!spot) return undefined;
    this.made++;
    if (spot.kind === 'workspace') return headerRow('workspace', `w:${spot.workspace.id}`, spot.workspace.name);
    const { tree: state } = spot.group;
    if (spot.kind === 'client') {
      const { client } = spot.group;
      return headerRow('client', `c:${state.wid}:${client ?? ''}`, client ?? 'No client');
    }
    const { place } = spot;
    if (spot.kind === 'project')
      return projectRow(state.tree, place, this.#expanded(state, place), this.#hasTasks(state, place));
    const project = state.tree.projects[place];
    const task = this.#view.tasks[spot.at - this.#view.projects.length];
    return project && task ? taskRow(task, project) : undefined;
  }

  /** The kind of the row at `index`, without making it (keyboard moves pass over headers). */
  kindAt(index: number): Row['kind'] | undefined {
    return this.#spot(index)?.kind;
  }

  /** Where the project or task with `key` ("p:12", "t:34") is listed, or -1 (headers are not looked for). */
  indexOf(key: string): number {
    const id = Number(key.slice(2));
    if (key.startsWith('p:')) return this.#projectIndex(this.#prepared.projectIndex.get(id) ?? -1);
    if (!key.startsWith('t:')) return -1;
    const at = this.#prepared.taskPosition(id);
    const owner = this.#prepared.owner[at - this.#view.projects.length] ?? -1;
    const row = at < 0 ? -1 : this.#projectIndex(owner);
    if (row < 0) return -1;
    const project = this.#view.projects[owner];
    const state = project && this.#trees.get(project.wid);
    const place = this.#prepared.placeAt[owner] ?? 0;
    if (!state || !this.#expanded(state, place)) return -1;
    const within = this.#tasks(state, place).indexOf(at);
    return within < 0 ? -1 : row + 1 + within;
  }

  #projectIndex(at: number): number {
    const project = this.#view.projects[at];
    const state = project && this.#trees.get(project.wid);
    const place = this.#prepared.placeAt[at] ?? 0;
    if (!state || ((state.flags[place] ?? 0) & SHOWN) === 0) return -1;
    state.groupFrom ??= Int32Array.from(state.groups, (item) => item.places[0] ?? 0);
    const group = state.groups[lastAtMost(state.groupFrom, place)];
    if (!group) return -1;
    const { order, offsets } = this.#layout(group);
    const within = order.indexOf(place);
    return within < 0 ? -1 : group.start + (offsets[within] ?? 0);
  }

  *[Symbol.iterator](): Iterator<Row> {
    for (let index = 0; index < this.length; index++) {
      const row = this.at(index);
      if (row) yield row;
    }
  }
}

const NOTHING: ListedView = { workspaces: [], projects: [], tasks: [] };

/** The list before there is a view. */
export const NO_ROWS = new RowList(NOTHING, prepareView(NOTHING), {
  workspaceId: 'all',
  showArchived: false,
  showDone: false,
  expanded: new Set(),
});

/** Every row at once (tests, and the first screen's check): the list asks for rows as it shows them instead. */
export function buildRows(view: ListedView, prepared: PreparedView, options: TreeOptions): Row[] {
  return [...new RowList(view, prepared, options)];
}
