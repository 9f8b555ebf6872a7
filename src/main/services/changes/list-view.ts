import type { CachedTask, DataView } from '../../../shared/entities';
import { sameItem, type ItemChanges } from '../../../shared/view-delta';
import type { CacheStore } from '../store/cache-store';
import type { DamagedChange, OutboxEntry } from '../store/outbox-store';
import type { ChangedKeys } from '../store/tracked-map';
import type { ViewProject, ViewTask, WorkingView } from './kind';
import { OverlayMap } from './overlay-map';
import { kindOf } from './registry';
import { rightsOf } from './rights';
import { nextTurn } from '../next-turn';
import { outboxView } from './view';

type Kind = 'projects' | 'tasks';

/** Tasks catchUp() takes in between two turns of the event loop. */
const CATCH_UP_SLICE = 5_000;
type Items = { projects: ViewProject; tasks: ViewTask };

/** A confirmed task as listed; written out field by field, which is several times faster than a spread at 100,000. */
const listedTask = (task: CachedTask): ViewTask => ({
  id: task.id,
  wid: task.wid,
  pid: task.pid,
  name: task.name,
  active: task.active,
  estimatedSeconds: task.estimatedSeconds,
  trackedMs: task.trackedMs,
  at: task.at,
  sync: 'synced',
});

/**
 * The cache (what Toggl confirmed) with every queued change laid over it, in order, kept up
 * to date change by change: a rebuild costs the items that changed (in the cache, or under a
 * queued change, now or last time), not the 100,000 that did not. Building it afresh (a new
 * ListView) gives the same list; the tests hold it to that.
 */
export class ListView {
  /** What Toggl confirmed, as listed (shared by every view: never changed in place). */
  private readonly confirmed = { projects: new Map<number, ViewProject>(), tasks: new Map<number, ViewTask>() };
  /** What the last view showed, in the order windows keep it (new items last). */
  private readonly shown = { projects: new Map<number, ViewProject>(), tasks: new Map<number, ViewTask>() };
  /** The ids the queued changes touched last time (they may show Toggl's item again now). */
  private overlaid: Record<Kind, number[]> = { projects: [], tasks: [] };
  /** Since the last takeChanges(): id → what is shown now, or null where it went. */
  private readonly unsent = {
    projects: new Map<number, ViewProject | null>(),
    tasks: new Map<number, ViewTask | null>(),
  };
  /** Tasks taken in by catchUp() under a queued change: the next build lays it over them. */
  private readonly caughtUnderOverlay: number[] = [];
  private readonly watched: { projects: ChangedKeys<number>; tasks: ChangedKeys<number>; clients: ChangedKeys<number> };
  private built = false;

  constructor(private readonly cache: CacheStore) {
    this.watched = { projects: cache.projects.watch(), tasks: cache.tasks.watch(), clients: cache.clients.watch() };
    // What the cache holds already is new to this list: catchUp() can take it in before the first build.
    for (const id of cache.tasks.keys()) this.watched.tasks.keys.add(id);
  }

  /** Stops following the cache. */
  close(): void {
    this.cache.projects.unwatch(this.watched.projects);
    this.cache.tasks.unwatch(this.watched.tasks);
    this.cache.clients.unwatch(this.watched.clients);
  }

  build(
    entries: readonly OutboxEntry[],
    newIds: ReadonlyMap<number, number> = new Map(),
    version = 0,
    damaged: readonly DamagedChange[] = [],
  ): DataView {
    const { cache } = this;
    const clientNames = new Map([...cache.clients.values()].map((client) => [client.id, client.name]));
    const projectIds = this.confirmProjects(clientNames);
    const taskIds = this.confirmTasks();
    const working: WorkingView = {
      projects: new OverlayMap(this.confirmed.projects),
      tasks: new OverlayMap(this.confirmed.tasks),
      teams: new Map(
        [...cache.teams.values()].map((team) => [
          team.wid,
          {
            ...team,
            members: team.members.map((member) => ({ ...member, sync: 'synced' as const })),
            projectGroups: team.projectGroups.map((group) => ({ ...group, sync: 'synced' as const })),
          },
        ]),
      ),
    };
    for (const entry of entries) {
      kindOf(entry.op).apply(working, entry.op, { mark: entry.state, at: new Date(entry.createdAt).toISOString() });
    }
    for (const [, project] of working.projects.changes()) {
      if (project && project.cid !== null && project.clientName === null)
        project.clientName = clientNames.get(project.cid) ?? null;
    }
    this.show('projects', working.projects, projectIds);
    this.show('tasks', working.tasks, taskIds);
    this.built = true;

    const names = (key: string): string | undefined => {
      const [kind, id] = key.split(':');
      const item = kind === 'p' ? working.projects.peek(Number(id)) : working.tasks.peek(Number(id));
      return item?.name ?? (kind === 'p' ? cache.projects.get(Number(id))?.name : cache.tasks.get(Number(id))?.name);
    };
    return {
      version,
      user: cache.user,
      workspaces: [...cache.workspaces.values()],
      rights: rightsOf(cache.workspaces.values()),
      clients: [...cache.clients.values()],
      projects: [...this.shown.projects.values()],
      tasks: [...this.shown.tasks.values()],
      outbox: outboxView(entries, names),
      damaged: damaged.map(({ id, summary, createdAt }) => ({ id, summary, createdAt })),
      syncedAt: cache.syncedAt,
      newIds: [...newIds],
      teams: [...working.teams.values()],
    };
  }

