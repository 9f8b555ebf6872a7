import type {
  CachedClient,
  CachedOrganization,
  CachedProject,
  CachedTask,
  CachedTeam,
  CachedTimeEntry,
  CachedUser,
  CachedWorkspace,
} from '../../../shared/entities';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logger';
import { CACHE_SCHEMA_VERSION, type CacheSnapshot, type JournalLine } from './cache-format';
import { CacheFiles } from './cache-files';
import { fromProjectRow, fromTaskRow, toProjectRow, toTaskRow } from './cache-rows';
import { TrackedMap, type ChangedKeys } from './tracked-map';
import { WriteProblem } from './write-problem';

export { CACHE_SCHEMA_VERSION } from './cache-format';

/** More rows changed than this (a first or full load): a new whole file, written in pieces, not a journal line. */
const WHOLE_AFTER_ROWS = 2_000;
/** A journal this big is folded into a new whole file. */
const FOLD_AFTER_BYTES = 2 * 2 ** 20;

type Watched = Record<
  'workspaces' | 'clients' | 'projects' | 'tasks' | 'teams' | 'entries' | 'organizations',
  ChangedKeys<number>
>;

/**
 * The last known state from Toggl (what the server confirmed, never the queued changes:
 * those live in the outbox and are laid over this for the view). Held in memory as maps.
 * Saved debounced, and only what changed: a journal line per save (cache-format.ts); a
 * large change (a full load) or a long journal makes a new whole file, written in pieces
 * between other work, so the app never stops answering to write 100,000 tasks.
 */
export class CacheStore {
  user: CachedUser | null = null;
  // Tracked: the view and the file follow them change by change. Items are replaced, not changed.
  readonly workspaces = new TrackedMap<number, CachedWorkspace>();
  readonly clients = new TrackedMap<number, CachedClient>();
  readonly projects = new TrackedMap<number, CachedProject>();
  readonly tasks = new TrackedMap<number, CachedTask>();
  /** Workspace id → its members and groups (only for workspaces whose details were opened). */
  readonly teams = new TrackedMap<number, CachedTeam>();
  /** The user's recent time entries, by id. */
  readonly entries = new TrackedMap<number, CachedTimeEntry>();
  /** Organization id → the organization and its groups (once Settings showed them). */
  readonly organizations = new TrackedMap<number, CachedOrganization>();
  syncedAt: number | null = null;
  fullSyncedAt: number | null = null;
  sinceCursor: number | null = null;
  /** True when the file on disk was unreadable at start (moved aside) or lost records (salvaged or journal). */
  readonly recoveredFromCorruption: boolean;
  private readonly files: CacheFiles;
  private readonly problem: WriteProblem;
  private readonly watched: Watched;
  private seq: number;
  /** Rows changed that no journal line holds: the next save writes a whole file. */
  private wholeDue = false;
  /** A whole file on its way, and whether another must follow it (more changed meanwhile). */
  private writing: Promise<void> | undefined;
  private again = false;
  /** Grows with every write made at once, so a whole file still on its way stands down. */
  private generation = 0;
  private timer: unknown;

