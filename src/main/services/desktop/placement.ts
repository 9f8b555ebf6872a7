import { readableKeys } from '../../../shared/accelerator';

/**
 * How the app's window is placed on this desktop, and how its user finds it again. A tray
 * app with no tray to live in (GNOME without the AppIndicator extension) or no way to place
 * its window (Wayland) opens as a small normal window instead of running out of sight.
 */
export interface DesktopFacts {
  platform: NodeJS.Platform;
  /** A Wayland session that Electron runs natively in (setPosition, alwaysOnTop, skipTaskbar ignored). */
  wayland: boolean;
  /** Something shows tray icons: always on macOS and Windows; on Linux a StatusNotifierWatcher on the bus (null: unknown). */
  trayHost: boolean | null;
  /** The global shortcut as registered, or null. */
  shortcut: string | null;
}

export type WindowMode = 'popover' | 'window';

export interface Placement {
  mode: WindowMode;
  /** One sentence on where the app lives and how to reach it. */
  hint: string;
}

export const TOGGLE_COMMAND = 'toggl-tray --toggle';

/** Wayland unless the app was told to run through XWayland (`--ozone-platform=x11`, or the hint). */
export function isWaylandSession(env: NodeJS.ProcessEnv, argv: readonly string[]): boolean {
  const x11 = ['--ozone-platform=x11', '--ozone-platform-hint=x11'];
  if (argv.some((argument) => x11.includes(argument)) || env.ELECTRON_OZONE_PLATFORM_HINT === 'x11') return false;
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

export function placementFor(facts: DesktopFacts): Placement {
  const { platform, wayland, trayHost, shortcut } = facts;
  const keys = shortcut ? readableKeys(shortcut, platform) : null;
  const reach = keys
    ? `Press ${keys}, or run “${TOGGLE_COMMAND}”, to open it again.`
    : `Run “${TOGGLE_COMMAND}”, or bind it to a key in your desktop’s keyboard settings, to open it again.`;
  if (platform === 'darwin') return { mode: 'popover', hint: 'Toggl Tray lives in the menu bar, at the top right.' };
  if (platform === 'win32') {
    return {
      mode: 'popover',
      hint: 'Toggl Tray lives in the notification area; if you don’t see it, click ^ beside the clock, and drag it to the taskbar to keep it in sight.',
    };
  }
  if (trayHost === false) {
    return { mode: 'window', hint: `Your desktop shows no tray icons, so Toggl Tray opens as a window. ${reach}` };
  }
  if (wayland) {
    return { mode: 'window', hint: `Toggl Tray lives in the system tray; on Wayland it opens as a window. ${reach}` };
  }
  return { mode: 'popover', hint: 'Toggl Tray lives in the system tray, at the top or bottom of your screen.' };
}

/** Why a global shortcut did not register, and what to do instead. */
export function shortcutProblem(shortcut: string, wayland: boolean): string {
  if (wayland) {
    return `Wayland does not let apps take global shortcuts here, so ${shortcut} was not set. Bind a key to “${TOGGLE_COMMAND}” in your desktop’s keyboard settings instead.`;
  }
  return `The shortcut ${shortcut} is taken by another app or the system; choose another.`;
}

/**
 * What the bus said about a tray host, as far as it can be trusted. GNOME is the desktop
 * that shows none without its AppIndicator extension, and the bus says so reliably there;
 * elsewhere an old X11 tray (XEmbed: i3bar, tint2) shows Electron's icon without owning the
 * watcher's name, so "no" is only "unknown".
 */
export function trayHostOn(env: NodeJS.ProcessEnv, onBus: boolean | null): boolean | null {
  if (onBus !== false) return onBus;
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').split(':').map((name) => name.toUpperCase());
  return desktops.includes('GNOME') ? false : null;
}
