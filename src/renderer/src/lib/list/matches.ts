import type { DataView } from '../../../../shared/entities';
import { prepareView, type PreparedView } from './tree';

/**
 * A search's hits by place in the view, the view's projects first, then its tasks (the
 * search index's order): typed arrays to read, not 100,000 ids to put in sets per keystroke.
 */
export interface Matches {
  /** 0 for an item the search did not find; else 1 + how well it matched (SearchState.grades). */
  hit: Uint8Array;
  /** How many tasks matched. */
  tasks: number;
  /** By project (its place in the view): 1 when one of its tasks matched, 2 when an open one did. */
  owners: Uint8Array;
  /** By project: the best `hit` among its matching tasks, and among its open ones. */
  bestTask: Uint8Array;
  bestOpenTask: Uint8Array;
}

/** Matches from a search's hits (and how well each matched): each hit marked, and each matching task's project. */
export function collectMatches(
  view: Pick<DataView, 'projects' | 'tasks'>,
  prepared: PreparedView,
  hits: ArrayLike<number>,
  grades?: ArrayLike<number>,
): Matches {
  const projectCount = view.projects.length;
  const hit = new Uint8Array(projectCount + view.tasks.length);
  const owners = new Uint8Array(projectCount);
  const bestTask = new Uint8Array(projectCount);
  const bestOpenTask = new Uint8Array(projectCount);
  let tasks = 0;
  for (let found = 0; found < hits.length; found++) {
    const at = hits[found] ?? 0;
    const mark = Math.min(255, 1 + (grades?.[found] ?? 0));
    hit[at] = mark;
    if (at < projectCount) continue;
    tasks++;
    const owner = prepared.owner[at - projectCount] ?? -1;
    if (owner < 0) continue;
    const open = prepared.taskOpenAt[at - projectCount] === 1;
    owners[owner] = (owners[owner] ?? 0) | (open ? 3 : 1);
    if (mark > (bestTask[owner] ?? 0)) bestTask[owner] = mark;
    if (open && mark > (bestOpenTask[owner] ?? 0)) bestOpenTask[owner] = mark;
  }
  return { hit, tasks, owners, bestTask, bestOpenTask };
}

/** Matches from ids (tests, and anything that holds ids rather than hits), each graded `grade`. */
export function matchesOf(
  view: DataView,
  projectIds: ReadonlySet<number>,
  taskIds: ReadonlySet<number>,
  grade: (id: number) => number = () => 0,
): Matches {
  const hits: number[] = [];
  const grades: number[] = [];
  const add = (at: number, id: number) => (hits.push(at), grades.push(grade(id)));
  view.projects.forEach((project, at) => projectIds.has(project.id) && add(at, project.id));
  view.tasks.forEach((task, at) => taskIds.has(task.id) && add(view.projects.length + at, task.id));
  return { ...collectMatches(view, prepareView(view), hits, grades), tasks: taskIds.size };
}
