import type { DataView } from '../../../../shared/entities';
import type { Matches } from './matches';

export type ViewProject = DataView['projects'][number];
export type ViewTask = DataView['tasks'][number];

export type Row =
  | { kind: 'workspace'; key: string; label: string }
  | { kind: 'client'; key: string; label: string }
  | { kind: 'project'; key: string; project: ViewProject; openTasks: number; expanded: boolean; hasTasks: boolean }
  | { kind: 'task'; key: string; task: ViewTask; project: ViewProject };

export interface TreeOptions {
  workspaceId: number | 'all';
  showArchived: boolean;
  showDone: boolean;
  expanded: ReadonlySet<number>;
  /**
   * With a search: projects whose own names matched, and matching tasks (whose projects
   * show, opened, when one of those tasks is shown).
   */
  matches?: Matches | undefined;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Above this many matching tasks, a search lists their projects closed (with counts) instead. */
export const AUTO_EXPAND_LIMIT = 1_000;

/** A workspace's projects in order, and for each its tasks: arrays side by side, cheap to scan per keystroke. */
export interface WorkspaceTree {
  /** Client by client (no client last), then by name. */
  projects: ViewProject[];
  /** Where each project is in the view (as Matches counts), and how many open tasks it has. */
  projectAt: Int32Array;
  openCount: Int32Array;
  /**
   * The tasks of project `place`, by name, are tasks[taskStart[place] … taskStart[place + 1]),
   * with where each is in the view (taskAt) and whether it is open (taskOpen) beside them.
   */
  taskStart: Int32Array;
  tasks: ViewTask[];
  taskAt: Int32Array;
  taskOpen: Uint8Array;
  /** Rows made for this tree's projects, kept from one build to the next (four shapes each). */
  projectRows: (ProjectRow | undefined)[];
}

/** What the tree needs from a view, computed once per view rather than per keystroke. */
export interface PreparedView {
  workspaces: Map<number, WorkspaceTree>;
  /** Each task's project, by place in the view (-1: its project is not listed). */
  owner: Int32Array;
  /** Whether each task is open, by place in the view. */
  taskOpenAt: Uint8Array;
  /** Each project's tasks, sorted by name. */
  tasks: Map<number, ViewTask[]>;
}

/**
 * Each distinct name's place in the collator's order: for names that repeat (a client on many
 * projects), sorting them once and comparing places gives the collator's order with a fraction
 * of its comparisons.
 */
function ranks(names: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(names)].sort((a, b) => collator.compare(a, b));
  const rank = new Map<string, number>();
  distinct.forEach((name, at) => {
    const previous = distinct[at - 1];
    // Names the collator calls equal share a place, so ties stay in their original order.
    rank.set(name, previous !== undefined && collator.compare(previous, name) === 0 ? (rank.get(previous) ?? at) : at);
  });
  return rank;
}

