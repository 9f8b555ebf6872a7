import path from 'node:path';
import { app, dialog, type IpcMainInvokeEvent, type Tray } from 'electron';
import { createAppUrlCheck } from './electron/app-url';
import { isOwnWindow, registerIpc } from './electron/ipc';
import { PopoverWindow } from './electron/popover-window';
import { hardenWebContents, openExternalChecked } from './electron/security';
import { createTray } from './electron/tray';
import { createAppRouter } from './ipc/app-router';
import { ConfigError, readEnvConfig, type EnvConfig } from './services/config';
import { createConsoleLogger } from './services/logger';

// The Electron shell's start-up: it only wires modules together.
const log = createConsoleLogger('main');
// Held here so the tray icon is not garbage-collected away.
let tray: Tray | undefined;
let config: EnvConfig;
try {
  config = readEnvConfig(process.env);
} catch (error) {
  dialog.showErrorBox('Toggl Tray cannot start', error instanceof ConfigError ? error.message : String(error));
  app.exit(2);
  throw error;
}
if (config.dataDir) app.setPath('userData', path.resolve(config.dataDir));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

function start(): void {
  const rendererIndex = path.join(import.meta.dirname, '../renderer/index.html');
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const isAppUrl = createAppUrlCheck(devServerUrl, rendererIndex);
  const resourcesDir = path.join(app.getAppPath(), 'resources');
  hardenWebContents(isAppUrl, log);
  if (process.platform === 'darwin') app.dock?.hide();

  const popover = new PopoverWindow({
    preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
    iconPath: path.join(resourcesDir, 'icon.png'),
    load: (window) => (devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(rendererIndex)),
  });
  registerIpc(
    createAppRouter<IpcMainInvokeEvent>({
      shell: { kind: 'electron', hidePopover: () => popover.hide(), openExternal: openExternalChecked },
      apiUrl: config.apiUrl,
      log,
      isTrustedSender: (event) => isOwnWindow(event, popover.webContents, isAppUrl),
    }),
  );

  tray = createTray(resourcesDir, {
    toggle: (bounds) => popover.toggle(bounds),
    open: () => popover.showAt(tray?.getBounds()),
    command: (command) => {
      popover.showAt(tray?.getBounds());
      popover.emit('menu.command', { command });
    },
    quit: () => app.quit(),
  });
  app.on('second-instance', () => popover.showAt(tray?.getBounds()));
  // A tray app lives on with no window open.
  app.on('window-all-closed', () => undefined);
  log.info('started', { userData: app.getPath('userData'), apiUrl: config.apiUrl });
}
