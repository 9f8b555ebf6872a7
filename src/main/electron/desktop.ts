import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { app, Menu, Notification, shell as desktop, type IpcMainInvokeEvent } from 'electron';
import { readableKeys } from '../../shared/accelerator';
import type { HotkeysView, IdleQuestion, MenuCommand } from '../../shared/contract';
import type { SyncStatus } from '../../shared/entities';
import type { ComposedApp } from '../compose';
import type { Launch, LaunchCommand, LaunchInbox } from '../services/desktop/launch-command';
import { placementFor, type DesktopFacts } from '../services/desktop/placement';
import type { Logger } from '../services/logger';
import type { OpenSettingsFile } from '../services/store/settings-file';
import { APP_INDEX_URL } from './app-request';
import { appMenuTemplate } from './app-menu-template';
import type { DevSwitches } from './dev-switches';
import { electronShellPort } from './electron-shell-port';
import { isOwnWindow, registerIpc } from './ipc';
import { PopoverWindow } from './popover-window';
import { createTray } from './tray';
import { trayState } from './tray-state';
import { idleTooltip, trayTimer } from '../services/desktop/tray-timer';
import type { ManualIdleSource } from '../services/idle/manual-idle-source';
import type { ManualHotkeyPort } from '../services/hotkeys/manual-hotkey-port';
import { exposeTestHooks } from './test-hooks';
import type { QuitSequence } from './system-events';
import { startUpdates } from './updates';
import { appIdentity } from '../services/app-identity';
import { startControl } from '../services/control/control';
import { textCommands } from '../services/control/text-commands';

export interface DesktopOptions {
  composed: ComposedApp;
  dataDir: string;
  dev: DevSwitches;
  /** The desktop as found at start: platform, Wayland, a tray host. */
  facts: Omit<DesktopFacts, 'shortcut'>;
  /** This (first) start was asked to open the window (`--show`, `--toggle`); a plain start, e.g. at login, is not. */
  openAtStart: boolean;
  /** Commands and links from second starts and the OS (held since the app started). */
  launches: LaunchInbox;
  quit: QuitSequence;
  isAppUrl: (url: string) => boolean;
  openSettingsFile: OpenSettingsFile;
  logsFolder: string;
  log: Logger;
  /** A `toggl-tray` command this start was given (no app was running to take it). */
  pending: readonly string[] | null;
  /** The idle source the e2e specs drive by hand (test hooks), or undefined. */
  testIdle: ManualIdleSource | undefined;
  /** The hotkeys the e2e specs press by hand (test hooks), or undefined. */
  testHotkeys: ManualHotkeyPort | undefined;
}

/** A hotkey pressed while the popover is hidden that started nothing says why where the user looks: a notification. */
function notifyRefusedPress(view: HotkeysView, log: Logger): void {
  const press = view.lastPress;
  if (!press?.refused) return;
  if (!Notification.isSupported()) return log.warn('hotkeys: no notifications on this desktop to say why');
  const keys = readableKeys(press.accelerator, process.platform);
  new Notification({ title: `Toggl Tray: ${keys} started nothing`, body: press.text }).show();
}

function openLogs(folder: string, log: Logger): void {
  desktop
    .openPath(folder)
    .then((problem) => problem && log.warn('tray: the logs folder did not open', { folder, problem }))
    .catch((error: unknown) => log.warn('tray: the logs folder did not open', { folder, error }));
}

/**
 * The desktop side: the popover window, the tray and its menu, IPC, update checks. The tray
 * stays referenced (and so on screen) through the handlers that use it.
 */