export function prepareView(view: Pick<DataView, 'projects' | 'tasks'>): PreparedView {
  const projectCount = view.projects.length;
  const byProject = new Map<number, number[]>();
  const openTasks = new Map<number, number>();
  view.tasks.forEach((task, at) => {
    const list = byProject.get(task.pid);
    if (list) list.push(at);
    else byProject.set(task.pid, [at]);
    if (task.active) openTasks.set(task.pid, (openTasks.get(task.pid) ?? 0) + 1);
  });
  const tasks = new Map<number, ViewTask[]>();
  for (const [pid, list] of byProject) {
    list.sort((a, b) => collator.compare(view.tasks[a]?.name ?? '', view.tasks[b]?.name ?? ''));
    tasks.set(
      pid,
      list.map((at) => view.tasks[at] as ViewTask),
    );
  }

  const projectIndex = new Map(view.projects.map((project, at) => [project.id, at]));
  const owner = Int32Array.from(view.tasks, (task) => projectIndex.get(task.pid) ?? -1);
  const taskOpenAt = Uint8Array.from(view.tasks, (task) => (task.active ? 1 : 0));
  // Clients repeat across projects: placed once, they are compared as numbers.
  const clientRank = ranks(
    view.projects.flatMap((project) => (project.clientName === null ? [] : [project.clientName])),
  );
  const clientKey = Float64Array.from(view.projects, (project) =>
    project.clientName === null ? Number.MAX_SAFE_INTEGER : (clientRank.get(project.clientName) ?? 0),
  );
  const byWorkspace = new Map<number, number[]>();
  view.projects.forEach((project, at) => {
    const list = byWorkspace.get(project.wid);
    if (list) list.push(at);
    else byWorkspace.set(project.wid, [at]);
  });
  const workspaces = new Map<number, WorkspaceTree>();
  for (const [wid, order] of byWorkspace) {
    order.sort(
      (i, j) =>
        (clientKey[i] ?? 0) - (clientKey[j] ?? 0) ||
        collator.compare(view.projects[i]?.name ?? '', view.projects[j]?.name ?? ''),
    );
    const projects = order.map((at) => view.projects[at] as ViewProject);
    const taskStart = new Int32Array(projects.length + 1);
    let total = 0;
    projects.forEach((project, place) => {
      taskStart[place] = total;
      total += byProject.get(project.id)?.length ?? 0;
    });
    taskStart[projects.length] = total;
    const listed: ViewTask[] = [];
    const taskAt = new Int32Array(total);
    const taskOpen = new Uint8Array(total);
    for (const project of projects) {
      for (const at of byProject.get(project.id) ?? []) {
        const task = view.tasks[at] as ViewTask;
        taskAt[listed.length] = projectCount + at;
        taskOpen[listed.length] = task.active ? 1 : 0;
        listed.push(task);
      }
    }
    const openCount = Int32Array.from(projects, (project) => openTasks.get(project.id) ?? 0);
    workspaces.set(wid, {
      projects,
      projectAt: Int32Array.from(order),
      openCount,
      taskStart,
      tasks: listed,
      taskAt,
      taskOpen,
      projectRows: new Array<ProjectRow | undefined>(projects.length * 4),
    });
  }
  return { workspaces, owner, taskOpenAt, tasks };
}

/** A project's task at `index` shows: open (or done ones asked for) and, with a search, a hit. */
function shows(
  index: number,
  open: Uint8Array,
  at: Int32Array,
  showDone: boolean,
  hit: Uint8Array | undefined,
): boolean {
  return (showDone || open[index] === 1) && (!hit || hit[at[index] ?? 0] !== 0);
}

type ProjectRow = Extract<Row, { kind: 'project' }>;
type TaskRow = Extract<Row, { kind: 'task' }>;

// Rows kept from one build to the next (a tree is made again when its items change, so a kept
// row is current): a keystroke that shows the same items hands the list the same objects, and
// nothing downstream has anything to redo. Projects' rows live in their tree's array (a
// WeakMap look-up per project cost a 10,000-project keystroke milliseconds).
const taskRows = new WeakMap<ViewTask, TaskRow>();

function projectRow(tree: WorkspaceTree, place: number, expanded: boolean, hasTasks: boolean): ProjectRow {
  const slot = place * 4 + (expanded ? 2 : 0) + (hasTasks ? 1 : 0);
  let row = tree.projectRows[slot];
  if (!row) {
    const project = tree.projects[place] as ViewProject;
    const openTasks = tree.openCount[place] ?? 0;
    row = { kind: 'project', key: `p:${project.id}`, project, openTasks, expanded, hasTasks };
    tree.projectRows[slot] = row;
  }
  return row;
}

function taskRow(task: ViewTask, project: ViewProject): TaskRow {
  let row = taskRows.get(task);
  if (row?.project !== project) {
    row = { kind: 'task', key: `t:${task.id}`, task, project };
    taskRows.set(task, row);
  }
  return row;
}

/** `items` by descending `rank`, ties in their order: a counting sort (ranks are small numbers). */
function byRank(items: number[], rank: (item: number) => number): number[] {
  const ranks = items.map(rank);
  const top = ranks.reduce((most, value) => Math.max(most, value), 0);
  if (ranks.every((value) => value === top)) return items;
  const buckets: number[][] = Array.from({ length: top + 1 }, () => []);
  items.forEach((item, at) => buckets[ranks[at] ?? 0]?.push(item));
  return buckets.reverse().flat();
}

