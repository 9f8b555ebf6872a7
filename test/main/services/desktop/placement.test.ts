import { describe, expect, it } from 'vitest';
import {
  LaunchInbox,
  type Launch,
  asksForWindow,
  linkFrom,
  launchCommandFrom,
  launchCommandOf,
} from '../../../../src/main/services/desktop/launch-command';
import {
  isWaylandSession,
  placementFor,
  shortcutProblem,
  trayHostOn,
  type DesktopFacts,
} from '../../../../src/main/services/desktop/placement';

const linux: DesktopFacts = {
  platform: 'linux',
  wayland: false,
  trayHost: true,
  shortcut: 'CommandOrControl+Shift+Space',
};

describe('where the window goes and how its user finds it', () => {
  it('is a popover beside the tray where there is a tray and the app may place its window', () => {
    expect(placementFor(linux)).toEqual({
      mode: 'popover',
      hint: 'Toggl Tray lives in the system tray, at the top or bottom of your screen.',
    });
    expect(placementFor({ ...linux, platform: 'darwin' }).hint).toBe(
      'Toggl Tray lives in the menu bar, at the top right.',
    );
    expect(placementFor({ ...linux, platform: 'win32' }).hint).toMatch(/click \^ beside the clock/);
    // Unknown (no tool could ask the bus) is not "no tray": the popover, as before.
    expect(placementFor({ ...linux, trayHost: null }).mode).toBe('popover');
  });

  it('is a window with the way back in words where nothing shows tray icons, or on Wayland', () => {
    expect(placementFor({ ...linux, trayHost: false })).toEqual({
      mode: 'window',
      hint: 'Your desktop shows no tray icons, so Toggl Tray opens as a window. Press Ctrl+Shift+Space, or run “toggl-tray --toggle”, to open it again.',
    });
    expect(placementFor({ ...linux, wayland: true, shortcut: null })).toEqual({
      mode: 'window',
      hint: 'Toggl Tray lives in the system tray; on Wayland it opens as a window. Run “toggl-tray --toggle”, or bind it to a key in your desktop’s keyboard settings, to open it again.',
    });
  });

  it('knows a Wayland session unless told to run through XWayland', () => {
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' }, [])).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' }, [])).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' }, ['--ozone-platform=x11'])).toBe(false);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, [])).toBe(false);
  });

  it('says why a shortcut failed on Wayland and what to bind instead', () => {
    expect(shortcutProblem('Alt+T', true)).toBe(
      'Wayland does not let apps take global shortcuts here, so Alt+T was not set. Bind a key to “toggl-tray --toggle” in your desktop’s keyboard settings instead.',
    );
    expect(shortcutProblem('Alt+T', false)).toBe(
      'The shortcut Alt+T is taken by another app or the system; choose another.',
    );
  });
});

describe('a second start of toggl-tray', () => {
  it('reads --toggle or --show from its command line; a plain start shows the app', () => {
    expect(launchCommandOf(['/opt/Toggl Tray/toggl-tray', '--toggle'])).toBe('toggle');
    expect(launchCommandOf(['toggl-tray', '--original-process-start-time=1', '--show'])).toBe('show');
    expect(launchCommandOf(['toggl-tray'])).toBe('show');
    // A first start opens its window only when asked: a start at login stays in the tray.
    expect(asksForWindow(['toggl-tray', '--toggle'])).toBe(true);
    expect(asksForWindow(['toggl-tray'])).toBe(false);
    expect(asksForWindow(['toggl-tray', 'constructor', '--toString'])).toBe(false);
    expect(launchCommandOf(['toggl-tray', 'constructor'])).toBe('show');
  });

  it('takes the command the second instance handed over, and falls back on its command line', () => {
    expect(launchCommandFrom({ command: 'toggle' }, ['toggl-tray'])).toBe('toggle');
    expect(launchCommandFrom({ command: 'format-disk' }, ['toggl-tray', '--toggle'])).toBe('toggle');
    expect(launchCommandFrom(null, ['toggl-tray'])).toBe('show');
  });
});

describe('whether the desktop shows tray icons', () => {
  it('trusts "no tray host" on GNOME only; elsewhere an XEmbed tray may show the icon anyway', () => {
    expect(trayHostOn({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, false)).toBe(false);
    expect(trayHostOn({ XDG_CURRENT_DESKTOP: 'i3' }, false)).toBeNull();
    expect(trayHostOn({}, false)).toBeNull();
    expect(trayHostOn({ XDG_CURRENT_DESKTOP: 'KDE' }, true)).toBe(true);
    expect(trayHostOn({ XDG_CURRENT_DESKTOP: 'GNOME' }, null)).toBeNull();
  });

  it('reads XWayland asked for by the platform hint too', () => {
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' }, ['--ozone-platform-hint=x11'])).toBe(false);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0', ELECTRON_OZONE_PLATFORM_HINT: 'x11' }, [])).toBe(false);
  });
});

describe('commands from second starts', () => {
  it('are held until the window can take them, then given in order', () => {
    const inbox = new LaunchInbox();
    inbox.receive('toggle');
    // macOS's open-url can come before ready: held like a command.
    inbox.receive({ url: 'toggl-tray://stop' });
    inbox.receive('show');
    const taken: Launch[] = [];
    inbox.handleWith((command) => taken.push(command));
    inbox.receive('toggle');
    expect(taken).toEqual(['toggle', { url: 'toggl-tray://stop' }, 'show', 'toggle']);
  });

  it('take the link a second start handed over whole, else the one in its command line', () => {
    const argv = ['/opt/Toggl Tray/toggl-tray', '--original-process-start-time=1', 'toggl-tray://stop'];
    expect(linkFrom({ command: 'show', link: 'toggl-tray://start?project=Website' }, argv)).toBe(
      'toggl-tray://start?project=Website',
    );
    expect(linkFrom({ command: 'show' }, argv)).toBe('toggl-tray://stop');
    expect(linkFrom({ link: 42 }, ['toggl-tray'])).toBeUndefined();
    expect(linkFrom(null, ['toggl-tray', '--toggle'])).toBeUndefined();
  });
});
