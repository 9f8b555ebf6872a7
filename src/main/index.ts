import path from 'node:path';
import { app, type IpcMainInvokeEvent, type Tray } from 'electron';
import type { MenuCommand } from '../shared/contract';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol';
import { APP_INDEX_URL } from './electron/app-request';
import { createAppUrlCheck } from './electron/app-url';
import { electronShellPort } from './electron/electron-shell-port';
import { openElectronVault } from './electron/electron-vault';
import { isOwnWindow, registerIpc } from './electron/ipc';
import { PopoverWindow } from './electron/popover-window';
import { failStartup, readConfigOrExit } from './electron/startup';
import { watchSystem } from './electron/system-events';
import { hardenWebContents } from './electron/security';
import { createTray } from './electron/tray';
import { composeApp } from './compose';
import { createConsoleLogger } from './services/logger';

// The Electron shell's start-up: it only wires modules together.
const log = createConsoleLogger('main');
// Held here so the tray icon is not garbage-collected away.
let tray: Tray | undefined;
const config = readConfigOrExit();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('start-up failed', { error });
      failStartup(error);
    });
}

async function start(): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const isAppUrl = createAppUrlCheck(devServerUrl);
  serveAppProtocol(path.join(import.meta.dirname, '../renderer'));
  const resourcesDir = path.join(app.getAppPath(), 'resources');
  const dataDir = app.getPath('userData');
  hardenWebContents(isAppUrl, log);
  if (process.platform === 'darwin') app.dock?.hide();

  const vault = await openElectronVault(config.apiUrl, dataDir, log);
  const app$ = await composeApp({ apiUrl: config.apiUrl, dataDir, vault, log });
  const { services, events } = app$;
  const popover = new PopoverWindow({
    preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
    iconPath: path.join(resourcesDir, 'icon.png'),
    load: (window) => window.loadURL(devServerUrl ?? APP_INDEX_URL),
  });
  events.attach(popover);
  const showWith = (command?: MenuCommand): void => {
    popover.showAt(tray?.getBounds());
    if (command) popover.emit('menu.command', { command });
  };
  const shell = electronShellPort(popover, () => showWith(), log);
  shell.applySettings(services.settings.get());
  registerIpc(app$.router<IpcMainInvokeEvent>(shell, (event) => isOwnWindow(event, popover.webContents, isAppUrl)));

  tray = createTray(resourcesDir, {
    toggle: (bounds) => popover.toggle(bounds),
    open: showWith,
    command: showWith,
    quit: () => app.quit(),
  });
  app.on('second-instance', () => showWith());
  watchSystem(services, log);
  log.info('started', { userData: dataDir, apiUrl: config.apiUrl, session: services.session.current().status });
}
