import type { DataView } from './entities';

type ViewProject = DataView['projects'][number];
type ViewTask = DataView['tasks'][number];

/** What the window's first answer holds: its first screen, or the whole list when that is as small. */
export interface FirstScreen {
  view: DataView;
  /** True when `view` is the whole list; otherwise the rest is read a page at a time. */
  complete: boolean;
}

export interface FirstScreenRequest {
  /** The window's collator locale (`new Intl.Collator().resolvedOptions().locale`), so the order is its own. */
  locale: string;
  /** About how many rows fit on the window's first screen. */
  rows: number;
}

/** The first answer's budget, in bytes of JSON: a few round trips' worth, however large the account. */
export const FIRST_SCREEN_BYTES = 48 * 1024;

// Rough JSON sizes (keys, ids, flags, a date) beside the names: enough to keep within the budget.
// A project's details (estimate, dates, template, rates, recurring) are about 200 of its bytes.
const PROJECT_BYTES = 460;
const TASK_BYTES = 150;
const ENTRY_BYTES = 200;

const sizeOf = (text: string | null): number => (text === null ? 0 : text.length * 2);

/**
 * The first screen of the list as the window shows it before any choice (every workspace by
 * name, active projects by client, no client last, then by name; all with the collator the
 * window uses), with each of those projects' tasks so their counts and chevrons are right.
 * Only the few projects it needs are sorted: a 10,000-project account costs a pass, not a sort.
 */
export function firstScreen(view: DataView, { locale, rows }: FirstScreenRequest): FirstScreen {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const { projects, tasks } = view;
  if (projects.length + tasks.length <= rows * 4) return { view, complete: true };

  const active = projects.filter((project) => project.active);
  const workspaces = [...view.workspaces].sort((a, b) => collator.compare(a.name, b.name));
  const chosen: ViewProject[] = [];
  for (const workspace of workspaces) {
    if (chosen.length >= rows) break;
    chosen.push(
      ...firstOf(
        active.filter((project) => project.wid === workspace.id),
        rows - chosen.length,
        collator,
      ),
    );
  }

  const ids = new Set(chosen.map((project) => project.id));
  const tasksOf = new Map<number, ViewTask[]>();
  for (const task of tasks) {
    if (!ids.has(task.pid)) continue;
    const list = tasksOf.get(task.pid);
    if (list) list.push(task);
    else tasksOf.set(task.pid, [task]);
  }
  const listed: ViewProject[] = [];
  const listedTasks: ViewTask[] = [];
  // The time entries go whole (the running one and this week's totals show at once): they come first.
  let bytes = view.entries.reduce((sum, entry) => sum + ENTRY_BYTES + sizeOf(entry.description), 0);
  for (const project of chosen) {
    const own = tasksOf.get(project.id) ?? [];
    const cost =
      PROJECT_BYTES +
      sizeOf(project.name) +
      sizeOf(project.clientName) +
      own.reduce((sum, task) => sum + TASK_BYTES + sizeOf(task.name), 0);
    // At least one project shows; the rest only while they fit.
    if (listed.length > 0 && bytes + cost > FIRST_SCREEN_BYTES) break;
    bytes += cost;
    listed.push(project);
    if (cost <= FIRST_SCREEN_BYTES) listedTasks.push(...own);
  }
  const clientIds = new Set(listed.map((project) => project.cid));
  return {
    view: {
      ...view,
      projects: listed,
      tasks: listedTasks,
      clients: view.clients.filter((client) => clientIds.has(client.id)),
      teams: [],
    },
    complete: false,
  };
}

/**
 * A workspace's first `count` projects in the tree's order: clients by name (no client last),
 * then projects by name. Whole clients are taken until there are enough, then only those are sorted.
 */
function firstOf(projects: ViewProject[], count: number, collator: Intl.Collator): ViewProject[] {
  const byClient = new Map<string | null, ViewProject[]>();
  for (const project of projects) {
    const list = byClient.get(project.clientName);
    if (list) list.push(project);
    else byClient.set(project.clientName, [project]);
  }
  const clients = [...byClient.keys()].sort((a, b) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : collator.compare(a, b),
  );
  // Names the collator calls equal ("Acme", "ACME") are one client to the tree.
  const groups: ViewProject[][] = [];
  clients.forEach((client, at) => {
    const own = byClient.get(client) ?? [];
    const previous = clients[at - 1];
    const same = at > 0 && client !== null && previous !== null && previous !== undefined;
    if (same && collator.compare(previous, client) === 0) groups.at(-1)?.push(...own);
    else groups.push([...own]);
  });
  const first: ViewProject[] = [];
  for (const group of groups) {
    if (first.length >= count) break;
    group.sort((a, b) => collator.compare(a.name, b.name));
    first.push(...group.slice(0, count - first.length));
  }
  return first;
}
