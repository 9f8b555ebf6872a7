import type { DataView } from '../../../../shared/entities';

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
  matches?: { projects: ReadonlySet<number>; tasks: ReadonlySet<number> } | undefined;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Above this many matching tasks, a search lists their projects closed (with counts) instead. */
export const AUTO_EXPAND_LIMIT = 1_000;

/** What the tree needs from a view, computed once per view rather than per keystroke. */
export interface PreparedView {
  /** Each project's tasks, sorted by name. */
  tasks: Map<number, ViewTask[]>;
  /** Each workspace's projects, client by client (no client last), then by name. */
  projects: Map<number, ViewProject[]>;
  openTasks: Map<number, number>;
  /** Each task's project, and each project's place in the sorted order. */
  taskProject: Map<number, number>;
  rank: Map<number, number>;
  projectById: Map<number, ViewProject>;
}

export function prepareView(view: DataView): PreparedView {
  const tasks = new Map<number, ViewTask[]>();
  const openTasks = new Map<number, number>();
  const taskProject = new Map<number, number>();
  for (const task of view.tasks) {
    taskProject.set(task.id, task.pid);
    const list = tasks.get(task.pid);
    if (list) list.push(task);
    else tasks.set(task.pid, [task]);
    if (task.active) openTasks.set(task.pid, (openTasks.get(task.pid) ?? 0) + 1);
  }
  for (const list of tasks.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  const projects = new Map<number, ViewProject[]>();
  for (const project of view.projects) {
    const list = projects.get(project.wid);
    if (list) list.push(project);
    else projects.set(project.wid, [project]);
  }
  for (const list of projects.values()) {
    list.sort(
      (a, b) =>
        Number(a.clientName === null) - Number(b.clientName === null) ||
        collator.compare(a.clientName ?? '', b.clientName ?? '') ||
        collator.compare(a.name, b.name),
    );
  }
  const rank = new Map<number, number>();
  for (const list of projects.values()) list.forEach((project, index) => rank.set(project.id, index));
  const projectById = new Map(view.projects.map((project) => [project.id, project]));
  return { tasks, projects, openTasks, taskProject, rank, projectById };
}

/**
 * The rows to show: workspaces, then clients (no client last), then projects, each followed
 * by its tasks when expanded. Archived projects and done tasks only when asked for.
 */
export function buildRows(view: DataView, prepared: PreparedView, options: TreeOptions): Row[] {
  const rows: Row[] = [];
  const { matches } = options;
  const autoExpand = matches !== undefined && matches.tasks.size <= AUTO_EXPAND_LIMIT;
  const workspaces = [...view.workspaces]
    .filter((workspace) => options.workspaceId === 'all' || workspace.id === options.workspaceId)
    .sort((a, b) => collator.compare(a.name, b.name));
  const showWorkspaceHeaders = workspaces.length > 1;
  // With a search, only the projects it touched are visited (in their sorted order).
  let candidates: Map<number, ViewProject[]> | undefined;
  if (matches) {
    const ids = new Set(matches.projects);
    for (const taskId of matches.tasks) {
      const pid = prepared.taskProject.get(taskId);
      if (pid !== undefined) ids.add(pid);
    }
    candidates = new Map();
    for (const id of ids) {
      const project = prepared.projectById.get(id);
      if (!project) continue;
      const list = candidates.get(project.wid);
      if (list) list.push(project);
      else candidates.set(project.wid, [project]);
    }
    for (const list of candidates.values())
      list.sort((a, b) => (prepared.rank.get(a.id) ?? 0) - (prepared.rank.get(b.id) ?? 0));
  }
  for (const workspace of workspaces) {
    let client: string | null | undefined;
    let headed = false;
    for (const project of (candidates ?? prepared.projects).get(workspace.id) ?? []) {
      if (!options.showArchived && !project.active) continue;
      const all = prepared.tasks.get(project.id) ?? [];
      const shown = all.filter((task) => (options.showDone || task.active) && (!matches || matches.tasks.has(task.id)));
      if (matches && !matches.projects.has(project.id) && shown.length === 0) continue;
      if (showWorkspaceHeaders && !headed) {
        rows.push({ kind: 'workspace', key: `w:${workspace.id}`, label: workspace.name });
        headed = true;
      }
      if (project.clientName !== client) {
        client = project.clientName;
        rows.push({ kind: 'client', key: `c:${workspace.id}:${client ?? ''}`, label: client ?? 'No client' });
      }
      const expanded = options.expanded.has(project.id) || (autoExpand && shown.length > 0);
      rows.push({
        kind: 'project',
        key: `p:${project.id}`,
        project,
        openTasks: prepared.openTasks.get(project.id) ?? 0,
        expanded,
        hasTasks: shown.length > 0,
      });
      if (expanded) for (const task of shown) rows.push({ kind: 'task', key: `t:${task.id}`, task, project });
    }
  }
  return rows;
}

/** "1 h 30 min", "45 min", "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return '';
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "1h 30m", "90m", "1.5h", "2h" → seconds; null for empty; undefined when unreadable. */
export function parseEstimate(text: string): number | null | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return null;
  const match = /^(?:(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?$/.exec(trimmed);
  if (match && (match[1] || match[2])) {
    const hours = Number((match[1] ?? '0').replace(',', '.'));
    const minutes = Number(match[2] ?? '0');
    return Math.round(hours * 3600 + minutes * 60);
  }
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 60;
  return undefined;
}
