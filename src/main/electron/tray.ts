import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';
import type { TrayTimer } from '../services/desktop/tray-timer';
import { trayIconPath, trayTooltip, type TrayState } from './tray-state';

export interface TrayActions {
  toggle(bounds: Electron.Rectangle): void;
  open(): void;
  command(command: MenuCommand): void;
  openLogs(): void;
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
  /** The menu's lines as they are now (separators left out), for the e2e test hooks. */
  menuLines(): { label: string; click: () => void }[];
  setNotice(notice: TrayNotice | null): void;
  /** Normal, offline, changes waiting or a change failed: the icon and tooltip say it. */
  setState(state: TrayState): void;
  /** The state the icon shows now. */
  state(): TrayState;
  /** The running entry: the menu-bar title on macOS, the tooltip everywhere. */
  setTimer(timer: TrayTimer): void;
  /** A question waits for the user (time away to keep or discard): the tooltip says so, whatever the state; null when none. */
  setQuestion(tooltip: string | null): void;
}

export function createTray(resourcesDir: string, actions: TrayActions): AppTray {
  const iconFor = (state: TrayState) => {
    const icon = nativeImage.createFromPath(trayIconPath(resourcesDir, process.platform, state));
    if (process.platform === 'darwin') icon.setTemplateImage(true);
    return icon;
  };
  const tray = new Tray(iconFor('normal'));
  tray.setToolTip(trayTooltip('normal'));
  let shown: TrayState = 'normal';
  let timer: TrayTimer = { title: '', tooltip: null };
  let question: string | null = null;
  const tooltip = (): string =>
    question ??
    (shown === 'running' || shown === 'normal' ? (timer.tooltip ?? trayTooltip(shown)) : trayTooltip(shown));

  type Line = { label: string; enabled?: boolean; click: () => void } | 'separator';
  const linesFor = (notice: TrayNotice | null): Line[] => [
    ...(notice ? [notice, 'separator' as const] : []),
    { label: 'Open Toggl Tray', click: () => actions.open() },
    { label: 'Refresh', click: () => actions.command('refresh') },
    { label: 'Settings…', click: () => actions.command('settings') },
    { label: 'Sign out…', click: () => actions.command('sign-out') },
    'separator',
    { label: 'Open Logs Folder', click: () => actions.openLogs() },
    { label: 'Quit Toggl Tray', click: () => actions.quit() },
  ];
  const toItem = (line: Line): MenuItemConstructorOptions =>
    line === 'separator'
      ? { type: 'separator' }
      : { label: line.label, enabled: line.enabled ?? true, click: () => line.click() };
  let lines = linesFor(null);
  let menu = Menu.buildFromTemplate(lines.map(toItem));

  tray.on('click', (_event, bounds) => actions.toggle(bounds));
  // Two quick clicks would arrive as one double-click on macOS: each is a click (open, close).
  if (process.platform === 'darwin') tray.setIgnoreDoubleClickEvents(true);
  // Linux's AppIndicator trays show only a menu; it must be set up front.
  if (process.platform === 'linux') tray.setContextMenu(menu);
  else tray.on('right-click', () => tray.popUpContextMenu(menu));
  return {
    tray,
    menuLines: () => lines.filter((line) => line !== 'separator'),
    state: () => shown,
    setState(state) {
      if (state === shown) return;
      shown = state;
      tray.setImage(iconFor(state));
      tray.setToolTip(tooltip());
    },
    setTimer(next) {
      if (next.title === timer.title && next.tooltip === timer.tooltip) return;
      timer = next;
      if (process.platform === 'darwin') tray.setTitle(timer.title);
      tray.setToolTip(tooltip());
    },
    setQuestion(next) {
      if (next === question) return;
      question = next;
      tray.setToolTip(tooltip());
    },
    setNotice(notice) {
      lines = linesFor(notice);
      menu = Menu.buildFromTemplate(lines.map(toItem));
      if (process.platform === 'linux') tray.setContextMenu(menu);
    },
  };
}
