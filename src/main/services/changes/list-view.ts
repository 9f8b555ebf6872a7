import type { CachedProject, CachedTask, DataView, ViewTimeEntry } from '../../../shared/entities';
import { sameItem, type ItemChanges } from '../../../shared/view-delta';
import type { CacheStore } from '../store/cache-store';
import type { DamagedChange, OutboxEntry } from '../store/outbox-store';
import type { ChangedKeys } from '../store/tracked-map';
import type { ViewProject, ViewTask, WorkingView } from './kind';
import { OverlayMap } from './overlay-map';
import { kindOf } from './registry';
import { groupsLock, rightsOf } from './rights';
import { Slices, roomBeforeGrowth } from '../store/slices';
import { outboxView } from './view';

type Kind = 'projects' | 'tasks';

/**
 * Past this many changed projects or tasks the list does not keep their ids: it goes over the
 * whole cache instead (a full load, a first start), as windows reload the list past it too.
 */
const LARGE_CHANGE = 10_000;
/** Ids catchUp() takes at a time (it looks at the clock between two). */
const CATCH_UP_BATCH = 256;
type Items = { projects: ViewProject; tasks: ViewTask };

/** Going over the whole cache for one kind, where it has got to (catchUp() takes it a slice at a time). */
interface Sweep {
  /** The cache's items, in its order. */
  items: Iterator<number>;
  /** Then the ones listed that may be gone from the cache. */
  listed: Iterator<number> | undefined;
}

/** Whether adding these ids (those it does not hold) makes the map's table double. */
function growsWith(map: ReadonlyMap<number, unknown>, ids: readonly number[]): boolean {
  const room = roomBeforeGrowth(map.size);
  if (ids.length <= room) return false;
  let added = 0;
  for (const id of ids) if (!map.has(id) && ++added > room) return true;
  return false;
}

/** A confirmed task as listed; written out field by field, which is several times faster than a spread at 100,000. */
const listedTask = (task: CachedTask): ViewTask => ({
  id: task.id,
  wid: task.wid,
  pid: task.pid,
  name: task.name,
  active: task.active,
  estimatedSeconds: task.estimatedSeconds,
  trackedMs: task.trackedMs,
  assigneeId: task.assigneeId,
  sync: 'synced',
});

/** A confirmed project as listed, with its client's name; field by field, as for tasks. */
const listedProject = (project: CachedProject, clientName: string | null): ViewProject => ({
  id: project.id,
  wid: project.wid,
  cid: project.cid,
  name: project.name,
  color: project.color,
  active: project.active,
  isPrivate: project.isPrivate,
  billable: project.billable,
  estimatedHours: project.estimatedHours,
  autoEstimates: project.autoEstimates,
  trackedSeconds: project.trackedSeconds,
  startDate: project.startDate,
  endDate: project.endDate,
  template: project.template,
  templateId: project.templateId,
  currency: project.currency,
  rate: project.rate,
  fixedFee: project.fixedFee,
  recurring: project.recurring,
  recurringParameters: project.recurringParameters,
  sync: 'synced',
  clientName,
});

/**
 * The order entries were made in, for those that start in the same second (a switch within a
 * second leaves an entry of no length): Toggl's ids grow; ours, made offline, count down from -1
 * and are newer than any of Toggl's.
 */
const madeOrder = (id: number): number => (id < 0 ? 2 ** 52 - id : id);

/** The entries as listed: newest start first (the running one, if any, is the newest), then the later made. */
function listedEntries(entries: ReadonlyMap<number, ViewTimeEntry>): ViewTimeEntry[] {
  return [...entries.values()].sort(
    (a, b) => Date.parse(b.start) - Date.parse(a.start) || madeOrder(b.id) - madeOrder(a.id),
  );
}

