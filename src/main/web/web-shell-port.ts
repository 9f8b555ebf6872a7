import type { ShellPort } from '../ipc/handlers';

/**
 * The browser shell's side of the handlers: no window to hide and no desktop to open links
 * on (the page does both itself), and no login items or global shortcuts.
 */
export const webShellPort: ShellPort = {
  kind: 'web',
  hidePopover: () => undefined,
  // The page follows the browser's own colors: no OS accent to hand it.
  accentColor: () => null,
  openLink: () => Promise.resolve(false),
  openFolder: () => Promise.resolve(false),
  applySettings: () => null,
  loginItem: null,
  whereItLives: () => null,
  settingsUnsupported:
    'Launch at login, the global shortcut, update checks and hotkeys take effect in the desktop app, not in the browser shell.',
};
