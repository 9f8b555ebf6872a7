import type { DataView } from '../../../../shared/entities';
import type { Matches } from './matches';

export type ViewProject = DataView['projects'][number];
export type ViewTask = DataView['tasks'][number];

export type Row =
  | { kind: 'workspace'; key: string; label: string }
  | { kind: 'client'; key: string; label: string }
  | {
      kind: 'project';
      key: string;
      project: ViewProject;
      openTasks: number;
      /** Seconds tracked on its tasks (the row's progress where Toggl leaves the project's own out). */
      tasksTracked: number;
      expanded: boolean;
      hasTasks: boolean;
    }
  | { kind: 'task'; key: string; task: ViewTask; project: ViewProject };

/**
 * A row's element id: the treeitem's for a project or task (aria-activedescendant names it), the
 * heading's for a workspace or client, whose key holds a name: encoded, as an id in aria-owns
 * must hold no space.
 */
export const rowElementId = (row: Row): string =>
  row.kind === 'workspace' || row.kind === 'client' ? `row-${encodeURIComponent(row.key)}` : `row-${row.key}`;

export type ProjectRow = Extract<Row, { kind: 'project' }>;
export type TaskRow = Extract<Row, { kind: 'task' }>;

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

export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Above this many matching tasks, a search lists their projects closed (with counts) instead. */
export const AUTO_EXPAND_LIMIT = 1_000;

/** A workspace's projects in order, with what a row needs of each: arrays side by side, cheap to scan per keystroke. */
export interface WorkspaceTree {
  /** Client by client (no client last), then by name. */
  projects: ViewProject[];
  /** Where each project is in the view (as Matches counts), and how many open tasks it has. */
  projectAt: Int32Array;
  openCount: Int32Array;
  /** Seconds tracked on each project's tasks, done ones included. */
  tasksTracked: Float64Array;
  /** 1 for an active project; and its client, as a number per distinct name (names compared as numbers per keystroke). */
  active: Uint8Array;
  client: Int32Array;
  /** Rows made for this tree's projects, kept from one build to the next (four shapes each). */
  projectRows: (ProjectRow | undefined)[];
}

/** What the tree needs from a view, computed once per view rather than per keystroke. */
export interface PreparedView {
  workspaces: Map<number, WorkspaceTree>;
  /** Each task's project, by place among the view's tasks (-1: its project is not listed). */
  owner: Int32Array;
  /** Whether each task is open, by place among the view's tasks. */
  taskOpenAt: Uint8Array;
  /** Each project's tasks, sorted by name. */
  tasks: Map<number, ViewTask[]>;
  /**
   * The same by the project's place in the view: its tasks' places in the view (as Matches
   * counts them), by name, are taskAt[taskStart[p] … taskStart[p + 1]).
   */
  taskStart: Int32Array;
  taskAt: Int32Array;
  /** How many open tasks each project has, by its place in the view. */
  openTasks: Int32Array;
  /** Each project's place in its workspace's tree, by its place in the view. */
  placeAt: Int32Array;
  /** A project's place in the view by id. */
  projectIndex: Map<number, number>;
  /** A task's place in the view (as Matches counts) by id, -1 when not listed; its map is made on first use. */
  taskPosition: (id: number) => number;
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

/** Each project's tasks (places among the view's tasks), sorted by name. */
function tasksByProject(view: Pick<DataView, 'projects' | 'tasks'>): Map<number, number[]> {
  const byProject = new Map<number, number[]>();
  view.tasks.forEach((task, at) => {
    const list = byProject.get(task.pid);
    if (list) list.push(at);
    else byProject.set(task.pid, [at]);
  });
  for (const list of byProject.values())
    list.sort((a, b) => collator.compare(view.tasks[a]?.name ?? '', view.tasks[b]?.name ?? ''));
  return byProject;
}

/** A workspace's projects (places in the view) by client, no client last, then by name. */
function treeOrders(view: Pick<DataView, 'projects' | 'tasks'>): Map<number, number[]> {
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
  for (const order of byWorkspace.values())
    order.sort(
      (i, j) =>
        (clientKey[i] ?? 0) - (clientKey[j] ?? 0) ||
        collator.compare(view.projects[i]?.name ?? '', view.projects[j]?.name ?? ''),
    );
  return byWorkspace;
}

export function prepareView(view: Pick<DataView, 'projects' | 'tasks'>): PreparedView {
  const projectCount = view.projects.length;
  const byProject = tasksByProject(view);
  const tasks = new Map<number, ViewTask[]>();
  for (const [pid, list] of byProject)
    tasks.set(
      pid,
      list.map((at) => view.tasks[at] as ViewTask),
    );
  const projectIndex = new Map(view.projects.map((project, at) => [project.id, at]));
  const owner = Int32Array.from(view.tasks, (task) => projectIndex.get(task.pid) ?? -1);
  const taskOpenAt = Uint8Array.from(view.tasks, (task) => (task.active ? 1 : 0));

  const taskStart = new Int32Array(projectCount + 1);
  const taskAt = new Int32Array(view.tasks.length);
  let listed = 0;
  view.projects.forEach((project, at) => {
    taskStart[at] = listed;
    for (const task of byProject.get(project.id) ?? []) taskAt[listed++] = projectCount + task;
  });
  taskStart[projectCount] = listed;
  const openTasks = new Int32Array(projectCount);
  const tracked = new Float64Array(projectCount);
  for (let at = 0; at < projectCount; at++) {
    for (let task = taskStart[at] ?? 0; task < (taskStart[at + 1] ?? 0); task++) {
      const place = (taskAt[task] ?? 0) - projectCount;
      openTasks[at] = (openTasks[at] ?? 0) + (taskOpenAt[place] ?? 0);
      tracked[at] = (tracked[at] ?? 0) + (view.tasks[place]?.trackedMs ?? 0) / 1000;
    }
  }

  const placeAt = new Int32Array(projectCount);
  const clientIds = new Map<string | null, number>();
  const clientOf = (project: ViewProject | undefined) => {
    const name = project?.clientName ?? null;
    let id = clientIds.get(name);
    if (id === undefined) clientIds.set(name, (id = clientIds.size));
    return id;
  };
  const workspaces = new Map<number, WorkspaceTree>();
  for (const [wid, order] of treeOrders(view)) {
    order.forEach((at, place) => (placeAt[at] = place));
    workspaces.set(wid, {
      projects: order.map((at) => view.projects[at] as ViewProject),
      projectAt: Int32Array.from(order),
      openCount: Int32Array.from(order, (at) => openTasks[at] ?? 0),
      tasksTracked: Float64Array.from(order, (at) => tracked[at] ?? 0),
      active: Uint8Array.from(order, (at) => (view.projects[at]?.active ? 1 : 0)),
      client: Int32Array.from(order, (at) => clientOf(view.projects[at])),
      projectRows: new Array<ProjectRow | undefined>(order.length * 4),
    });
  }

  let taskIndex: Map<number, number> | undefined;
  const taskPosition = (id: number): number => {
    taskIndex ??= new Map(view.tasks.map((task, at) => [task.id, projectCount + at]));
    return taskIndex.get(id) ?? -1;
  };
  return { workspaces, owner, taskOpenAt, tasks, taskStart, taskAt, openTasks, placeAt, projectIndex, taskPosition };
}
