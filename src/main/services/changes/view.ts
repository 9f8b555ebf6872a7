import type { DataView, OutboxEntryView } from '../../../shared/entities';
import type { CacheStore } from '../store/cache-store';
import type { DamagedChange, OutboxEntry } from '../store/outbox-store';
import type { WorkingView } from './kind';
import { kindOf } from './registry';
import { rightsOf } from './rights';

/** The cache (what Toggl confirmed) with every queued change laid over it, in order. */
/** Why an entry has not gone yet: it needs an item whose create is still queued or failed. */
function waitingFor(
  entry: OutboxEntry,
  creators: ReadonlyMap<number, OutboxEntry>,
  names: (key: string) => string | undefined,
): string | null {
  const missing = kindOf(entry.op)
    .refs(entry.op)
    .find((id) => id < 0);
  if (missing === undefined) return null;
  const create = creators.get(missing);
  if (!create) return 'Waits for an item that is no longer queued: discard it.';
  const name = kindOf(create.op)
    .targets(create.op)
    .map(names)
    .find((found) => found !== undefined);
  const what = name ? `“${name}”` : 'the item it belongs to';
  return create.state === 'failed'
    ? `Waits for ${what}, which Toggl refused: retry or discard that first.`
    : `Waits for ${what} to reach Toggl.`;
}

export function buildView(
  cache: CacheStore,
  entries: readonly OutboxEntry[],
  newIds: ReadonlyMap<number, number> = new Map(),
  version = 0,
  damaged: readonly DamagedChange[] = [],
): DataView {
  const clientNames = new Map([...cache.clients.values()].map((client) => [client.id, client.name]));
  const working: WorkingView = {
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
  for (const project of working.projects.values()) {
    if (project.cid !== null && project.clientName === null) project.clientName = clientNames.get(project.cid) ?? null;
  }
  const names = (key: string): string | undefined => {
    const [kind, id] = key.split(':');
    const item = kind === 'p' ? working.projects.get(Number(id)) : working.tasks.get(Number(id));
    return item?.name ?? (kind === 'p' ? cache.projects.get(Number(id))?.name : cache.tasks.get(Number(id))?.name);
  };
  const creators = new Map<number, OutboxEntry>();
  for (const entry of entries) {
    const created = kindOf(entry.op).creates?.(entry.op);
    if (created !== undefined) creators.set(created, entry);
  }
  const outbox: OutboxEntryView[] = entries.map((entry) => {
    const kind = kindOf(entry.op);
    return {
      id: entry.id,
      summary: kind.describe(entry.op, names),
      state: entry.state,
      error: entry.error,
      conflicts: entry.conflicts,
      targets: kind.targets(entry.op),
      waitingFor: waitingFor(entry, creators, names),
    };
  });
  return {
    version,
    user: cache.user,
    workspaces: [...cache.workspaces.values()],
    rights: rightsOf(cache.workspaces.values()),
    clients: [...cache.clients.values()],
    projects: [...working.projects.values()],
    tasks: [...working.tasks.values()],
    outbox,
    damaged: damaged.map(({ id, summary, createdAt }) => ({ id, summary, createdAt })),
    syncedAt: cache.syncedAt,
    newIds: [...newIds],
    teams: [...working.teams.values()],
  };
}