  /**
   * Takes in a large change to the cache's tasks (a full load) a slice at a time, letting
   * other work run in between, so that the next build has little left to do.
   */
  async catchUp(): Promise<void> {
    while (this.watched.tasks.size > CATCH_UP_SLICE) {
      const overlaid = new Set(this.overlaid.tasks);
      for (const id of this.watched.tasks.take(CATCH_UP_SLICE)) {
        const task = this.cache.tasks.get(id);
        if (task) this.confirmed.tasks.set(id, listedTask(task));
        else this.confirmed.tasks.delete(id);
        if (overlaid.has(id)) this.caughtUnderOverlay.push(id);
        else this.place('tasks', id, this.confirmed.tasks.get(id));
      }
      await nextTurn();
    }
  }

  /** What changed in the list since the last call (for the windows' deltas). */
  takeChanges(): { projects: ItemChanges<ViewProject>; tasks: ItemChanges<ViewTask> } {
    const take = <K extends Kind>(kind: K): ItemChanges<Items[K]> => {
      const changes: ItemChanges<Items[K]> = { upsert: [], remove: [] };
      for (const [id, item] of this.unsent[kind] as Map<number, Items[K] | null>) {
        if (item) changes.upsert.push(item);
        else changes.remove.push(id);
      }
      this.unsent[kind].clear();
      return changes;
    };
    return { projects: take('projects'), tasks: take('tasks') };
  }

  /** Brings the confirmed projects up to the cache, and those of a client that changed (its name shows). */
  private confirmProjects(clientNames: ReadonlyMap<number, string>): Iterable<number> {
    const clients = new Set(this.watched.clients.drain());
    const ids = new Set(this.watched.projects.drain());
    if (!this.built) for (const id of this.cache.projects.keys()) ids.add(id);
    else if (clients.size > 0)
      for (const project of this.cache.projects.values())
        if (project.cid !== null && clients.has(project.cid)) ids.add(project.id);
    for (const id of ids) {
      const project = this.cache.projects.get(id);
      if (!project) this.confirmed.projects.delete(id);
      else {
        const clientName = project.cid === null ? null : (clientNames.get(project.cid) ?? null);
        this.confirmed.projects.set(id, { ...project, sync: 'synced' as const, clientName });
      }
    }
    return ids;
  }

  private confirmTasks(): Iterable<number> {
    const changed = [...this.watched.tasks.drain(), ...this.caughtUnderOverlay.splice(0)];
    for (const id of changed) {
      const task = this.cache.tasks.get(id);
      if (!task) this.confirmed.tasks.delete(id);
      else this.confirmed.tasks.set(id, listedTask(task));
    }
    return changed;
  }

  /** Updates what is shown for the ids that may have changed, noting each change for the windows. */
  private show<K extends Kind>(kind: K, working: OverlayMap<Items[K]>, confirmedIds: Iterable<number>): void {
    const overlaid = [...working.changes()].map(([id]) => id);
    const before = this.overlaid[kind];
    this.overlaid[kind] = overlaid;
    for (const id of new Set([...confirmedIds, ...before, ...overlaid])) this.place(kind, id, working.peek(id));
  }

  /** Shows `next` for an id (or nothing, where it is undefined), noting a change for the windows. */
  private place<K extends Kind>(kind: K, id: number, next: Items[K] | undefined): void {
    const shown = this.shown[kind] as Map<number, Items[K]>;
    const unsent = this.unsent[kind] as Map<number, Items[K] | null>;
    const previous = shown.get(id);
    // Before the first build nothing has been sent: there is nothing to note for the windows.
    if (next === undefined) {
      if (previous === undefined) return;
      shown.delete(id);
      if (this.built) unsent.set(id, null);
    } else if (previous === undefined || (previous !== next && !sameItem(previous, next))) {
      shown.set(id, next);
      if (this.built) unsent.set(id, next);
    }
  }
}
