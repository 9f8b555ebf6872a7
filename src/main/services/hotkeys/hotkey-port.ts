/**
 * The hotkeys service's port onto the OS's global shortcuts: Electron's globalShortcut in the
 * desktop app (electron/electron-hotkey-port.ts), a hand-pressed one in the browser shell and
 * the tests (manual-hotkey-port.ts).
 */
export interface HotkeyPort {
  /** Why global shortcuts cannot work here (Wayland), with what to do instead; null where they can. */
  readonly unavailable: string | null;
  /** Takes `accelerator` for `onPress`; false when another app (or the system) holds it. */
  register(accelerator: string, onPress: () => void): boolean;
  /** Gives back every shortcut this port took (and only those: the popover's own shortcut stays). */
  unregisterAll(): void;
}
