import path from 'node:path';
import { app } from 'electron';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol';
import { createAppUrlCheck } from './electron/app-url';
import { startDesktop } from './electron/desktop';
import { readDevSwitches } from './electron/dev-switches';
import { openElectronStoreFile } from './electron/electron-store-file';
import { openElectronVault } from './electron/electron-vault';
import { failStartup, readConfigOrFail } from './electron/startup';
import { startOrHandOver } from './electron/command-start';
import { QuitSequence, watchSystem } from './electron/system-events';
import { hardenWebContents } from './electron/security';
import { composeApp } from './compose';
import electronLog from 'electron-log/main';
import {
  LaunchInbox,
  asksForWindow,
  launchCommandFrom,
  launchCommandOf,
  linkFrom,
} from './services/desktop/launch-command';
import { appLinkIn } from './services/control/app-link';
import { registerLinks } from './electron/app-links';
import { isWaylandSession, trayHostOn } from './services/desktop/placement';
import { linuxTrayHost } from './services/desktop/tray-host';
import { createFileLogger } from './services/logger';
import { systemClock } from './services/clock';
import { ManualIdleSource } from './services/idle/manual-idle-source';
import { electronIdleSource } from './electron/electron-idle-source';
import { electronHotkeyPort } from './electron/electron-hotkey-port';
import { ManualHotkeyPort } from './services/hotkeys/manual-hotkey-port';
import { Redactor } from './services/redact';
import { appIdentity } from './services/app-identity';
import type { EnvConfig } from './services/config';

// The Electron shell's start-up: it only wires modules together.
const config = readConfigOrFail();
/** Commands and links from second starts and the OS, held until the window exists. */
const launches = new LaunchInbox();
if (config) {
  // macOS hands links over as `open-url`, before `ready` when a link started the app: listen first.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    launches.receive({ url });
  });
  // Before anything can make the app ready, whichever way this start goes.
  registerAppScheme();
  startOrHandOver((pending) => boot(config, pending));
}

/** `pending`: a `toggl-tray` command this start was given, carried out once the app is up. */
function boot(config: EnvConfig, pending: readonly string[] | null): void {
  // After the config, which may move userData (and with it the log folder on Linux and Windows).
  const redactor = new Redactor();
  const logsFolder = app.getPath('logs');
  const log = createFileLogger(electronLog, { scope: 'main', folder: logsFolder, redactor });
  const dev = readDevSwitches(process.env, app.isPackaged);
  if (dev.ignored.length > 0) log.warn('release build: development switches ignored', { ignored: dev.ignored });
  // A second start hands its command or link to the first and quits; the first holds them until its window exists.
  // A command's own words are no link, even one that starts with "toggl-tray:" (`toggl-tray start toggl-tray: docs`).
  const link = pending ? undefined : appLinkIn(process.argv);
  if (!app.requestSingleInstanceLock({ command: launchCommandOf(process.argv), ...(link && { link }) }))
    return app.quit();
  // Windows shows a notification only under the AppUserModelID of a Start menu shortcut: the
  // installer's carries build.appId, and without this call Electron would use "electron.app.Toggl Tray".
  if (process.platform === 'win32') app.setAppUserModelId(appIdentity.appId);
  app.on('second-instance', (_event, argv, _cwd, data) => {
    const handed = linkFrom(data, argv);
    launches.receive(handed ? { url: handed } : launchCommandFrom(data, argv));
  });
  // Windows and Linux start the app with the link among its arguments.
  if (link) launches.receive({ url: link });

  const start = async (): Promise<void> => {
    const isAppUrl = createAppUrlCheck(dev.rendererUrl);
    serveAppProtocol(path.join(import.meta.dirname, '../renderer'));
    hardenWebContents(isAppUrl, log);
    if (process.platform === 'darwin') app.dock?.hide();
    registerLinks(dev.testHooks, log);
    const dataDir = app.getPath('userData');
    const wayland = process.platform === 'linux' && isWaylandSession(process.env, process.argv);
    // Asked while the keychain opens: a bus round trip, not a wait of its own.
    const trayHost = process.platform === 'linux' ? linuxTrayHost() : Promise.resolve(true);
    const vault = await openElectronVault(config.apiUrl, dataDir, log);
    // The e2e specs drive idle time, sleep and lock by hand (test hooks); otherwise powerMonitor.
    const testIdle = dev.testHooks ? new ManualIdleSource(systemClock) : undefined;
    // The hotkeys likewise: pressed by the specs, else globalShortcut (now, after ready).
    const testHotkeys = dev.testHooks ? new ManualHotkeyPort() : undefined;
    const ports = {
      idle: testIdle ?? electronIdleSource,
      hotkeys: testHotkeys ?? electronHotkeyPort(wayland),
      apiUrl: config.apiUrl,
      dataDir,
      vault,
      log,
      openSettingsFile: openElectronStoreFile,
      redactor,
      logsFolder,
    };
    const composed = await composeApp(ports);
    const facts = { platform: process.platform, wayland, trayHost: trayHostOn(process.env, await trayHost) };
    const quit = new QuitSequence(composed.services, log);
    const openAtStart = asksForWindow(process.argv);
    const options = { composed, dataDir, dev, facts, openAtStart, launches, quit, isAppUrl, logsFolder, log, pending };
    startDesktop({ ...options, openSettingsFile: openElectronStoreFile, testIdle, testHotkeys });
    watchSystem(composed.services, quit, log);
    log.info('started', {
      userData: dataDir,
      apiUrl: config.apiUrl,
      facts,
      session: composed.services.session.current().status,
    });
  };
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('start-up failed', { error });
      failStartup(error);
    });
}
