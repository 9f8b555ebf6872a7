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

/** Tasks per project, built once per view. */
export function tasksByProject(view: DataView): Map<number, ViewTask[]> {
  const map = new Map<number, ViewTask[]>();
  for (const task of view.tasks) {
    const list = map.get(task.pid);
    if (list) list.push(task);
    else map.set(task.pid, [task]);
  }
  for (const list of map.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  return map;
}

/**
 * The rows to show: workspaces, then clients (no client last), then projects, each followed
 * by its tasks when expanded. Archived projects and done tasks only when asked for.
 */
export function buildRows(view: DataView, tasks: Map<number, ViewTask[]>, options: TreeOptions): Row[] {
  const rows: Row[] = [];
  const { matches } = options;
  const workspaces = [...view.workspaces]
    .filter((workspace) => options.workspaceId === 'all' || workspace.id === options.workspaceId)
    .sort((a, b) => collator.compare(a.name, b.name));
  const byWorkspace = new Map<number, ViewProject[]>();
  for (const project of view.projects) {
    if (!options.showArchived && !project.active) continue;
    const list = byWorkspace.get(project.wid);
    if (list) list.push(project);
    else byWorkspace.set(project.wid, [project]);
  }
  const showWorkspaceHeaders = workspaces.length > 1;
  for (const workspace of workspaces) {
    const projects = byWorkspace.get(workspace.id);
    if (!projects?.length) continue;
    projects.sort(
      (a, b) =>
        Number(a.clientName === null) - Number(b.clientName === null) ||
        collator.compare(a.clientName ?? '', b.clientName ?? '') ||
        collator.compare(a.name, b.name),
    );
    let client: string | null | undefined;
    let headed = false;
    for (const project of projects) {
      const all = tasks.get(project.id) ?? [];
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
      const expanded = options.expanded.has(project.id) || (matches !== undefined && shown.length > 0);
      rows.push({
        kind: 'project',
        key: `p:${project.id}`,
        project,
        openTasks: all.reduce((count, task) => count + (task.active ? 1 : 0), 0),
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
