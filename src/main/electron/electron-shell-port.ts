import { app, globalShortcut, shell, systemPreferences } from 'electron';
import { fromSystemAccent } from '../../shared/accent';
import type { AppSettings } from '../../shared/contract';
import type { ShellPort } from '../ipc/handlers';
import type { PopoverWindow } from './popover-window';
import type { Logger } from '../services/logger';
import { openLinkChecked } from './security';

/** The Electron shell's side of the handlers: the popover, links, login item, global shortcut. */
export function electronShellPort(
  popover: PopoverWindow,
  showPopover: () => void,
  log: Logger,
  /** Told after settings apply (update checks follow their setting). */
  settingsApplied: () => void,
): ShellPort {
  let registered: string | null = null;
  return {
    kind: 'electron',
    hidePopover: () => popover.hide(),
    // macOS and Windows have an accent color; elsewhere Electron has none to give.
    accentColor: () =>
      process.platform === 'darwin' || process.platform === 'win32'
        ? fromSystemAccent(systemPreferences.getAccentColor())
        : null,
    openLink: (url) => openLinkChecked(url, log),
    // openPath answers an error text, empty when it worked.
    openFolder: async (folder) => (await shell.openPath(folder)) === '',
    settingsUnsupported: null,
    applySettings(settings: AppSettings): string | null {
      app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin });
      settingsApplied();
      if (settings.shortcut === registered) return null;
      if (registered) globalShortcut.unregister(registered);
      registered = null;
      if (!settings.shortcut) return null;
      if (!globalShortcut.register(settings.shortcut, showPopover)) {
        return `The shortcut ${settings.shortcut} is taken by another app or the system; choose another.`;
      }
      registered = settings.shortcut;
      return null;
    },
  };
}
