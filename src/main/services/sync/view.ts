import type { CachedProject, CachedTask, DataView, ItemSync, OutboxEntryView } from '../../../shared/entities';
import type { CacheStore } from '../store/cache-store';
import type { OutboxEntry, OutboxOp } from '../store/outbox-store';

const SEVERITY: Record<ItemSync, number> = { synced: 0, pending: 1, failed: 2, conflict: 3 };

function worst(a: ItemSync, b: ItemSync): ItemSync {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** The items an operation touches, as the list's own keys: "p:ID" / "t:ID". */
export function targetsOf(op: OutboxOp): string[] {
  switch (op.kind) {
    case 'project.create':
      return [`p:${op.tempId}`];
    case 'project.update':
    case 'project.delete':
      return [`p:${op.id}`];
    case 'project.bulkActive':
      return op.ids.map((id) => `p:${id}`);
    case 'task.create':
      return [`t:${op.tempId}`];
    case 'task.update':
    case 'task.delete':
      return [`t:${op.id}`];
    case 'task.bulkActive':
      return op.ids.map((id) => `t:${id}`);
  }
}

/** A sentence for the user: what this queued change does. */
export function describeOp(op: OutboxOp, names: (key: string) => string | undefined): string {
  const quoted = (key: string): string => {
    const name = names(key);
    return name ? ` “${name}”` : '';
  };
  switch (op.kind) {
    case 'project.create':
      return `Create project “${op.fields.name}”`;
    case 'project.update':
      if (op.changes.active !== undefined && Object.keys(op.changes).length === 1) {
        return `${op.changes.active ? 'Restore' : 'Archive'} project${quoted(`p:${op.id}`)}`;
      }
      return op.changes.name !== undefined
        ? `Rename project to “${op.changes.name}”`
        : `Edit project${quoted(`p:${op.id}`)}`;
    case 'project.delete':
      return `Delete project${quoted(`p:${op.id}`)}`;
    case 'project.bulkActive':
      return `${op.active ? 'Restore' : 'Archive'} ${op.ids.length} projects`;
    case 'task.create':
      return `Create task “${op.fields.name}”`;
    case 'task.update':
      if (op.changes.active !== undefined && Object.keys(op.changes).length === 1) {
        return `Mark task${quoted(`t:${op.id}`)} ${op.changes.active ? 'not done' : 'done'}`;
      }
      return op.changes.name !== undefined ? `Rename task to “${op.changes.name}”` : `Edit task${quoted(`t:${op.id}`)}`;
    case 'task.delete':
      return `Delete task${quoted(`t:${op.id}`)}`;
    case 'task.bulkActive':
      return `Mark ${op.ids.length} tasks ${op.active ? 'not done' : 'done'}`;
  }
}

interface Working {
  projects: Map<number, CachedProject & { sync: ItemSync; clientName: string | null }>;
  tasks: Map<number, CachedTask & { sync: ItemSync }>;
}

function applyOp(working: Working, entry: OutboxEntry): void {
  const { op } = entry;
  const mark: ItemSync = entry.state;
  const at = new Date(entry.createdAt).toISOString();
  switch (op.kind) {
    case 'project.create': {
      const { clientName, ...fields } = op.fields;
      working.projects.set(op.tempId, {
        id: op.tempId,
        wid: op.wid,
        ...fields,
        active: true,
        at,
        sync: mark,
        clientName: clientName ?? null,
      });
      return;
    }
    case 'project.update': {
      const project = working.projects.get(op.id);
      if (project) Object.assign(project, op.changes, { sync: worst(project.sync, mark) });
      return;
    }
    case 'project.delete':
      working.projects.delete(op.id);
      for (const [id, task] of working.tasks) if (task.pid === op.id) working.tasks.delete(id);
      return;
    case 'project.bulkActive':
      for (const id of op.ids) {
        const project = working.projects.get(id);
        if (project) Object.assign(project, { active: op.active, sync: worst(project.sync, mark) });
      }
      return;
    case 'task.create':
      working.tasks.set(op.tempId, {
        id: op.tempId,
        wid: op.wid,
        pid: op.pid,
        ...op.fields,
        active: true,
        trackedMs: 0,
        at,
        sync: mark,
      });
      return;
    case 'task.update': {
      const task = working.tasks.get(op.id);
      if (task) Object.assign(task, op.changes, { sync: worst(task.sync, mark) });
      return;
    }
    case 'task.delete':
      working.tasks.delete(op.id);
      return;
    case 'task.bulkActive':
      for (const id of op.ids) {
        const task = working.tasks.get(id);
        if (task) Object.assign(task, { active: op.active, sync: worst(task.sync, mark) });
      }
      return;
  }
}

/** The cache (what Toggl confirmed) with every queued change laid over it, in order. */
export function buildView(
  cache: CacheStore,
  entries: readonly OutboxEntry[],
  newIds: ReadonlyMap<number, number> = new Map(),
): DataView {
  const clientNames = new Map([...cache.clients.values()].map((client) => [client.id, client.name]));
  const working: Working = {
    projects: new Map(
      [...cache.projects.values()].map((project) => [
        project.id,
        {
          ...project,
          sync: 'synced' as const,
          clientName: project.cid === null ? null : (clientNames.get(project.cid) ?? null),
        },
      ]),
    ),
    tasks: new Map([...cache.tasks.values()].map((task) => [task.id, { ...task, sync: 'synced' as const }])),
  };
  for (const entry of entries) applyOp(working, entry);
  for (const project of working.projects.values()) {
    if (project.cid !== null && project.clientName === null) project.clientName = clientNames.get(project.cid) ?? null;
  }
  const names = (key: string): string | undefined => {
    const [kind, id] = key.split(':');
    const item = kind === 'p' ? working.projects.get(Number(id)) : working.tasks.get(Number(id));
    return item?.name ?? (kind === 'p' ? cache.projects.get(Number(id))?.name : cache.tasks.get(Number(id))?.name);
  };
  const outbox: OutboxEntryView[] = entries.map((entry) => ({
    id: entry.id,
    summary: describeOp(entry.op, names),
    state: entry.state,
    error: entry.error,
    conflicts: entry.conflicts,
    targets: targetsOf(entry.op),
  }));
  return {
    user: cache.user,
    workspaces: [...cache.workspaces.values()],
    clients: [...cache.clients.values()],
    projects: [...working.projects.values()],
    tasks: [...working.tasks.values()],
    outbox,
    syncedAt: cache.syncedAt,
    newIds: [...newIds],
  };
}
