import { systemClock } from './clock';
import { StatusFile, statusFilePath } from './control/status-file';
import { statusSnapshot } from './control/status-snapshot';
import type { EventSink } from './events';
import { IdleQuestions } from './idle/idle-question';
import type { IdleSource } from './idle/idle-source';
import { IdleWatcher } from './idle/idle-watcher';
import type { HotkeyPort } from './hotkeys/hotkey-port';
import { Hotkeys } from './hotkeys/hotkeys';
import { ManualHotkeyPort } from './hotkeys/manual-hotkey-port';
import { LinkRequests } from './control/link-requests';
import { createFrom } from './control/text-commands';
import type { Logger } from './logger';
import type { Redactor } from './redact';
import type { OpenSettingsFile } from './store/settings-file';
import { ProfileStore } from './session/profile-store';
import { SettingsStore } from './settings';
import { SessionService } from './session/session';
import { DataService, type DataServiceOptions } from './sync/data-service';
import { TogglApi } from './toggl/api';
import type { TogglHttpOptions } from './toggl/http';
import type { TokenVault } from './vault/vault';

export interface AppServicesOptions {
  apiUrl: string;
  dataDir: string;
  vault: TokenVault;
  events: EventSink;
  log: Logger;
  /** Learns every secret the Toggl client sends, so the log file never holds one. */
  redactor?: Redactor;
  /** Settings-sized files: electron-store in the Electron shell, conf (the default) elsewhere. */
  openSettingsFile?: OpenSettingsFile;
  /** Tests and benchmarks: a clock, faster retries, no pacing. */
  http?: Partial<TogglHttpOptions>;
  data?: Partial<Pick<DataServiceOptions, 'clock' | 'cacheDebounceMs' | 'engine'>>;
  /** The machine's idle time, sleep and lock (powerMonitor in the desktop app); none: nothing is watched. */
  idle?: IdleSource;
  /** Global shortcuts for the pinned projects and tasks (globalShortcut in the desktop app); none: pressed by hand only. */
  hotkeys?: HotkeyPort;
}

export interface AppServices {
  api: TogglApi;
  session: SessionService;
  data: DataService;
  settings: SettingsStore;
  /** status.json, for panel bars and `toggl-tray status`. */
  status: StatusFile;
  /** Time away from the machine while a timer runs: the question, and the watcher (when a source was given). */
  idle: { questions: IdleQuestions; watcher: IdleWatcher | null };
  /** Projects and tasks pinned to global shortcuts that start a timer on them. */
  hotkeys: Hotkeys;
  /** `toggl-tray://` links waiting for the user's confirm. */
  links: LinkRequests;
  /**
   * Lets a send on the wire finish and writes the cache and outbox. With a grace (a quit), waits
   * at most that long: then the files are written as they stand (a change still unsent stays
   * queued for the next start) and the request is cut off. Answers whether all settled in time.
   */
  close(graceMs?: number): Promise<boolean>;
}

/** True when `work` ends within `ms`; its failure counts as ended (the files are written either way). */
async function settledWithin(work: Promise<void>, ms: number): Promise<boolean> {
  const ended = work.then(
    () => true,
    () => true,
  );
  if (!Number.isFinite(ms)) return ended;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([ended, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Everything that does real work, in plain Node: both shells build exactly this. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { apiUrl, dataDir, vault, log } = options;
  const clock = options.data?.clock;
  // Every event a window gets also brings status.json up to date; it reads the services made below.
  const status: StatusFile = new StatusFile({
    file: statusFilePath(dataDir),
    snapshot: () => {
      const signedIn = session.current().status === 'signed-in';
      return statusSnapshot(
        signedIn ? data.currentView() : null,
        data.status(),
        (clock ?? systemClock).now(),
        process.pid,
      );
    },
    ready: () => data.caughtUp(),
    // Its "within a second" is the user's second, whatever clock the data runs on.
    clock: systemClock,
    log,
  });
  const events: EventSink = {
    emit(event, payload) {
      options.events.emit(event, payload);
      status.changed();
    },
  };
  const api = new TogglApi({
    baseUrl: apiUrl,
    log,
    ...(options.redactor && { secrets: options.redactor }),
    // One clock for the app: Toggl's offset from it (the `Date` header) is measured on the same one.
    ...(clock && { now: () => clock.now() }),
    ...options.http,
  });
  // Each refers to the other only from callbacks that run after both exist.
  const session: SessionService = new SessionService({
    apiUrl,
    api,
    vault,
    profile: new ProfileStore(dataDir, log, options.openSettingsFile),
    events,
    log,
    pendingChanges: () => data.queue.entries.length,
    queuedFor: () => ({ userId: data.cache.user?.id ?? null, count: data.queue.entries.length }),
    onSignOut: () => Promise.resolve(data.wipe()),
    onSignIn: (answer) => data.engine.sync('sign-in', answer),
  });
  const settings = new SettingsStore(dataDir, log, options.openSettingsFile);
  const data = new DataService({
    dataDir,
    api,
    events,
    log,
    isSignedIn: () => session.current().status === 'signed-in',
    backgroundSync: () => settings.get().backgroundSync,
    viewChanged: () => {
      questions.follow();
      watcher?.follow();
      hotkeys.follow();
    },
    ...options.data,
  });
  const questions = new IdleQuestions({
    timer: data.timer,
    view: () => data.currentView(),
    glance: () => data.latestView(),
    knownId: (id) => data.replayer.newIds.get(id) ?? id,
    togglAhead: () => api.http.serverClock.offsetMs,
    events,
    log,
  });
  const links = new LinkRequests({
    view: () => data.currentView(),
    signedIn: () => session.current().status === 'signed-in',
    timer: data.timer,
    create: (action) => createFrom(data, action),
    knownId: (id) => data.replayer.newIds.get(id) ?? id,
    events,
    log,
  });
  const source = options.idle;
  const watcher = source
    ? new IdleWatcher({
        clock: clock ?? systemClock,
        source,
        thresholdMs: () => settings.get().idleMinutes * 60_000,
        running: () => questions.running(),
        onIdle: (period) => questions.ask(period),
      })
    : null;
  const hotkeys = new Hotkeys({
    settings,
    port: options.hotkeys ?? new ManualHotkeyPort(),
    view: () => data.currentView(),
    signedIn: () => session.current().status === 'signed-in',
    start: (request) => data.timer.start(request),
    knownId: (id) => data.replayer.newIds.get(id) ?? id,
    events,
    log,
    now: () => (clock ?? systemClock).now(),
  });
  // The shells hand in their port once the app may take shortcuts (Electron: after ready).
  hotkeys.apply();
  const view = await session.restore();
  status.changed();
  // First start, or a cache that had to be rebuilt: load it now rather than at the next trigger.
  if (view.status === 'signed-in' && data.cache.syncedAt === null) {
    data.engine.sync('first').catch((error: unknown) => log.error('data: first sync failed', { error }));
  }
  return {
    api,
    session,
    data,
    settings,
    status,
    idle: { questions, watcher },
    hotkeys,
    links,
    close: async (graceMs = Number.POSITIVE_INFINITY) => {
      watcher?.close();
      hotkeys.close();
      data.stopTimers();
      const settled = await settledWithin(data.settled(), graceMs);
      data.close();
      await status.close();
      // With a grace (a quit) nothing else on the wire is waited for: sign-in, a refresh, a team load.
      await api.close(!settled || Number.isFinite(graceMs));
      return settled;
    },
  };
}
