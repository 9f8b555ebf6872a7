import type { CachedUser, CachedWorkspace, SyncStatus } from '../../../shared/entities';
import type { Logger } from '../logger';
import type { CacheStore } from '../store/cache-store';
import type { TogglApi } from '../toggl/api';
import { TogglApiError, formatWait } from '../toggl/errors';
import { applyChanges, replaceAll, replaceAllRead } from './cache-updates';
import { Slices } from '../store/slices';
import { loadManagedProjects, reloadPeople } from './people';
import { loadTeam } from './team-loader';
import { loadOrganizations } from './org-loader';
import { UserFacingError } from '../errors';
import { DEFAULT_POLICY, mayAfford, userQuota, type BudgetPolicy, type SyncTrigger } from './budget';
import { parseClients, parseProjects, parseTasks, toUser, parseWorkspaces, type SkipReport } from '../toggl/mapping';
import { parseTimeEntries } from '../toggl/time-entry-mapping';
import type { ChangeQueue } from '../changes/queue';
import { PiecedList, type PiecedJson } from '../toggl/pieced-json';
import type { ReplayResult, Replayer } from '../changes/replayer';

export interface SyncEngineOptions {
  api: TogglApi;
  cache: CacheStore;
  queue: ChangeQueue;
  replayer: Replayer;
  log: Logger;
  now: () => number;
  /** False while nobody is signed in: no requests at all. */
  isSignedIn: () => boolean;
  onStatus: (status: SyncStatus) => void;
  /** Called after the cache changed (the view must be rebuilt). */
  onData: () => void;
  /** Why writing to disk fails right now, in words, or null. */
  diskProblem?: () => string | null;
  policy?: BudgetPolicy;
  /** Data older than this is refreshed when the popover opens (ms). */
  staleAfterMs?: number;
  /** The background timer's least interval (ms); Toggl's quota wants 15 min or more. */
  backgroundEveryMs?: number;
  /** A full load is due after this long anyway: workspaces and roles only come with it (ms). */
  fullEveryMs?: number;
  /** Accounts smaller than this load whole (1 request) rather than by `since` (3 requests). */
  smallAccountItems?: number;
}

const SINCE_MARGIN_S = 60;
/** /me requests an incremental sync makes. */
export const INCREMENTAL_COST = 4;
/** Time entries kept: this week's total needs at most 7 days back; a day's margin. */
const ENTRIES_KEPT_MS = 8 * 86_400_000;
/** However old, the newest few stay, for "Recent entries" to continue. */
const ENTRIES_KEPT_NEWEST = 10;
const PEOPLE_EVERY_MS = 3600_000;

/**
 * Keeps the cache in step with Toggl without running out of the hourly quota: one
 * `GET /me?with_related_data=true` to start, then `since` deltas (or a whole load when that is
 * cheaper), spent only when a trigger's budget allows. Sends the queue after each sync.
 * When to sync and send is the send loop's call; this only does it.
 */
export class SyncEngine {
  private online = true;
  private syncing = false;
  private pausedUntil: number | null = null;
  private problem: string | null = null;
  private lastBackgroundAt = 0;
  private running: Promise<void> | undefined;
  /** A Refresh made while a sync was under way: it runs once that one is done. */
  private manualAfter: Promise<void> | undefined;
  /** When project managers and opened teams were last asked for (null: not since start). */
  private peopleAt: number | null = null;
  private readonly policy: BudgetPolicy;

  constructor(private readonly options: SyncEngineOptions) {
    this.policy = options.policy ?? DEFAULT_POLICY;
  }

  status(): SyncStatus {
    const now = this.options.now();
    const counts = this.options.queue.counts();
    return {
      online: this.online,
      syncing: this.syncing,
      lastSyncedAt: this.options.cache.syncedAt,
      pending: counts.pending,
      failed: counts.failed,
      conflicts: counts.conflicts,
      quota: userQuota(this.options.api.quota, this.policy.userLimit, now),
      pausedUntil: this.pausedUntil !== null && this.pausedUntil > now ? this.pausedUntil : null,
      problem: this.problem,
      diskProblem: this.options.diskProblem?.() ?? null,
    };
  }

  private emit(): void {
    this.options.onStatus(this.status());
  }