  constructor(
    dataDir: string,
    log: Logger,
    private readonly debounceMs = 300,
    private readonly clock: Pick<Clock, 'setTimeout' | 'clearTimeout'> = systemClock,
    /** Told when a write starts or stops failing. */
    onWriteProblem?: () => void,
  ) {
    this.files = new CacheFiles(dataDir, log);
    this.problem = new WriteProblem({
      name: 'cache',
      file: this.files.file,
      log,
      clock,
      ...(onWriteProblem && { onChange: onWriteProblem }),
    });
    const opened = this.files.open();
    const data = opened.value;
    this.user = data.user;
    for (const item of data.workspaces) this.workspaces.set(item.id, item);
    for (const item of data.clients) this.clients.set(item.id, item);
    for (const row of data.projects) this.projects.set(row[0], fromProjectRow(row));
    for (const row of data.tasks) this.tasks.set(row[0], fromTaskRow(row));
    for (const team of data.teams) this.teams.set(team.wid, team);
    for (const entry of data.entries) this.entries.set(entry.id, entry);
    for (const organization of data.organizations) this.organizations.set(organization.id, organization);
    this.syncedAt = data.syncedAt;
    this.fullSyncedAt = data.fullSyncedAt;
    this.sinceCursor = data.sinceCursor;
    this.seq = data.journalSeq;
    for (const line of opened.journal) this.replay(line);
    this.recoveredFromCorruption =
      opened.movedAside !== undefined || opened.damagedCopy !== undefined || opened.unreadableLines > 0;
    // A lost journal line may have held anything: load the list whole from Toggl next time.
    if (opened.unreadableLines > 0) [this.syncedAt, this.fullSyncedAt, this.sinceCursor] = [null, null, null];
    // Past WHOLE_AFTER_ROWS the rows that changed are not needed: the next save writes the whole file.
    this.watched = {
      workspaces: this.workspaces.watch(),
      clients: this.clients.watch(),
      projects: this.projects.watch(WHOLE_AFTER_ROWS),
      tasks: this.tasks.watch(WHOLE_AFTER_ROWS),
      teams: this.teams.watch(),
      entries: this.entries.watch(),
      organizations: this.organizations.watch(),
    };
    if (opened.movedAside || opened.damagedCopy || opened.unreadableLines > 0 || opened.missing) this.flush();
  }

  get file(): string {
    return this.files.file;
  }

  /** Why the last write failed (what is on disk is from before), or null. */
  get writeProblem(): string | null {
    return this.problem.current;
  }

  /** Persists soon; many changes in a row make one save. */
  changed(): void {
    if (this.debounceMs <= 0) return this.save();
    this.timer ??= this.clock.setTimeout(() => this.save(), this.debounceMs);
  }

  /**
   * Saves what changed: a journal line, or, after a large change or once the journal is
   * long, a new whole file written in pieces. A failed write never throws: the list stays
   * in memory, the problem is reported, and the save is tried again a little later.
   */
  save(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.watched.projects.size + this.watched.tasks.size;
    const large = rows > WHOLE_AFTER_ROWS || this.files.journalBytes > FOLD_AFTER_BYTES;
    if (large || (this.wholeDue && !this.writing)) {
      this.wholeDue = true;
      // The whole file takes everything as it is when it starts; one on its way goes again after.
      for (const watched of Object.values(this.watched)) watched.drain();
      if (this.writing) this.again = true;
      else this.writing = this.writeWhole();
      return;
    }
    const line = this.journalLine();
    try {
      this.files.append(line);
      this.problem.ok();
    } catch (error) {
      // Nothing was added: the next try writes the whole file instead.
      this.wholeDue = true;
      this.problem.failed(error, () => this.save());
    }
  }

  /** Writes everything now, whole, and empties the journal (sign-out, quitting, tests). */
  flush(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
    for (const watched of Object.values(this.watched)) watched.drain();
    try {
      this.files.writeWholeSync(this.snapshot());
      this.wholeDue = false;
      this.problem.ok();
    } catch (error) {
      this.wholeDue = true;
      this.problem.failed(error, () => this.save());
    }
  }

  /** Resolves when no whole file is on its way (tests, benchmarks, quitting). */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Forgets everything (sign out) and writes the empty file at once. */
  clear(): void {
    this.user = null;
    const maps = [this.workspaces, this.clients, this.projects, this.tasks, this.teams, this.entries];
    for (const map of [...maps, this.organizations]) map.clear();
    this.syncedAt = null;
    this.fullSyncedAt = null;
    this.sinceCursor = null;
    this.flush();
  }

  close(): void {
    if (this.timer !== undefined || this.writing || this.wholeDue) {
      if (this.writing || this.wholeDue) this.flush();
      else this.save();
    }
    this.problem.stop();
  }

