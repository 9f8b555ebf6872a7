import path from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';

export interface TrayActions {
  toggle(bounds: Electron.Rectangle): void;
  open(): void;
  command(command: MenuCommand): void;
  quit(): void;
}

/** A line at the top of the menu (an update ready), or null for none. */
export interface TrayNotice {
  label: string;
  enabled: boolean;
  click(): void;
}

export interface AppTray {
  tray: Tray;
  /** The menu as it is now (the tray's right-click and Linux menu). */
  menu(): Menu;
  setNotice(notice: TrayNotice | null): void;
}

/** The icon file per platform: template images on macOS, .ico on Windows, PNGs on Linux. */
export function trayIconPath(resourcesDir: string, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return path.join(resourcesDir, 'tray', 'trayTemplate.png');
  if (platform === 'win32') return path.join(resourcesDir, 'tray', 'tray.ico');
  return path.join(resourcesDir, 'tray', 'tray.png');
}

export function createTray(resourcesDir: string, actions: TrayActions): AppTray {
  const icon = nativeImage.createFromPath(trayIconPath(resourcesDir, process.platform));
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  tray.setToolTip('Toggl Tray');

  const buildMenu = (notice: TrayNotice | null) => {
    const top: MenuItemConstructorOptions[] = notice
      ? [{ label: notice.label, enabled: notice.enabled, click: () => notice.click() }, { type: 'separator' }]
      : [];
    return Menu.buildFromTemplate([
      ...top,
      { label: 'Open Toggl Tray', click: () => actions.open() },
      { label: 'Refresh', click: () => actions.command('refresh') },
      { label: 'Settings…', click: () => actions.command('settings') },
      { label: 'Sign out…', click: () => actions.command('sign-out') },
      { type: 'separator' },
      { label: 'Quit Toggl Tray', click: () => actions.quit() },
    ]);
  };
  let menu = buildMenu(null);

  tray.on('click', (_event, bounds) => actions.toggle(bounds));
  // Linux's AppIndicator trays show only a menu; it must be set up front.
  if (process.platform === 'linux') tray.setContextMenu(menu);
  else tray.on('right-click', () => tray.popUpContextMenu(menu));
  return {
    tray,
    menu: () => menu,
    setNotice(notice) {
      menu = buildMenu(notice);
      if (process.platform === 'linux') tray.setContextMenu(menu);
    },
  };
}