  /** The list is a few minutes old (or was never loaded). */
  isStale(): boolean {
    const { syncedAt } = this.options.cache;
    return syncedAt === null || this.options.now() - syncedAt >= (this.options.staleAfterMs ?? 5 * 60_000);
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** The network is back (an online event or a probe that got through). */
  markOnline(): void {
    this.online = true;
    this.emit();
  }

  /** Whether the slow background sync is due (then it counts as done now). */
  takeBackgroundTurn(): boolean {
    const every = this.options.backgroundEveryMs ?? 15 * 60_000;
    const now = this.options.now();
    if (now - this.lastBackgroundAt < every || now - (this.options.cache.syncedAt ?? 0) < every) return false;
    this.lastBackgroundAt = now;
    return true;
  }

  /** When a 402 pause ends (epoch ms), if one is on. */
  get pausedUntilTime(): number | null {
    return this.pausedUntil;
  }

  /**
   * Sends the queue: "background" keeps to backoff and to a 402 pause; "reconnect" skips
   * the backoff (the network is back); "user" (Retry, Refresh, a new change) skips both.
   */
  async push(mode: 'background' | 'reconnect' | 'user'): Promise<void> {
    if (!this.options.isSignedIn() || this.options.queue.counts().pending === 0) return this.emit();
    const now = this.options.now();
    if (mode !== 'user' && this.pausedUntil !== null && this.pausedUntil > now) return this.emit();
    const result = await this.options.replayer.replay({ ignoreBackoff: mode !== 'background' });
    this.noteReplay(result);
    this.options.onData();
    this.emit();
  }

  private noteReplay(result: ReplayResult): void {
    if (result.stoppedBy === 'offline') this.online = false;
    else if (result.sent > 0 || result.stoppedBy === null) this.online = true;
    if (result.stoppedBy === 'quota' && result.resumeAt !== null) this.pausedUntil = result.resumeAt;
  }

  /** Resolves when no sync is running (one started outside the send loop, e.g. at sign-in). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /**
   * One sync at a time. `answer` is a `GET /me?with_related_data=true` already made (the one
   * that signed the user in): it is taken in as a full load, with no request and no budget.
   */
  sync(trigger: SyncTrigger, answer?: PiecedJson): Promise<void> {
    // Refresh wants what Toggl has now: a sync already under way may have asked before the change.
    // A sign-in's answer is newer than anything under way: taken in after it, never dropped.
    if ((trigger === 'manual' || answer) && this.running) {
      const after = this.running.catch(() => undefined).then(() => this.sync(trigger, answer));
      if (answer) return after;
      this.manualAfter ??= after.finally(() => {
        this.manualAfter = undefined;
      });
      return this.manualAfter;
    }
    this.running ??= this.run(trigger, answer).finally(() => {
      this.running = undefined;
      // Taken in, or not wanted after all (signed out meanwhile): the worker holding it stops.
      answer?.close();
    });
    return this.running;
  }

  private async run(trigger: SyncTrigger, answer?: PiecedJson): Promise<void> {
    if (!this.options.isSignedIn()) return;
    const now = this.options.now();
    const { cache } = this.options;
    if (!answer && trigger !== 'manual' && this.pausedUntil !== null && this.pausedUntil > now) return this.emit();
    const full = answer !== undefined || this.wantsFullLoad(now);
    // A full load is one /me request; an incremental one asks for projects, tasks, clients and time entries.
    const cost = full ? 1 : INCREMENTAL_COST;
    const quota = userQuota(this.options.api.quota, this.policy.userLimit, now);
    if (!answer && !mayAfford(quota, cost, trigger, this.policy)) {
      this.options.log.info('sync: skipped to save quota', { trigger, remaining: quota.remaining });
      if (trigger === 'manual') {
        const wait = quota.resetsAt ? ` It frees up in ${formatWait((quota.resetsAt - now) / 1000)}.` : '';
        this.problem = `Toggl's hourly limit is nearly used up, so the list was not refreshed.${wait}`;
      }
      return this.push('background');
    }
    this.syncing = true;
    this.emit();
    try {
      if (full) await this.fullLoad(now, trigger, answer);
      else await this.incremental(now);
      this.online = true;
      this.problem = null;
      this.pausedUntil = null;
      cache.changed();
      this.options.onData();
    } catch (error) {
      if (!(error instanceof TogglApiError)) throw error;
      this.noteFailure(error, now);
    } finally {
      this.syncing = false;
    }
    await this.push(trigger === 'manual' ? 'user' : 'background');
  }

  private wantsFullLoad(now: number): boolean {
    const { cache } = this.options;
    if (cache.sinceCursor === null || cache.fullSyncedAt === null) return true;
    // Which projects the user manages is still unknown somewhere: only a full load asks.
    if ([...cache.workspaces.values()].some((workspace) => workspace.managedPending)) return true;
    if (now - cache.fullSyncedAt >= (this.options.fullEveryMs ?? 6 * 3600_000)) return true;
    return cache.projects.size + cache.tasks.size < (this.options.smallAccountItems ?? 2_000);
  }

  private noteFailure(error: TogglApiError, now: number): void {
    this.options.log.warn('sync: failed', { kind: error.kind });
    if (error.kind === 'offline' || error.kind === 'connection-lost' || error.kind === 'timeout') {
      this.online = false;
      this.problem = null;
    } else if (error.kind === 'quota') {
      this.pausedUntil = now + (error.resetsInSeconds ?? 3600) * 1000;
      this.problem = error.message;
    } else if (error.kind !== 'signed-out') {
      this.problem = error.message;
    }
  }

  /** An answer item that could not be read: skipped (the rest is kept) and logged. */
  private readonly skipped: SkipReport = (what, problem) =>
    this.options.log.warn(`sync: skipped a ${what} Toggl Tray could not read`, { problem });

  /**
   * GET /me?with_related_data=true: everything in one user-quota request (or the one that
   * signed the user in). The list is shown as soon as it is read; who manages which project
   * (one workspace request where the user is not admin) refines the rights after it.
   */
  private async fullLoad(now: number, trigger: SyncTrigger, given?: PiecedJson): Promise<void> {
    const answer = given ?? (await this.options.api.loadMeWithRelatedData());
    const { user, workspaces } = await this.takeIn(answer).finally(() => answer.close());
    const { cache } = this.options;
    forgetOldEntries(cache.entries, now);
    cache.syncedAt = now;
    cache.fullSyncedAt = now;
    cache.sinceCursor = this.cursorAt(now);
    cache.changed();
    this.options.onData();
    // Who manages what, the members of opened projects and who tasks may go to change rarely: asked again on
    // Refresh, at start and sign-in, where still unknown, and otherwise at most hourly
    // (workspace quotas are small).
    const people = trigger === 'manual' || this.peopleAt === null || now - this.peopleAt >= PEOPLE_EVERY_MS;
    const context = { ...this.options, report: this.skipped };
    const ask = people ? workspaces : workspaces.filter((workspace) => workspace.managedPending);
    if (ask.length > 0)
      await replaceAll(cache.workspaces, await loadManagedProjects(context, user.id, workspaces, ask));
    if (people) {
      await reloadPeople(context, now);
      await this.reloadOrganizations(now, trigger);
      this.peopleAt = now;
    }
  }

  /**
   * The answer's user, workspaces and lists, each list taken into the cache as it is read. A
   * read that fails midway (the worker out of memory) leaves the lists before it replaced and
   * the rest as they were; the full-load time is not set, so the next sync loads all again.
   */
  private async takeIn(answer: PiecedJson): Promise<{ user: CachedUser; workspaces: CachedWorkspace[] }> {
    const { cache } = this.options;
    const user = toUser(answer.root);
    if (cache.user && cache.user.id !== user.id) {
      this.options.queue.clear();
      // Another account's organizations are not this one's: Settings asks again.
      cache.organizations.clear();
    }
    cache.user = user;
    const listed = answer.list('workspaces');
    const workspaces = parseWorkspaces(listed instanceof PiecedList ? await listed.joined() : listed, this.skipped);
    // What was known stays until Toggl answers; a workspace never seen before waits for it.
    for (const workspace of workspaces) {
      const before = cache.workspaces.get(workspace.id);
      workspace.managedProjects = before?.managedProjects ?? [];
      workspace.managedPending = !workspace.admin && (before === undefined || before.managedPending);
    }
    await replaceAll(cache.workspaces, workspaces);
    // Read a piece at a time, letting the tray and the windows be answered in between, in the
    // order the answer hands them over (ME_LISTS).
    await replaceAllRead(cache.clients, answer.list('clients'), parseClients, this.skipped);
    await replaceAllRead(cache.projects, answer.list('projects'), parseProjects, this.skipped);
    await replaceAllRead(cache.tasks, answer.list('tasks'), parseTasks, this.skipped);
    // The recent entries (the running one included) come in the same answer: no request of their own.
    await replaceAllRead(cache.entries, answer.list('time_entries'), parseTimeEntries, this.skipped);
    return { user, workspaces };
  }

  /**
   * Organization groups already shown in Settings come again with a full load once they are an
   * hour old (not with every Refresh): one more /me request, made only when the trigger's
   * budget has room for it.
   */
  private async reloadOrganizations(now: number, trigger: SyncTrigger): Promise<void> {
    const { cache, api, log } = this.options;
    const kept = [...cache.organizations.values()];
    if (kept.length === 0 || kept.every((organization) => now - organization.loadedAt < PEOPLE_EVERY_MS)) return;
    if (!mayAfford(userQuota(api.quota, this.policy.userLimit, now), 1, trigger, this.policy)) return;
    try {
      await loadOrganizations(api, cache, now, this.skipped);
    } catch (error) {
      if (error instanceof TogglApiError && error.kind === 'signed-out') throw error;
      log.warn('sync: could not reload organization groups', { error: String(error) });
    }
  }

  /**
   * Settings → Groups opened: the user's organizations and their groups, unless they came in
   * the last hour (then what is kept shows; Refresh asks again). One /me request, counted
   * against the /me budget like a sync the popover starts. Offline, the kept ones show.
   */
  async openGroups(): Promise<void> {
    const { cache, api } = this.options;
    // After a sync under way (a sign-in's): its requests, and the changes sent after it, go first.
    await this.idle();
    const now = this.options.now();
    const kept = [...cache.organizations.values()];
    if (kept.length > 0 && kept.every((organization) => now - organization.loadedAt < PEOPLE_EVERY_MS)) return;
    // Known to be offline: what is kept shows, and the next full load asks once Toggl is back.
    if (!this.online && kept.length > 0) return;
    if (!mayAfford(userQuota(api.quota, this.policy.userLimit, now), 1, 'popover', this.policy)) {
      if (kept.length > 0) return;
      throw new UserFacingError('refused', 'Toggl’s hourly limit is nearly used up: the groups show once it frees up.');
    }
    try {
      await loadOrganizations(api, cache, now, this.skipped);
    } catch (error) {
      const unreachable =
        error instanceof TogglApiError && ['offline', 'connection-lost', 'timeout'].includes(error.kind);
      if (unreachable && kept.length > 0) return;
      throw error;
    }
    cache.changed();
    this.options.onData();
  }

  /** The members and groups of a workspace, the first time a project's details there open. */
  async openTeam(wid: number): Promise<void> {
    const { cache, api } = this.options;
    const workspace = cache.workspaces.get(wid);
    if (!workspace || cache.teams.get(wid)?.complete) return;
    await loadTeam(api, cache, workspace, this.options.now(), this.skipped);
    cache.changed();
    this.options.onData();
  }

  /** The next `since`: now on Toggl's clock (its `at` stamps are), less a margin. */
  private cursorAt(now: number): number {
    return Math.floor((now + this.options.api.http.serverClock.offsetMs) / 1000) - SINCE_MARGIN_S;
  }

  /** Changes since the last sync, deleted items included; a refused `since` falls back to a full load. */
  private async incremental(now: number): Promise<void> {
    const { api, cache } = this.options;
    const since = cache.sinceCursor ?? 0;
    try {
      const projects = parseProjects(await api.getMyProjects({ since, include_archived: true }), this.skipped);
      const tasks = parseTasks(await api.getMyTasks({ since, include_not_active: true }), this.skipped);
      const clients = parseClients(await api.getMyClients({ since }), this.skipped);
      applyChanges(cache.projects, projects);
      applyChanges(cache.tasks, tasks);
      applyChanges(cache.clients, clients);
      applyChanges(cache.entries, parseTimeEntries(await api.timeEntries.listMine({ since }), this.skipped));
      forgetOldEntries(cache.entries, now);
      // Tasks of deleted projects go with them (a look at each of 100,000 tasks: a slice at a time).
      const slices = new Slices();
      await slices.next();
      for (const task of cache.tasks.values()) {
        if (!cache.projects.has(task.pid)) cache.tasks.delete(task.id);
        if (slices.due()) await slices.next();
      }
      cache.syncedAt = now;
      cache.sinceCursor = this.cursorAt(now);
    } catch (error) {
      if (error instanceof TogglApiError && error.kind === 'invalid' && /since/i.test(error.serverMessage ?? '')) {
        this.options.log.info('sync: Toggl refused since; loading everything');
        return this.fullLoad(now, 'manual');
      }
      throw error;
    }
  }
}

/**
 * Entries that ended before the window the app shows go, except the newest few (to continue);
 * the running one never does. A few hundred at most cross to the windows with every change.
 */
function forgetOldEntries(entries: Map<number, { start: string; stop: string | null }>, now: number): void {
  const newest = new Set(
    [...entries]
      .sort(([, a], [, b]) => Date.parse(b.start) - Date.parse(a.start))
      .slice(0, ENTRIES_KEPT_NEWEST)
      .map(([id]) => id),
  );
  for (const [id, entry] of entries) {
    if (entry.stop === null || newest.has(id)) continue;
    if (Date.parse(entry.stop) < now - ENTRIES_KEPT_MS) entries.delete(id);
  }
}
