import type { Row, ProjectRow, TaskRow, ViewProject, ViewTask, WorkspaceTree } from './tree';

// Rows kept from one build to the next (a tree is made again when its items change, so a kept
// row is current): a keystroke that shows the same items hands the list the same objects, and
// nothing downstream has anything to redo. Projects' rows live in their tree's array (a
// WeakMap look-up per project cost a 10,000-project keystroke milliseconds).
const taskRows = new WeakMap<ViewTask, TaskRow>();
type HeaderRow = Extract<Row, { kind: 'workspace' | 'client' }>;
const headerRows = new Map<string, HeaderRow>();

export function projectRow(tree: WorkspaceTree, place: number, expanded: boolean, hasTasks: boolean): ProjectRow {
  const slot = place * 4 + (expanded ? 2 : 0) + (hasTasks ? 1 : 0);
  let row = tree.projectRows[slot];
  if (!row) {
    const project = tree.projects[place] as ViewProject;
    const openTasks = tree.openCount[place] ?? 0;
    const tasksTracked = tree.tasksTracked[place] ?? 0;
    row = { kind: 'project', key: `p:${project.id}`, project, openTasks, tasksTracked, expanded, hasTasks };
    tree.projectRows[slot] = row;
  }
  return row;
}

export function taskRow(task: ViewTask, project: ViewProject): TaskRow {
  let row = taskRows.get(task);
  if (row?.project !== project) {
    row = { kind: 'task', key: `t:${task.id}`, task, project };
    taskRows.set(task, row);
  }
  return row;
}

/** A workspace's or a client's header, the same object while its key and label stay. */
export function headerRow(kind: HeaderRow['kind'], key: string, label: string): HeaderRow {
  const kept = headerRows.get(key);
  if (kept?.label === label && kept.kind === kind) return kept;
  const row: HeaderRow = { kind, key, label };
  headerRows.set(key, row);
  return row;
}