  private async writeWhole(): Promise<void> {
    const generation = this.generation;
    try {
      do {
        this.again = false;
        const snapshot = this.snapshot();
        const written = await this.files.writeWholeInPieces(snapshot, () => generation === this.generation);
        if (!written) return;
      } while (this.changedMeanwhile());
      this.wholeDue = false;
      this.problem.ok();
    } catch (error) {
      this.problem.failed(error, () => this.save());
    } finally {
      this.writing = undefined;
    }
  }

  /** More came while a whole file was on its way (set by save()). */
  private changedMeanwhile(): boolean {
    return this.again;
  }

  /** The whole list as of now (references: items are replaced, never changed, so it stays as it is). */
  private snapshot(): CacheSnapshot {
    return {
      schemaVersion: CACHE_SCHEMA_VERSION,
      journalSeq: this.seq,
      user: this.user,
      workspaces: [...this.workspaces.values()],
      clients: [...this.clients.values()],
      projects: [...this.projects.values()],
      tasks: [...this.tasks.values()],
      syncedAt: this.syncedAt,
      fullSyncedAt: this.fullSyncedAt,
      sinceCursor: this.sinceCursor,
      teams: [...this.teams.values()],
      entries: [...this.entries.values()],
      organizations: [...this.organizations.values()],
    };
  }

  private journalLine(): JournalLine {
    const line: JournalLine = { seq: ++this.seq, projects: [], tasks: [], goneProjects: [], goneTasks: [] };
    // While a whole file is on its way, the times and the user would run ahead of the rows on disk.
    if (!this.wholeDue)
      Object.assign(line, {
        user: this.user,
        syncedAt: this.syncedAt,
        fullSyncedAt: this.fullSyncedAt,
        sinceCursor: this.sinceCursor,
      });
    if (this.watched.workspaces.drain().length > 0) line.workspaces = [...this.workspaces.values()];
    if (this.watched.clients.drain().length > 0) line.clients = [...this.clients.values()];
    if (this.watched.teams.drain().length > 0) line.teams = [...this.teams.values()];
    if (this.watched.entries.drain().length > 0) line.entries = [...this.entries.values()];
    if (this.watched.organizations.drain().length > 0) line.organizations = [...this.organizations.values()];
    for (const id of this.watched.projects.drain()) {
      const project = this.projects.get(id);
      if (project) line.projects.push(toProjectRow(project));
      else line.goneProjects.push(id);
    }
    for (const id of this.watched.tasks.drain()) {
      const task = this.tasks.get(id);
      if (task) line.tasks.push(toTaskRow(task));
      else line.goneTasks.push(id);
    }
    return line;
  }

  private replay(line: JournalLine): void {
    this.seq = line.seq;
    if (line.user !== undefined) this.user = line.user;
    if (line.syncedAt !== undefined) this.syncedAt = line.syncedAt;
    if (line.fullSyncedAt !== undefined) this.fullSyncedAt = line.fullSyncedAt;
    if (line.sinceCursor !== undefined) this.sinceCursor = line.sinceCursor;
    if (line.workspaces) replaceWith(this.workspaces, line.workspaces, (item) => item.id);
    if (line.clients) replaceWith(this.clients, line.clients, (item) => item.id);
    if (line.teams) replaceWith(this.teams, line.teams, (team) => team.wid);
    if (line.entries) replaceWith(this.entries, line.entries, (entry) => entry.id);
    if (line.organizations) replaceWith(this.organizations, line.organizations, (item) => item.id);
    for (const id of line.goneProjects) this.projects.delete(id);
    for (const id of line.goneTasks) this.tasks.delete(id);
    for (const row of line.projects) this.projects.set(row[0], fromProjectRow(row));
    for (const row of line.tasks) this.tasks.set(row[0], fromTaskRow(row));
  }
}

function replaceWith<T>(map: Map<number, T>, items: readonly T[], key: (item: T) => number): void {
  map.clear();
  for (const item of items) map.set(key(item), item);
}
