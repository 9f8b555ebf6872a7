import { app, globalShortcut, shell, systemPreferences } from 'electron';
import { fromSystemAccent } from '../../shared/accent';
import type { AppSettings } from '../../shared/contract';
import type { ShellPort } from '../ipc/handlers';
import { XdgAutostart } from '../services/desktop/autostart';
import { placementFor, shortcutProblem, type DesktopFacts } from '../services/desktop/placement';
import type { Logger } from '../services/logger';
import type { PopoverWindow } from './popover-window';
import { openLinkChecked } from './security';

export interface ElectronShellOptions {
  popover: PopoverWindow;
  /** What the global shortcut does. */
  toggle: () => void;
  /** The desktop as found at start; the shortcut is filled in as registered. */
  desktop: Omit<DesktopFacts, 'shortcut'>;
  log: Logger;
  /** Told after settings apply (update checks follow their setting). */
  settingsApplied: () => void;
}

/** Launch at login: Electron's login items on macOS and Windows; on Linux, where they do nothing, an XDG autostart file. */
function loginItem(log: Logger): NonNullable<ShellPort['loginItem']> {
  if (process.platform === 'linux') {
    const autostart = new XdgAutostart({ env: process.env, execPath: process.execPath });
    try {
      autostart.refresh();
    } catch (error) {
      // A read-only autostart folder (a managed home) must not stop the app.
      log.warn('autostart: the entry could not be brought up to date', { file: autostart.file, error });
    }
    return { enabled: () => autostart.isEnabled(), set: (enabled) => autostart.set(enabled) };
  }
  return {
    // Windows: what Task Manager's Startup tab says counts ("Disabled" there is off here).
    enabled: () => {
      const settings = app.getLoginItemSettings();
      return process.platform === 'win32' ? settings.executableWillLaunchAtLogin : settings.openAtLogin;
    },
    set: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
  };
}

/** The Electron shell's side of the handlers: the popover, links, login item, global shortcut. */
export function electronShellPort(options: ElectronShellOptions): ShellPort {
  const { popover, desktop, log } = options;
  let registered: string | null = null;

  /** Registers the shortcut, or answers why it could not be (taken, refused by Wayland, unreadable). */
  function register(shortcut: string): string | null {
    try {
      if (globalShortcut.register(shortcut, options.toggle)) {
        registered = shortcut;
        return null;
      }
    } catch (error) {
      // Settings are checked before they get here; this is Electron refusing what passed.
      log.warn('shortcut: Electron refused it', { shortcut, error });
    }
    return shortcutProblem(shortcut, desktop.wayland);
  }

  return {
    kind: 'electron',
    hidePopover: () => popover.dismiss(),
    // macOS and Windows have an accent color; elsewhere Electron has none to give.
    accentColor: () =>
      process.platform === 'darwin' || process.platform === 'win32'
        ? fromSystemAccent(systemPreferences.getAccentColor())
        : null,
    openLink: (url) => openLinkChecked(url, log),
    // openPath answers an error text, empty when it worked.
    openFolder: async (folder) => (await shell.openPath(folder)) === '',
    settingsUnsupported: null,
    loginItem: loginItem(log),
    whereItLives: () => placementFor({ ...desktop, shortcut: registered }).hint,
    applySettings(settings: AppSettings): string | null {
      options.settingsApplied();
      if (settings.shortcut === registered) return null;
      if (registered) globalShortcut.unregister(registered);
      registered = null;
      return settings.shortcut ? register(settings.shortcut) : null;
    },
  };
}
