import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { app, shell as desktop, type IpcMainInvokeEvent } from 'electron';
import type { MenuCommand } from '../../shared/contract';
import type { SyncStatus } from '../../shared/entities';
import type { ComposedApp } from '../compose';
import type { Logger } from '../services/logger';
import type { OpenSettingsFile } from '../services/store/settings-file';
import { APP_INDEX_URL } from './app-request';
import { electronShellPort } from './electron-shell-port';
import { isOwnWindow, registerIpc } from './ipc';
import { PopoverWindow } from './popover-window';
import { createTray } from './tray';
import { trayState } from './tray-state';
import { exposeTestHooks } from './test-hooks';
import { startUpdates } from './updates';

export interface DesktopOptions {
  composed: ComposedApp;
  dataDir: string;
  devServerUrl: string | undefined;
  isAppUrl: (url: string) => boolean;
  openSettingsFile: OpenSettingsFile;
  logsFolder: string;
  log: Logger;
}

/**
 * The desktop side: the popover window, the tray and its menu, IPC, update checks. The tray
 * stays referenced (and so on screen) through the handlers that use it.
 */
export function startDesktop(options: DesktopOptions): void {
  const { composed, dataDir, devServerUrl, isAppUrl, log } = options;
  const { services, events } = composed;
  const resourcesDir = path.join(app.getAppPath(), 'resources');
  // Tests record what the page receives, to prove the token is never in it (as the web shell does).
  const recordFile = process.env.TOGGL_TRAY_IPC_RECORD;
  const record = recordFile ? (message: string) => appendFileSync(recordFile, `${message}\n`) : undefined;
  const popover = new PopoverWindow({
    preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
    iconPath: path.join(resourcesDir, 'icon.png'),
    load: (window) => window.loadURL(devServerUrl ?? APP_INDEX_URL),
    record,
  });
  events.attach(popover);
  const showWith = (command?: MenuCommand): void => {
    popover.showAt(tray.tray.getBounds());
    if (command) popover.emit('menu.command', { command });
  };
  const tray = createTray(resourcesDir, {
    openLogs: () => void desktop.openPath(options.logsFolder),
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
  });
  const shell = electronShellPort(
    popover,
    () => showWith(),
    log,
    () => updates.schedule(),
  );
  shell.applySettings(services.settings.get());
  registerIpc(
    composed.router<IpcMainInvokeEvent>(shell, (event) => isOwnWindow(event, popover.webContents, isAppUrl)),
    record,
  );
  events.attach({
    emit: (event, payload) => {
      if (event === 'sync.status') tray.setState(trayState(payload as SyncStatus));
    },
  });
  app.on('second-instance', () => showWith());
  exposeTestHooks(tray, popover);
  app.on('will-quit', () => updates.stop());
}
