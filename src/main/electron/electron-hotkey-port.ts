import { globalShortcut } from 'electron';
import type { HotkeyPort } from '../services/hotkeys/hotkey-port';

/**
 * The hotkeys' port on Electron's globalShortcut (only once the app is ready: the shell makes
 * it inside `whenReady`). It gives back only what it took, never `unregisterAll`, which would
 * take the popover's own shortcut too. On Wayland it takes nothing: a native Wayland session
 * lets apps take global shortcuts only through a portal most desktops lack, and Electron's
 * register would fail or bind nothing (electron.d.ts, app.setDesktopName: GNOME 50 rejects it
 * with no error to the app).
 */
export function electronHotkeyPort(wayland: boolean): HotkeyPort {
  const taken = new Set<string>();
  return {
    unavailable: wayland
      ? 'Global shortcuts don’t work on Wayland here: bind a key to each pin’s “toggl-tray start …” command (below) in your desktop’s keyboard settings instead.'
      : null,
    register(accelerator, onPress) {
      // False when another app or the system holds it (the OS does not let apps fight over keys).
      const registered = globalShortcut.register(accelerator, onPress);
      if (registered) taken.add(accelerator);
      return registered;
    },
    unregisterAll() {
      for (const accelerator of taken) globalShortcut.unregister(accelerator);
      taken.clear();
    },
  };
}
