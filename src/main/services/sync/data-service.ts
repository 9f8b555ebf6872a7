import { TimerCommands } from '../changes/timer-commands';
import type { DataView, SyncStatus } from '../../../shared/entities';
import { firstScreen, type FirstScreen, type FirstScreenRequest } from '../../../shared/first-screen';
import { DataCommands } from '../changes/commands';
import { TeamCommands } from '../changes/team-commands';
import { OrgGroupCommands } from '../changes/org-group-commands';
import { ChangeQueue } from '../changes/queue';
import { Replayer } from '../changes/replayer';
import { LARGE_DELTA_ITEMS, WHOLE_LIST_CHANGED } from '../../../shared/view-delta';
import { ListView } from '../changes/list-view';
import type { EventSink } from '../events';
import type { Logger } from '../logger';
import { CacheStore } from '../store/cache-store';
import { removeDamagedCopies } from '../store/json-store';
import { OutboxStore } from '../store/outbox-store';
import type { TogglApi } from '../toggl/api';
import { systemClock, type Clock } from '../clock';
import { nextTurn } from '../next-turn';
import { SendLoop } from './send-loop';
import { SyncEngine, type SyncEngineOptions } from './sync-engine';

export interface DataServiceOptions {
  dataDir: string;
  api: TogglApi;
  events: EventSink;
  log: Logger;
  isSignedIn: () => boolean;
  /** The user's "background sync" setting; off skips the slow sync (not sending the queue). */
  backgroundSync?: () => boolean;
  /** Once the cached list is read, and after the windows were told of each change (the running entry may have changed). */
  viewChanged?: () => void;
  clock?: Clock;
  /** Cache write debounce (ms); 0 writes at once. */
  cacheDebounceMs?: number;
  engine?: Partial<
    Pick<SyncEngineOptions, 'policy' | 'staleAfterMs' | 'backgroundEveryMs' | 'fullEveryMs' | 'smallAccountItems'>
  >;
}

/** The offline-first data layer: cache, queue, replay, commands, sync and the send loop, wired together. */
export class DataService {
  readonly cache: CacheStore;
  readonly queue: ChangeQueue;
  readonly replayer: Replayer;
  readonly commands: DataCommands;
  readonly team: TeamCommands;
  /** Settings' organization groups. */
  readonly orgGroups: OrgGroupCommands;
  readonly timer: TimerCommands;
  readonly engine: SyncEngine;
  readonly loop: SendLoop;
  private readonly outboxStore: OutboxStore;
  private readonly list: ListView;
  private view: DataView | undefined;
  /** The last view built, kept while a change waits to be taken in (latestView()). */
  private lastBuilt: DataView | undefined;
  /** The version the windows last received, which the next delta goes on top of. */
  private emitted: number | undefined;
  private version = 0;
  private emitScheduled = false;
  private emitting: Promise<void> | undefined;
  private first: (FirstScreenRequest & { version: number; answer: FirstScreen }) | undefined;

  constructor(private readonly options: DataServiceOptions) {
    const clock = options.clock ?? systemClock;
    const now = () => clock.now();
    const { api, log } = options;
    const diskChanged = () => this.dataChanged();
    this.cache = new CacheStore(options.dataDir, log, options.cacheDebounceMs ?? 300, clock, diskChanged);
    this.outboxStore = new OutboxStore(options.dataDir, log, clock, diskChanged);
    this.list = new ListView(this.cache);
    // A large cached list is taken in between other work, before a window asks for it.
    // Then whoever follows the view (the idle watcher) looks at it once: a timer may run since the last start.
    this.list
      .catchUp()
      .then(() => options.viewChanged?.())
      .catch((error: unknown) => log.error('data: reading the cached list failed', { error }));
    this.queue = new ChangeQueue({
      store: this.outboxStore,
      now,
      onChange: () => this.dataChanged(),
    });
    this.replayer = new Replayer({ queue: this.queue, cache: this.cache, api, log, now });
    const knownId = (id: number) => this.replayer.newIds.get(id) ?? id;
    this.engine = new SyncEngine({
      api,
      cache: this.cache,
      queue: this.queue,
      replayer: this.replayer,
      log,
      now,
      isSignedIn: options.isSignedIn,
      onStatus: (status) => options.events.emit('sync.status', status),
      onData: () => this.dataChanged(),
      diskProblem: () => {
        const reason = this.outboxStore.writeProblem ?? this.cache.writeProblem;
        return reason === null ? null : `Could not save changes to disk: ${reason}. Toggl Tray keeps trying.`;
      },
      ...options.engine,
    });
    this.loop = new SendLoop({
      engine: this.engine,
      queue: this.queue,
      api,
      clock,
      log,
      backgroundSync: () => options.backgroundSync?.() ?? true,
    });
    this.commands = new DataCommands({
      cache: this.cache,
      queue: this.queue,
      view: () => this.currentView(),
      queued: () => void this.loop.notify('changed'),
      knownId,
    });
    this.team = new TeamCommands({
      queue: this.queue,
      view: () => this.currentView(),
      queued: () => void this.loop.notify('changed'),
      knownId,
    });
    this.orgGroups = new OrgGroupCommands({
      queue: this.queue,
      view: () => this.currentView(),
      queued: () => void this.loop.notify('changed'),
      knownId,
    });
    this.timer = new TimerCommands({
      queue: this.queue,
      view: () => this.currentView(),
      queued: () => void this.loop.notify('changed'),
      // Stamped on Toggl's clock: entries made elsewhere are ordered against ours on it.
      now: () => now() + api.http.serverClock.offsetMs,
      knownId,
    });
    if (this.cache.recoveredFromCorruption)
      log.warn('data: the cache was rebuilt; the next sync reloads it from Toggl');
  }

