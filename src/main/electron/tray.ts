import path from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import type { MenuCommand } from '../../shared/contract';

export interface TrayActions {
  toggle(bounds: Electron.Rectangle): void;
  open(): void;
  command(command: MenuCommand): void;
  quit(): void;
}

/** The icon file per platform: template images on macOS, .ico on Windows, PNGs on Linux. */
export function trayIconPath(resourcesDir: string, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return path.join(resourcesDir, 'tray', 'trayTemplate.png');
  if (platform === 'win32') return path.join(resourcesDir, 'tray', 'tray.ico');
  return path.join(resourcesDir, 'tray', 'tray.png');
}

export function createTray(resourcesDir: string, actions: TrayActions): Tray {
  const icon = nativeImage.createFromPath(trayIconPath(resourcesDir, process.platform));
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  tray.setToolTip('Toggl Tray');

  const menu = Menu.buildFromTemplate([
    { label: 'Open Toggl Tray', click: () => actions.open() },
    { label: 'Refresh', click: () => actions.command('refresh') },
    { label: 'Settings…', click: () => actions.command('settings') },
    { label: 'Sign out…', click: () => actions.command('sign-out') },
    { type: 'separator' },
    { label: 'Quit Toggl Tray', click: () => actions.quit() },
  ]);

  tray.on('click', (_event, bounds) => actions.toggle(bounds));
  if (process.platform === 'linux') {
    // Linux's AppIndicator trays show only a menu; it must be set up front.
    tray.setContextMenu(menu);
  } else {
    tray.on('right-click', () => tray.popUpContextMenu(menu));
  }
  return tray;
}
