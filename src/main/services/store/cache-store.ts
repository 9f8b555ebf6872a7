import { z } from 'zod';
import type {
  CachedClient,
  CachedProject,
  CachedTask,
  CachedTeam,
  CachedUser,
  CachedWorkspace,
} from '../../../shared/entities';
import {
  clientSchema,
  projectSchema,
  taskSchema,
  teamSchema,
  userSchema,
  workspaceSchema,
} from '../../../shared/schema';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logger';
import { fromProjectRow, fromTaskRow, projectRow, taskRow, toProjectRow, toTaskRow } from './cache-rows';
import { JsonStore, type Salvaged } from './json-store';

export const CACHE_SCHEMA_VERSION = 3;

const cacheSchema = z.object({
  schemaVersion: z.literal(CACHE_SCHEMA_VERSION),
  user: userSchema.nullable(),
  workspaces: z.array(workspaceSchema),
  clients: z.array(clientSchema),
  /** Compact rows (cache-rows.ts): a large account's cache is mostly these. */
  projects: z.array(projectRow),
  tasks: z.array(taskRow),
  /** Last successful sync of any kind (epoch ms). */
  syncedAt: z.number().nullable(),
  /** Last full load (epoch ms): workspaces and permissions come only with it. */
  fullSyncedAt: z.number().nullable(),
  /** Server time (unix seconds) to ask `since` from next time. */
  sinceCursor: z.number().nullable(),
  /** Members and groups of the workspaces whose project details were opened. */
  teams: z.array(teamSchema).default([]),
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
    teams: [],
  };
}

const LISTS = { workspaces: workspaceSchema, clients: clientSchema, projects: projectRow, tasks: taskRow } as const;

/**
 * Keeps every record that parses; the rest are dropped and the list is marked never synced,
 * so the next start loads it whole from Toggl again. A file of another version or with a
 * list that is not a list is not salvaged (it is moved aside).
 */
export function salvageCache(raw: unknown): Salvaged<CacheFile> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const file = raw as Record<string, unknown>;
  if (file.schemaVersion !== CACHE_SCHEMA_VERSION) return undefined;
  if (Object.keys(LISTS).some((key) => file[key] !== undefined && !Array.isArray(file[key]))) return undefined;
  const lost: string[] = [];
  const keep = <T>(key: keyof typeof LISTS, schema: z.ZodType<T>): T[] =>
    ((file[key] as unknown[] | undefined) ?? []).flatMap((item) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success) lost.push(`a ${key.slice(0, -1)} record`);
      return parsed.success ? [parsed.data] : [];
    });
  const user = userSchema.nullable().safeParse(file.user ?? null);
  return {
    value: {
      ...emptyCache(),
      user: user.success ? user.data : null,
      workspaces: keep('workspaces', workspaceSchema),
      clients: keep('clients', clientSchema),
      projects: keep('projects', projectRow),
      tasks: keep('tasks', taskRow),
      // Never synced: the next start loads everything again, dropped records included.
    },
    lost,
  };
}

/** Rewrites v2's objects as rows; one that does not read as a v2 record is left for the salvage to report. */
function rowsFrom<T>(items: unknown, schema: z.ZodType<T>, toRow: (item: T) => unknown): unknown[] {
  if (!Array.isArray(items)) return [];
  return (items as unknown[]).map((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? toRow(parsed.data) : item;
  });
}

/** Schema migrations, one step per version. v1 had no `fullSyncedAt`; v2 kept objects, not rows. */
export function migrateCache(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  let value = raw as Record<string, unknown>;
  if (value.schemaVersion === 1) value = { ...value, schemaVersion: 2, fullSyncedAt: value.syncedAt ?? null };
  if (value.schemaVersion === 2) {
    value = {
      ...value,
      schemaVersion: 3,
      projects: rowsFrom(value.projects, projectSchema, toProjectRow),
      tasks: rowsFrom(value.tasks, taskSchema, toTaskRow),
    };
  }
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
  /** Workspace id → its members and groups (only for workspaces whose details were opened). */
  readonly teams = new Map<number, CachedTeam>();
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
    /** Told when a write starts or stops failing. */
    onWriteProblem?: () => void,
  ) {
    this.store = new JsonStore({
      dataDir,
      name: 'cache',
      schema: cacheSchema,
      migrate: migrateCache,
      empty: emptyCache,
      salvage: salvageCache,
      log,
      clock,
      ...(onWriteProblem && { onWriteProblem }),
    });
    const data = this.store.get();
    this.user = data.user;
    for (const item of data.workspaces) this.workspaces.set(item.id, item);
    for (const item of data.clients) this.clients.set(item.id, item);
    for (const row of data.projects) this.projects.set(row[0], fromProjectRow(row));
    for (const row of data.tasks) this.tasks.set(row[0], fromTaskRow(row));
    for (const team of data.teams) this.teams.set(team.wid, team);
    this.syncedAt = data.syncedAt;
    this.fullSyncedAt = data.fullSyncedAt;
    this.sinceCursor = data.sinceCursor;
  }

  get file(): string {
    return this.store.file;
  }

  /** True when the file on disk was unreadable at start (moved aside) or lost records (salvaged). */
  get recoveredFromCorruption(): boolean {
    return this.store.movedAside !== undefined || this.store.damagedCopy !== undefined;
  }

  /** Persists soon; many changes in a row make one write. */
  changed(): void {
    if (this.debounceMs <= 0) return this.flush();
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.debounceMs);
  }

  /** Writes now. A failed write (a full disk) never throws: see JsonStore.hold. */
  flush(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.store.hold({
      schemaVersion: CACHE_SCHEMA_VERSION,
      user: this.user,
      workspaces: [...this.workspaces.values()],
      clients: [...this.clients.values()],
      projects: Array.from(this.projects.values(), toProjectRow),
      tasks: Array.from(this.tasks.values(), toTaskRow),
      syncedAt: this.syncedAt,
      fullSyncedAt: this.fullSyncedAt,
      sinceCursor: this.sinceCursor,
      teams: [...this.teams.values()],
    });
  }

  /** Why the last write failed (the file on disk is the one before), or null. */
  get writeProblem(): string | null {
    return this.store.writeProblem;
  }

  /** Forgets everything (sign out) and writes the empty file at once. */
  clear(): void {
    this.user = null;
    for (const map of [this.workspaces, this.clients, this.projects, this.tasks, this.teams]) map.clear();
    this.syncedAt = null;
    this.fullSyncedAt = null;
    this.sinceCursor = null;
    this.flush();
  }

  close(): void {
    if (this.timer !== undefined) this.flush();
    this.store.close();
  }
}