export function startDesktop(options: DesktopOptions): { popover: PopoverWindow } {
  const { composed, dataDir, dev, facts, isAppUrl, log } = options;
  const { services, events } = composed;
  const menu = appMenuTemplate({ platform: process.platform, packaged: app.isPackaged });
  Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
  const resourcesDir = path.join(app.getAppPath(), 'resources');
  // Tests record what the page receives, to prove the token is never in it (as the web shell does).
  const record = dev.ipcRecordFile
    ? (message: string) => appendFileSync(dev.ipcRecordFile as string, `${message}\n`)
    : undefined;
  const mode = dev.windowMode ?? placementFor({ ...facts, shortcut: null }).mode;
  const popover = new PopoverWindow({
    preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
    iconPath: path.join(resourcesDir, 'icon.png'),
    load: (window) => window.loadURL(dev.rendererUrl ?? APP_INDEX_URL),
    mode,
    // No tray to quit from: closing the window is quitting.
    closeQuits: facts.trayHost === false,
    quit: () => app.quit(),
    sessionEnding: () => options.quit.sessionEnding(),
    log,
    record,
  });
  events.attach(popover);
  const showWith = (command?: MenuCommand, centre = false): void => {
    popover.showAt(tray.tray.getBounds(), centre);
    if (command) popover.emit('menu.command', { command });
  };
  const run = (command: LaunchCommand): void =>
    command === 'toggle' ? popover.toggle(tray.tray.getBounds()) : showWith();
  const tray = createTray(resourcesDir, {
    openLogs: () => openLogs(options.logsFolder, log),
    toggle: (bounds) => popover.toggle(bounds),
    open: showWith,
    command: showWith,
    quit: () => app.quit(),
  });
  const updates = startUpdates({
    dataDir,
    settings: services.settings,
    openSettingsFile: options.openSettingsFile,
    log,
    setNotice: (notice) => tray.setNotice(notice),
    beforeInstall: async () => {
      await options.quit.close();
      popover.allowClose();
      app.releaseSingleInstanceLock();
    },
  });
  const shell = electronShellPort({
    popover,
    toggle: () => run('toggle'),
    desktop: facts,
    log,
    settingsApplied: () => updates.schedule(),
  });
  const problem = shell.applySettings(services.settings.get());
  if (problem) log.warn(`settings: ${problem}`);
  registerIpc(
    composed.router<IpcMainInvokeEvent>(shell, (event) => isOwnWindow(event, popover.webContents, isAppUrl)),
    record,
  );
  // The icon follows the sync state and the timer; the title and tooltip tick once a minute while one runs.
  let status: SyncStatus | undefined;
  const showTimer = (): void => {
    // Every sync.status of a full load comes here: a glance, not a build (data-service.ts).
    const view = services.data.latestView();
    const timer = trayTimer(view, Date.now());
    tray.setTimer(timer);
    if (status) tray.setState(trayState(status, timer.tooltip !== null));
  };
  // Back from time away with a timer running: the question opens the popover, as a tray click would
  // (the user is at the machine, and until they answer the entry holds time they may not want);
  // closed unanswered, it waits there and the tooltip says so.
  let asked: string | null = null;
  let notified: number | null = null;
  events.attach({
    emit: (event, payload) => {
      if (event === 'hotkeys.changed') {
        const view = payload as HotkeysView;
        // Once per press: the same press comes again with any later change of the pins.
        if (view.lastPress && view.lastPress.at !== notified && !popover.visible()) notifyRefusedPress(view, log);
        notified = view.lastPress?.at ?? notified;
      }
      if (event === 'sync.status') status = payload as SyncStatus;
      if (event === 'sync.status' || event === 'data.changed') showTimer();
      if (event !== 'idle.changed') return;
      const { question } = payload as { question: IdleQuestion | null };
      tray.setQuestion(question && idleTooltip(question));
      if (question && question.id !== asked) showWith();
      asked = question?.id ?? null;
    },
  });
  setInterval(showTimer, 60_000).unref();
  // A second start hands over its command (`toggl-tray --toggle` bound to a key on Wayland), or a
  // link (a second start, or macOS's open-url): the popover shows what it asks, or why it cannot.
  options.launches.handleWith((launch: Launch) => {
    if (typeof launch === 'string') return run(launch);
    services.links.receive(launch.url);
    showWith();
  });
  // macOS: opening the app again from Finder, Spotlight or the Dock.
  app.on('activate', () => showWith());
  app.on('before-quit', () => popover.allowClose());
  app.on('will-quit', () => updates.stop());
  // The quit sequence gave them back already; this covers a quit that skipped it.
  app.on('will-quit', () => services.hotkeys.close());
  exposeTestHooks(dev.testHooks, tray, popover, options.testIdle, options.testHotkeys);
  const commandShell = {
    open: () => (showWith(undefined, true), 'Shown.'),
    toggle: () => (run('toggle'), 'Shown or hidden.'),
    version: `${appIdentity.name} ${appIdentity.version}`,
  };
  startControl({ services, dataDir, shell: commandShell, text: textCommands(services), log })
    .then(({ runner, server }) => {
      app.on('will-quit', () => void server?.close());
      if (!options.pending) return;
      const answer = runner.run(options.pending);
      (answer.code === 0 ? process.stdout : process.stderr).write(`${answer.out}\n`);
    })
    .catch((error: unknown) => log.error('control: start failed', { error }));

  // A first start, a signed-out one, or a desktop with no tray to click: open by itself,
  // centred, where the page says where the app lives.
  const signedOut = services.session.current().status !== 'signed-in';
  if (signedOut || facts.trayHost === false || options.openAtStart) showWith(undefined, true);
  return { popover };
}