/** Projects' places grouped by client as the tree has them: the best group first, the best first in each. */
function byClientRank(places: number[], tree: WorkspaceTree, rank: (place: number) => number): number[] {
  const groups: number[][] = [];
  let client: string | null | undefined;
  for (const place of places) {
    const name = tree.projects[place]?.clientName;
    if (groups.length === 0 || name !== client) groups.push([]);
    client = name;
    groups.at(-1)?.push(place);
  }
  const ranked = groups.map((group) => byRank(group, rank));
  return byRank(
    ranked.map((_, at) => at),
    (at) => rank(ranked[at]?.[0] ?? 0),
  ).flatMap((at) => ranked[at] ?? []);
}

/**
 * The rows to show: workspaces, then clients (no client last), then projects, each followed
 * by its tasks when expanded. Archived projects and done tasks only when asked for. With a
 * search, what matched best comes first at each level (exact and prefix matches before the
 * rest), the tree's order among equals.
 */
export function buildRows(view: DataView, prepared: PreparedView, options: TreeOptions): Row[] {
  const { matches, showDone, showArchived } = options;
  const hit = matches?.hit;
  const bestTask = showDone ? matches?.bestTask : matches?.bestOpenTask;
  const autoExpand = hit !== undefined && (matches?.tasks ?? 0) <= AUTO_EXPAND_LIMIT;
  const chosen = [...view.workspaces]
    .filter((workspace) => options.workspaceId === 'all' || workspace.id === options.workspaceId)
    .sort((a, b) => collator.compare(a.name, b.name));
  /** Whether any of a project's tasks shows, from counts and the search's marks, not by visiting them. */
  const hasTasks = (tree: WorkspaceTree, place: number): boolean =>
    matches
      ? ((matches.owners[tree.projectAt[place] ?? -1] ?? 0) & (showDone ? 1 : 2)) !== 0
      : showDone
        ? (tree.taskStart[place + 1] ?? 0) > (tree.taskStart[place] ?? 0)
        : (tree.openCount[place] ?? 0) > 0;
  const listed = chosen.flatMap((workspace) => {
    const tree = prepared.workspaces.get(workspace.id);
    if (!tree) return [];
    const places: number[] = [];
    for (let place = 0; place < tree.projects.length; place++) {
      if (!showArchived && !tree.projects[place]?.active) continue;
      if (hit && hit[tree.projectAt[place] ?? -1] === 0 && !hasTasks(tree, place)) continue;
      places.push(place);
    }
    const at = (place: number) => tree.projectAt[place] ?? -1;
    const rank = (place: number) => Math.max(hit?.[at(place)] ?? 0, bestTask?.[at(place)] ?? 0);
    const ordered = hit ? byClientRank(places, tree, rank) : places;
    return ordered.length > 0 ? [{ workspace, tree, places: ordered, best: rank(ordered[0] ?? 0) }] : [];
  });
  if (hit) listed.sort((a, b) => b.best - a.best);

  const rows: Row[] = [];
  for (const { workspace, tree, places } of listed) {
    if (chosen.length > 1) rows.push({ kind: 'workspace', key: `w:${workspace.id}`, label: workspace.name });
    let client: string | null | undefined;
    for (const place of places) {
      const project = tree.projects[place] as ViewProject;
      if (project.clientName !== client) {
        client = project.clientName;
        rows.push({ kind: 'client', key: `c:${workspace.id}:${client ?? ''}`, label: client ?? 'No client' });
      }
      const tasksShow = hasTasks(tree, place);
      const expanded = options.expanded.has(project.id) || (autoExpand && tasksShow);
      rows.push(projectRow(tree, place, expanded, tasksShow));
      if (!expanded) continue;
      const shown: number[] = [];
      for (let index = tree.taskStart[place] ?? 0; index < (tree.taskStart[place + 1] ?? 0); index++) {
        if (shows(index, tree.taskOpen, tree.taskAt, showDone, hit)) shown.push(index);
      }
      const ordered = hit ? byRank(shown, (index) => hit[tree.taskAt[index] ?? 0] ?? 0) : shown;
      for (const index of ordered) rows.push(taskRow(tree.tasks[index] as ViewTask, project));
    }
  }
  return rows;
}
