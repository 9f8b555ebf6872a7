import type { CachedWorkspace, DataView } from '../../../../shared/entities';
import { headerRow, projectRow, taskRow } from './row-objects';
import { AUTO_EXPAND_LIMIT, collator, prepareView, type PreparedView, type Row, type TreeOptions } from './tree';
import { lastAtMost, TreeLayout, type Group, type LayoutContext } from './tree-layout';
import { keepShape } from '../../../../shared/keep-shape';

/** A stretch of the list: a workspace's header, or a group. */
type Segment = { start: number; workspace: CachedWorkspace } | { start: number; group: Group };

/** What the list is made from. */
type ListedView = Pick<DataView, 'workspaces' | 'projects' | 'tasks'>;

/** Where a row is: enough to say its kind, or to make it. */
type Spot =
  | { kind: 'workspace'; workspace: CachedWorkspace }
  | { kind: 'client'; group: Group }
  | { kind: 'project'; group: Group; place: number }
  | { kind: 'task'; group: Group; place: number; at: number };

/**
 * The rows to show, made as they are asked for: workspaces, then clients (no client last),
 * then projects, each followed by its tasks when expanded. Archived projects and done tasks
 * only when asked for. With a search, what matched best comes first at each level (exact and
 * prefix matches before the rest), the tree's order among equals.
 *
 * Making the list counts its rows (which projects show, how many tasks the open ones show)
 * and orders workspaces and groups (tree-layout.ts); a group's projects are ordered, and a row
 * object made, only when one of its rows is asked for. So a keystroke costs the rows on
 * screen, whatever the search found.
 */
export class RowList implements Iterable<Row> {
  readonly length: number;
  /** Row objects handed out by `at`: what the list has shown (tests count it). */
  made = 0;
  readonly #view: ListedView;
  readonly #prepared: PreparedView;
  readonly #segments: Segment[] = [];
  readonly #starts: Int32Array;
  readonly #layouts = new Map<number, TreeLayout>();

  constructor(view: ListedView, prepared: PreparedView, options: TreeOptions) {
    this.#view = view;
    this.#prepared = prepared;
    const { matches } = options;
    const context: LayoutContext = {
      prepared,
      options,
      matches,
      autoExpand: matches !== undefined && !matches.moreTasksThan(AUTO_EXPAND_LIMIT),
      projectCount: view.projects.length,
    };
    const chosen = view.workspaces
      .filter((workspace) => options.workspaceId === 'all' || workspace.id === options.workspaceId)
      .sort((a, b) => collator.compare(a.name, b.name));
    const blocks: { workspace: CachedWorkspace; groups: Group[] }[] = [];
    for (const workspace of chosen) {
      const tree = prepared.workspaces.get(workspace.id);
      if (!tree) continue;
      const layout = new TreeLayout(workspace.id, tree, context);
      this.#layouts.set(workspace.id, layout);
      if (layout.groups.length === 0) continue;
      const groups = [...layout.groups];
      if (matches) {
        for (const group of groups) group.rank = layout.groupRank(group);
        groups.sort((a, b) => b.rank - a.rank);
      }
      blocks.push({ workspace, groups });
    }
    if (matches) blocks.sort((a, b) => (b.groups[0]?.rank ?? 0) - (a.groups[0]?.rank ?? 0));

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
    keepShape(this);
  }

  #spot(index: number): Spot | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const segment = this.#segments[lastAtMost(this.#starts, index)];
    if (!segment) return undefined;
    if ('workspace' in segment) return { kind: 'workspace', workspace: segment.workspace };
    const { group } = segment;
    const local = index - group.start;
    if (group.header && local === 0) return { kind: 'client', group };
    const { order, offsets } = group.layout.order(group);
    const at = lastAtMost(offsets, local, order.length);
    const place = order[at] ?? 0;
    const within = local - (offsets[at] ?? 0);
    if (within === 0) return { kind: 'project', group, place };
    return { kind: 'task', group, place, at: group.layout.tasks(place)[within - 1] ?? 0 };
  }

  /** The row at `index`, made now (or the one kept from before). */
  at(index: number): Row | undefined {
    const spot = this.#spot(index);
    if (!spot) return undefined;
    this.made++;
    if (spot.kind === 'workspace') return headerRow('workspace', `w:${spot.workspace.id}`, spot.workspace.name);
    const { layout, client } = spot.group;
    if (spot.kind === 'client') return headerRow('client', `c:${layout.wid}:${client ?? ''}`, client ?? 'No client');
    const { place } = spot;
    if (spot.kind === 'project') return projectRow(layout.tree, place, layout.expanded(place), layout.hasTasks(place));
    const project = layout.tree.projects[place];
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
    const owner = at < 0 ? -1 : (this.#prepared.owner[at - this.#view.projects.length] ?? -1);
    const row = this.#projectIndex(owner);
    const layout = this.#layoutOf(owner);
    const place = this.#prepared.placeAt[owner] ?? 0;
    if (row < 0 || !layout?.expanded(place)) return -1;
    const within = layout.tasks(place).indexOf(at);
    return within < 0 ? -1 : row + 1 + within;
  }

  /** The layout of the workspace of the project at `at` (its place in the view), if it is listed. */
  #layoutOf(at: number): TreeLayout | undefined {
    const project = this.#view.projects[at];
    return project && this.#layouts.get(project.wid);
  }

  #projectIndex(at: number): number {
    const layout = this.#layoutOf(at);
    const place = this.#prepared.placeAt[at] ?? 0;
    const group = layout?.shows(place) ? layout.groupOf(place) : undefined;
    if (!layout || !group) return -1;
    const { order, offsets } = layout.order(group);
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
