import type { DataView, SyncStatus } from '../../../shared/entities';
import type { EventSink } from '../../ipc/events';
import type { Logger } from '../logger';
import { CacheStore } from '../store/cache-store';
import { OutboxStore } from '../store/outbox-store';
import type { TogglApi } from '../toggl/api';
import { DataCommands } from './commands';
import { Outbox } from './outbox';
import { SyncEngine, type SyncEngineOptions } from './sync-engine';
import { buildView } from './view';

export interface DataServiceOptions {
  dataDir: string;
  api: TogglApi;
  events: EventSink;
  log: Logger;
  isSignedIn: () => boolean;
  /** The user's "background sync" setting; off skips the slow timer (not the outbox). */
  backgroundSync?: () => boolean;
  now?: () => number;
  /** Cache write debounce (ms); 0 writes at once. */
  cacheDebounceMs?: number;
  engine?: Partial<
    Pick<SyncEngineOptions, 'policy' | 'staleAfterMs' | 'backgroundEveryMs' | 'fullEveryMs' | 'smallAccountItems'>
  >;
}

const TICK_MS = 60_000;
const PROBE_MS = 15_000;

/** The offline-first data layer: cache, outbox, commands and the sync engine, wired together. */
export class DataService {
  readonly cache: CacheStore;
  readonly outbox: Outbox;
  readonly commands: DataCommands;
  readonly engine: SyncEngine;
  private view: DataView | undefined;
  private emitScheduled = false;
  private sending: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly options: DataServiceOptions) {
    const now = options.now ?? Date.now;
    this.cache = new CacheStore(options.dataDir, options.log, options.cacheDebounceMs ?? 300);
    this.outbox = new Outbox({
      store: new OutboxStore(options.dataDir, options.log),
      cache: this.cache,
      api: options.api,
      log: options.log,
      now,
      onChange: () => this.dataChanged(),
    });
    this.engine = new SyncEngine({
      api: options.api,
      cache: this.cache,
      outbox: this.outbox,
      log: options.log,
      now,
      isSignedIn: options.isSignedIn,
      onStatus: (status) => options.events.emit('sync.status', status),
      onData: () => this.dataChanged(),
      ...options.engine,
    });
    this.commands = new DataCommands({
      cache: this.cache,
      outbox: this.outbox,
      view: () => this.currentView(),
      kick: () => this.sendSoon(),
    });
    if (this.cache.recoveredFromCorruption)
      options.log.warn('data: the cache was rebuilt; the next sync reloads it from Toggl');
  }

  /** The cached list with queued changes applied; rebuilt only after something changed. */
  currentView(): DataView {
    this.view ??= buildView(this.cache, this.outbox.entries, this.outbox.newIds);
    return this.view;
  }

  status(): SyncStatus {
    return this.engine.status();
  }

  /** Sends queued changes in the background; failures are kept in the outbox, not thrown. */
  sendSoon(mode: 'background' | 'user' = 'user'): void {
    this.sending = this.engine.sendOutbox(mode).catch((error: unknown) => {
      this.options.log.error('data: sending the outbox failed', { error });
    });
  }

  /** Resolves when the last send started by sendSoon() has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await this.sending;
  }

  /** Forgets the signed-in user's data (sign out). */
  wipe(): void {
    this.outbox.clear();
    this.cache.clear();
    this.dataChanged();
  }

  /** Real timers for the shells: the slow background sync and, while offline, a probe. */
  start(): void {
    const run = (task: () => Promise<unknown>): void => {
      task().catch((error: unknown) => this.options.log.error('data: background task failed', { error }));
    };
    this.timers.push(
      setInterval(() => {
        const background = this.options.backgroundSync?.() ?? true;
        run(() => (background ? this.engine.onTimer() : this.engine.sendOutbox('background')));
      }, TICK_MS),
    );
    this.timers.push(
      setInterval(() => {
        if (!this.engine.status().online) run(() => this.engine.probe());
      }, PROBE_MS),
    );
    for (const timer of this.timers) timer.unref();
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.cache.close();
  }

  private dataChanged(): void {
    this.view = undefined;
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    // Many changes in one tick (a replay pass, a sync) make one event.
    setImmediate(() => {
      this.emitScheduled = false;
      this.options.events.emit('data.changed', this.currentView());
      this.options.events.emit('sync.status', this.status());
    });
  }
}