  /** The cached list with queued changes applied; rebuilt only after something changed. */
  currentView(): DataView {
    this.view ??= this.list.build(this.queue.entries, this.replayer.newIds, ++this.version, this.queue.damaged);
    this.lastBuilt = this.view;
    if (this.emitted === undefined) {
      // Windows load their first copy with `data.view`; deltas start from the first one built.
      this.emitted = this.view.version;
      this.list.takeChanges();
    }
    return this.view;
  }

  /**
   * A glance for what follows every event (the tray's title): the last view built, while a change
   * is still to be taken in; the view with it follows with `data.changed`. Building it here would
   * take a full load's 110,000 items in one go, not a slice at a time.
   */
  latestView(): DataView {
    return this.lastBuilt ?? this.currentView();
  }

  /** Resolves once the list has taken in what the cache holds, a slice at a time (currentView() then builds little). */
  caughtUp(): Promise<void> {
    return this.list.catchUp();
  }

  /** The window's first answer: the first screen of the list, kept for the version and locale asked. */
  firstScreen(request: FirstScreenRequest): FirstScreen {
    const view = this.currentView();
    const kept = this.first;
    if (kept?.version === view.version && kept.locale === request.locale && kept.rows === request.rows)
      return kept.answer;
    const answer = firstScreen(view, request);
    this.first = { version: view.version, ...request, answer };
    return answer;
  }

  status(): SyncStatus {
    return this.engine.status();
  }

  /** Resolves when what the send loop last started has finished, and the windows heard of it (tests, shutdown). */
  async settled(): Promise<void> {
    await this.loop.settled();
    await this.engine.idle();
    await this.loop.settled();
    // And the windows were told (a large change is taken in a slice at a time first).
    while (this.emitScheduled || this.emitting) await (this.emitting ?? nextTurn());
  }

  /** Forgets the signed-in user's data (sign out). */
  wipe(): void {
    this.queue.clear();
    this.queue.clearDamaged();
    this.cache.clear();
    // Nothing of the user's stays behind: copies of damaged or unreadable files go too (the
    // outbox's go with its damaged records, above).
    removeDamagedCopies(this.options.dataDir, 'cache');
    this.dataChanged();
  }

  /** The shells: the send loop's own timers (background tick, backoff, probes while offline). */
  start(): void {
    this.loop.start();
  }

  /** No more background sends or syncs (quitting). */
  stopTimers(): void {
    this.loop.stop();
  }

  close(): void {
    this.loop.stop();
    this.cache.close();
    this.outboxStore.close();
  }

  private dataChanged(): void {
    this.view = undefined;
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    // Many changes in one tick (a replay pass, a sync) make one event.
    setImmediate(() => {
      this.emitting = this.emitChanges().finally(() => {
        this.emitting = undefined;
      });
    });
  }

  /** Tells the windows what changed; a large change is taken in a slice at a time first. */
  private async emitChanges(): Promise<void> {
    await this.list.catchUp();
    this.emitScheduled = false;
    const base = this.emitted;
    const { projects, tasks, version, ...rest } = this.currentView();
    this.emitted = version;
    const changes = this.list.takeChanges();
    if (base !== undefined && base !== version) {
      const { projects: p, tasks: t } = changes;
      const size = p.upsert.length + p.remove.length + t.upsert.length + t.remove.length;
      // A full load's 100,000 items would be one long serialization: windows page the list in instead.
      const none = { upsert: [], remove: [] };
      this.options.events.emit(
        'data.changed',
        size > LARGE_DELTA_ITEMS
          ? { base: WHOLE_LIST_CHANGED, version, projects: none, tasks: none, rest }
          : { base, version, ...changes, rest },
      );
    }
    this.options.events.emit('sync.status', this.status());
    this.options.viewChanged?.();
  }
}