/** A group's name as listed, else as Toggl last had it (one the list just deleted). */
function groupName(working: WorkingView, cache: CacheStore, id: number): string | undefined {
  for (const organizations of [working.organizations.values(), cache.organizations.values()])
    for (const organization of organizations) {
      const group = organization.groups.find((item) => item.id === id);
      if (group) return group.name;
    }
  return undefined;
}

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
  /** Ids whose confirmed item is to be brought up to the cache (catchUp() takes a few at a time; a build, the rest). */
  private readonly toConfirm: Record<Kind, number[]> = { projects: [], tasks: [] };
  /** Ids whose confirmed item was brought up to the cache and whose row is still to be shown. */
  private readonly toShow: Record<Kind, number[]> = { projects: [], tasks: [] };
  /** Rows caught up by catchUp() under a queued change: the next build lays it over them. */
  private readonly caughtUnderOverlay: Record<Kind, number[]> = { projects: [], tasks: [] };
  private readonly watched: { projects: ChangedKeys<number>; tasks: ChangedKeys<number>; clients: ChangedKeys<number> };
  /** A sweep of the whole cache under way (after a change too large to note item by item). */
  private readonly sweeps: Record<Kind, Sweep | undefined> = { projects: undefined, tasks: undefined };
  private built = false;

  constructor(private readonly cache: CacheStore) {
    this.watched = {
      projects: cache.projects.watch(LARGE_CHANGE),
      tasks: cache.tasks.watch(LARGE_CHANGE),
      clients: cache.clients.watch(),
    };
    // What the cache holds already is new to this list: catchUp() can take it in before the first build.
    this.watched.projects.everything();
    this.watched.tasks.everything();
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
    const clientNames = this.clientNames();
    this.noteClientChanges();
    const projectIds = this.confirmNow('projects', clientNames);
    const taskIds = this.confirmNow('tasks', clientNames);
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
      entries: new Map([...cache.entries.values()].map((item) => [item.id, { ...item, sync: 'synced' as const }])),
      user: cache.user,
      organizations: new Map(
        [...cache.organizations.values()].map((organization) => [
          organization.id,
          {
            ...organization,
            groups: organization.groups.map((group) => ({ ...group, sync: 'synced' as const })),
            groupsLock: groupsLock(organization),
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
      if (kind === 'w') return cache.workspaces.get(Number(id))?.name;
      if (kind === 'og') return groupName(working, cache, Number(id));
      const item = kind === 'p' ? working.projects.peek(Number(id)) : working.tasks.peek(Number(id));
      return item?.name ?? (kind === 'p' ? cache.projects.get(Number(id))?.name : cache.tasks.get(Number(id))?.name);
    };
    return {
      version,
      user: working.user,
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
      entries: listedEntries(working.entries),
      organizations: [...working.organizations.values()],
    };
  }

  /**
   * Takes in what changed in the cache's projects and tasks (a full load's 110,000 items) a
   * slice at a time, letting other work run in between, so that the next build has little
   * left to do.
   */
  async catchUp(): Promise<void> {
    this.noteClientChanges();
    const { projects, tasks } = this.watched;
    const little = !this.sweeps.projects && !this.sweeps.tasks && projects.size + tasks.size <= CATCH_UP_BATCH;
    const slices = new Slices();
    // A large change starts on a turn of its own, not at the end of whatever else runs now.
    if (!little) await slices.next();
    for (const kind of ['projects', 'tasks'] as const) {
      const [confirmed, shown] = [this.confirmed[kind], this.shown[kind]];
      // What a slice goes by; read again after each wait (a build may have come in between).
      const names = () => (kind === 'projects' ? this.clientNames() : new Map<number, string>());
      let clientNames = names();
      let overlaid = new Set(this.overlaid[kind]);
      const nextSlice = async () => {
        await slices.next();
        clientNames = names();
        overlaid = new Set(this.overlaid[kind]);
      };
      while (this.collect(kind, CATCH_UP_BATCH)) {
        // A table about to double (megabytes at 65,536 rows) does so at the start of a slice.
        if (growsWith(confirmed, this.toConfirm[kind])) await nextSlice();
        for (const id of this.toConfirm[kind].splice(0)) this.confirm(kind, id, clientNames);
        if (growsWith(shown, this.toShow[kind])) await nextSlice();
        for (const id of this.toShow[kind].splice(0)) {
          if (overlaid.has(id)) this.caughtUnderOverlay[kind].push(id);
          else this.place(kind, id, confirmed.get(id));
        }
        if (slices.timeUp()) await nextSlice();
      }
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

  /** A project whose client changed (its name shows in the row) counts as changed. */
  private noteClientChanges(): void {
    const clients = new Set(this.watched.clients.drain());
    if (clients.size === 0 || this.watched.projects.isEverything) return;
    for (const project of this.cache.projects.values())
      if (project.cid !== null && clients.has(project.cid)) this.watched.projects.add(project.id);
  }

  private clientNames(): Map<number, string> {
    return new Map([...this.cache.clients.values()].map((client) => [client.id, client.name]));
  }

  /**
   * Moves up to `max` ids of a kind that changed in the cache to toConfirm: those it noted,
   * or, after a change too large to note id by id, every id in the cache and then every listed
   * one it no longer holds (a sweep, taken up where it was left). False when none is left.
   */
  private collect(kind: Kind, max: number): boolean {
    const watched = this.watched[kind];
    const source: ReadonlyMap<number, unknown> = kind === 'tasks' ? this.cache.tasks : this.cache.projects;
    const into = this.toConfirm[kind];
    if (watched.isEverything) {
      // From here on it notes again what changes, which the sweep may go over a second time.
      watched.restart();
      this.sweeps[kind] = { items: source.keys(), listed: undefined };
    }
    const sweep = this.sweeps[kind];
    if (!sweep) {
      const ids = max === Number.POSITIVE_INFINITY ? watched.drain() : watched.take(max);
      for (const id of ids) into.push(id);
      return ids.length > 0;
    }
    let looked = 0;
    if (!sweep.listed) {
      for (let next = sweep.items.next(); !next.done; next = sweep.items.next()) {
        into.push(next.value);
        if (++looked >= max) return true;
      }
      sweep.listed = this.confirmed[kind].keys();
    }
    for (let next = sweep.listed.next(); !next.done; next = sweep.listed.next()) {
      if (!source.has(next.value)) into.push(next.value);
      if (++looked >= max) return true;
    }
    this.sweeps[kind] = undefined;
    return true;
  }

  /** Lists an item as the cache holds it now (or no longer); its row is to be shown again. */
  private confirm(kind: Kind, id: number, clientNames: ReadonlyMap<number, string>): void {
    if (kind === 'tasks') {
      const task = this.cache.tasks.get(id);
      if (task) this.confirmed.tasks.set(id, listedTask(task));
      else this.confirmed.tasks.delete(id);
    } else {
      const project = this.cache.projects.get(id);
      if (!project) this.confirmed.projects.delete(id);
      else {
        const clientName = project.cid === null ? null : (clientNames.get(project.cid) ?? null);
        this.confirmed.projects.set(id, listedProject(project, clientName));
      }
    }
    this.toShow[kind].push(id);
  }

  /** Brings the confirmed items of a kind up to the cache now (a build): the ids whose row may change. */
  private confirmNow(kind: Kind, clientNames: ReadonlyMap<number, string>): number[] {
    while (this.collect(kind, Number.POSITIVE_INFINITY));
    for (const id of this.toConfirm[kind].splice(0)) this.confirm(kind, id, clientNames);
    const ids = this.toShow[kind].splice(0);
    for (const id of this.caughtUnderOverlay[kind].splice(0)) ids.push(id);
    return ids;
  }

  /** Updates what is shown for the ids that may have changed, noting each change for the windows. */
  private show<K extends Kind>(kind: K, working: OverlayMap<Items[K]>, confirmedIds: readonly number[]): void {
    const overlaid = [...working.changes()].map(([id]) => id);
    const before = this.overlaid[kind];
    this.overlaid[kind] = overlaid;
    // An id in more than one of these is shown once: the second time it is already as shown.
    for (const ids of [confirmedIds, before, overlaid]) for (const id of ids) this.place(kind, id, working.peek(id));
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
