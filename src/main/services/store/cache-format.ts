import { z } from 'zod';
import {
  NO_PROJECT_DETAILS,
  clientSchema,
  organizationSchema,
  projectSchema,
  taskSchema,
  teamSchema,
  timeEntrySchema,
  userSchema,
  workspaceSchema,
} from '../../../shared/schema';
import { projectRow, taskRow, toProjectRow, toTaskRow } from './cache-rows';
import type { CachedProject, CachedTask } from '../../../shared/entities';
import type { Salvaged } from './json-store';

/**
 * cache.json and its journal: the file holds the whole list as of one moment, and
 * cache.journal, one JSON line per save, what changed after it (so a rename does not
 * rewrite 100,000 tasks). The journal is folded into a new file now and then.
 */
export const CACHE_SCHEMA_VERSION = 9;

export const cacheSchema = z.object({
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
  /** The user's recent time entries as Toggl confirmed them (a few hundred at most). */
  entries: z.array(timeEntrySchema).default([]),
  /** The user's organizations and their groups, once Settings showed them (v6). */
  organizations: z.array(organizationSchema).default([]),
  /** The last journal line this file holds (later ones are laid over it on reading). */
  journalSeq: z.number().int().default(0),
});

export type CacheFile = z.infer<typeof cacheSchema>;

export function emptyCache(): CacheFile {
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
    entries: [],
    organizations: [],
    journalSeq: 0,
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
      entries: (Array.isArray(file.entries) ? (file.entries as unknown[]) : []).flatMap((item) => {
        const parsed = timeEntrySchema.safeParse(item);
        if (!parsed.success) lost.push('a time entry record');
        return parsed.success ? [parsed.data] : [];
      }),
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

/** v2's project objects had no details (v5): read as a project without any. */
const v2Project = z.preprocess(
  (item) => (item && typeof item === 'object' ? { ...NO_PROJECT_DETAILS, ...item } : item),
  projectSchema,
);

/** v3 kept 0 for "no default workspace" (v4: null); anything else is left for the salvage to judge. */
function userFromV3(user: unknown): unknown {
  if (!user || typeof user !== 'object') return user;
  const fields = user as Record<string, unknown>;
  const known = typeof fields.defaultWorkspaceId === 'number' && fields.defaultWorkspaceId !== 0;
  return known ? user : { ...fields, defaultWorkspaceId: null };
}

// ── v6 → v7 (issue 22, member rates): members gained `laborCost`. Self-contained step. ──
/**
 * Teams of v6 and before (in the file and in its journal lines) had members without
 * `laborCost`: read as "none" (null), which is what Toggl's answer meant then, as it was not
 * read. Anything else is left for the schema (or the salvage) to judge.
 */
function teamBeforeLaborCost(team: unknown): unknown {
  if (!team || typeof team !== 'object') return team;
  const fields = team as Record<string, unknown>;
  if (!Array.isArray(fields.members)) return team;
  const members = (fields.members as unknown[]).map((member) =>
    member && typeof member === 'object' && !('laborCost' in member) ? { ...member, laborCost: null } : member,
  );
  return { ...fields, members };
}

const teamsBeforeLaborCost = (teams: unknown): unknown =>
  Array.isArray(teams) ? teams.map(teamBeforeLaborCost) : teams;

/**
 * Schema migrations, one step per version. v1 had no `fullSyncedAt`; v2 kept objects, not
 * rows; v3 had no null default workspace; v4's project rows no details (estimate, dates…);
 * v5's task rows no assignee; v6's members no labor cost; v7 no organizations; v8's project
 * rows no recurring parameters.
 */
export function migrateCache(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  let value = raw as Record<string, unknown>;
  if (value.schemaVersion === 1) value = { ...value, schemaVersion: 2, fullSyncedAt: value.syncedAt ?? null };
  if (value.schemaVersion === 2) {
    value = {
      ...value,
      schemaVersion: 3,
      projects: rowsFrom(value.projects, v2Project, toProjectRow),
      tasks: rowsFrom(value.tasks, taskSchema, toTaskRow),
    };
  }
  if (value.schemaVersion === 3) value = { ...value, schemaVersion: 4, user: userFromV3(value.user) };
  // v4's project rows had no details; `projectRow` reads such a row as a project without any.
  if (value.schemaVersion === 4) value = { ...value, schemaVersion: 5 };
  // v5's task rows had no assignee; `taskRow` reads such a row as a task assigned to no one, and
  // the next sync is a full load (an incremental one never brings unchanged tasks again).
  if (value.schemaVersion === 5) value = { ...value, schemaVersion: 6, fullSyncedAt: null };
  if (value.schemaVersion === 6) value = { ...value, schemaVersion: 7, teams: teamsBeforeLaborCost(value.teams) };
  // Organization groups (issue 22, item 5): v7 kept none; Settings loads them when it opens.
  if (value.schemaVersion === 7) value = { ...value, schemaVersion: 8, organizations: [] };
  // v8's project rows had no recurring parameters (issue 22); `projectRow` reads such a row as a
  // project without any, and the next sync is a full load (an incremental one brings only
  // projects changed since, so a recurring project's period would stay unknown).
  if (value.schemaVersion === 8) value = { ...value, schemaVersion: 9, fullSyncedAt: null };
  return value;
}

const id = z.number().int();

/** One save: the rows set and the ids gone since the one before; the small lists whole when they changed. */
export const journalLineSchema = z.object({
  seq: z.number().int(),
  /**
   * Absent while a new whole file is on its way: they must not run ahead of the rows on disk.
   * A line written by v3 (its file since migrated) may still say 0 for "no default workspace".
   */
  user: z.preprocess(userFromV3, userSchema.nullable()).optional(),
  syncedAt: z.number().nullable().optional(),
  fullSyncedAt: z.number().nullable().optional(),
  sinceCursor: z.number().nullable().optional(),
  workspaces: z.array(workspaceSchema).optional(),
  clients: z.array(clientSchema).optional(),
  /** A line version 6 or before wrote has members without `laborCost` (v7): read as none. */
  teams: z.array(z.preprocess(teamBeforeLaborCost, teamSchema)).optional(),
  entries: z.array(timeEntrySchema).optional(),
  organizations: z.array(organizationSchema).optional(),
  projects: z.array(projectRow).default([]),
  tasks: z.array(taskRow).default([]),
  goneProjects: z.array(id).default([]),
  goneTasks: z.array(id).default([]),
});

export type JournalLine = z.infer<typeof journalLineSchema>;

/** The whole cache to write, rows still as the app holds them. */
export type CacheSnapshot = Omit<CacheFile, 'projects' | 'tasks'> & {
  projects: readonly CachedProject[];
  tasks: readonly CachedTask[];
};

/** Rows per piece: about a millisecond of work at most, so a writer can stop after any piece to let others run. */
const ROWS_PER_PIECE = 250;

/** The file's text in pieces (joined, it is cache.json). */
export function* cacheText(snapshot: CacheSnapshot): Generator<string> {
  const { projects, tasks, ...small } = snapshot;
  yield `${JSON.stringify(small).slice(0, -1)},"projects":[`;
  yield* rows(projects, toProjectRow);
  yield '],"tasks":[';
  yield* rows(tasks, toTaskRow);
  yield ']}';
}

function* rows<T>(items: readonly T[], toRow: (item: T) => unknown): Generator<string> {
  for (let at = 0; at < items.length; at += ROWS_PER_PIECE) {
    const piece = JSON.stringify(items.slice(at, at + ROWS_PER_PIECE).map(toRow)).slice(1, -1);
    yield at === 0 ? piece : `,${piece}`;
  }
}
