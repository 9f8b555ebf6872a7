import { z } from 'zod';
import type { CachedClient, CachedProject, CachedTask, CachedUser, CachedWorkspace } from '../../../shared/entities';
import { clientSchema, projectSchema, taskSchema, userSchema, workspaceSchema } from '../../../shared/schema';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logger';
import { JsonStore } from './json-store';

export const CACHE_SCHEMA_VERSION = 2;

const cacheSchema = z.object({
  schemaVersion: z.literal(CACHE_SCHEMA_VERSION),
  user: userSchema.nullable(),
  workspaces: z.array(workspaceSchema),
  clients: z.array(clientSchema),
  projects: z.array(projectSchema),
  tasks: z.array(taskSchema),
  /** Last successful sync of any kind (epoch ms). */
  syncedAt: z.number().nullable(),
  /** Last full load (epoch ms): workspaces and permissions come only with it. */
  fullSyncedAt: z.number().nullable(),
  /** Server time (unix seconds) to ask `since` from next time. */
  sinceCursor: z.number().nullable(),
});

export type CacheFile = z.infer<typeof cacheSchema>;

function emptyCache(): CacheFile {
  return {
    schemaVersion: CACHE_SCHEMA_VERSION,
    user: null,
    workspaces: [],
    clients: [],
    projects: [],
    tasks: [],
    syncedAt: null,
    fullSyncedAt: null,
    sinceCursor: null,
  };
}

/** Schema migrations, one step per version. v1 had no `fullSyncedAt`. */
export function migrateCache(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  let value = raw as Record<string, unknown>;
  if (value.schemaVersion === 1) value = { ...value, schemaVersion: 2, fullSyncedAt: value.syncedAt ?? null };
  return value;
}

/**
 * The last known state from Toggl (what the server confirmed, never the queued changes:
 * those live in the outbox and are laid over this for the view). Held in memory as maps;
 * written to cache.json debounced, so a burst of updates costs one write.
 */
export class CacheStore {
  user: CachedUser | null;
  readonly workspaces = new Map<number, CachedWorkspace>();
  readonly clients = new Map<number, CachedClient>();
  readonly projects = new Map<number, CachedProject>();
  readonly tasks = new Map<number, CachedTask>();
  syncedAt: number | null;
  fullSyncedAt: number | null;
  sinceCursor: number | null;
  private readonly store: JsonStore<CacheFile>;
  private timer: unknown;

  constructor(
    dataDir: string,
    log: Logger,
    private readonly debounceMs = 300,
    private readonly clock: Pick<Clock, 'setTimeout' | 'clearTimeout'> = systemClock,
  ) {
    this.store = new JsonStore({
      dataDir,
      name: 'cache',
      schema: cacheSchema,
      migrate: migrateCache,
      empty: emptyCache,
      log,
    });
    const data = this.store.get();
    this.user = data.user;
    for (const item of data.workspaces) this.workspaces.set(item.id, item);
    for (const item of data.clients) this.clients.set(item.id, item);
    for (const item of data.projects) this.projects.set(item.id, item);
    for (const item of data.tasks) this.tasks.set(item.id, item);
    this.syncedAt = data.syncedAt;
    this.fullSyncedAt = data.fullSyncedAt;
    this.sinceCursor = data.sinceCursor;
  }

  get file(): string {
    return this.store.file;
  }

  /** True when the file on disk was unreadable at start and was moved aside. */
  get recoveredFromCorruption(): boolean {
    return this.store.movedAside !== undefined;
  }

  /** Persists soon; many changes in a row make one write. */
  changed(): void {
    if (this.debounceMs <= 0) return this.flush();
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.debounceMs);
  }

  flush(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.store.write({
      schemaVersion: CACHE_SCHEMA_VERSION,
      user: this.user,
      workspaces: [...this.workspaces.values()],
      clients: [...this.clients.values()],
      projects: [...this.projects.values()],
      tasks: [...this.tasks.values()],
      syncedAt: this.syncedAt,
      fullSyncedAt: this.fullSyncedAt,
      sinceCursor: this.sinceCursor,
    });
  }

  /** Forgets everything (sign out) and writes the empty file at once. */
  clear(): void {
    this.user = null;
    for (const map of [this.workspaces, this.clients, this.projects, this.tasks]) map.clear();
    this.syncedAt = null;
    this.fullSyncedAt = null;
    this.sinceCursor = null;
    this.flush();
  }

  close(): void {
    if (this.timer !== undefined) this.flush();
  }
}
