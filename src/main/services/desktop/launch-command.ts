import { appLinkIn } from '../control/app-link';

/**
 * What a start of `toggl-tray` asks of the running app. A desktop without global shortcuts
 * (Wayland without the portal) binds a key to `toggl-tray --toggle` in its own settings; the
 * second start hands the command to the first and quits.
 */
export type LaunchCommand = 'toggle' | 'show';

/** What a start hands the running app: a command, or a `toggl-tray://` link (from the OS, or typed). */
export type Launch = LaunchCommand | { url: string };

// A Map, not an object: "--constructor" must not find Object's own.
const LAUNCH_FLAGS = new Map<string, LaunchCommand>([
  ['--toggle', 'toggle'],
  ['--show', 'show'],
  // The command line's words for the same (command-line.ts).
  ['toggle', 'toggle'],
  ['open', 'show'],
]);

/** The command in a command line; a plain start (from a menu, Finder, a second click) shows the app. */
export function launchCommandOf(argv: readonly string[]): LaunchCommand {
  for (const argument of argv) {
    const command = LAUNCH_FLAGS.get(argument);
    if (command) return command;
  }
  return 'show';
}

/** The command line asks for the window (a plain start, e.g. at login, does not). */
export function asksForWindow(argv: readonly string[]): boolean {
  return argv.some((argument) => LAUNCH_FLAGS.has(argument));
}

/** What the first instance receives from a second one (`requestSingleInstanceLock`'s additionalData). */
export function launchCommandFrom(additionalData: unknown, argv: readonly string[]): LaunchCommand {
  if (typeof additionalData === 'object' && additionalData !== null && 'command' in additionalData) {
    const { command } = additionalData;
    if (command === 'toggle' || command === 'show') return command;
  }
  // Older or foreign starters pass nothing: fall back on the command line (Chromium may reorder it).
  return launchCommandOf(argv);
}

/**
 * The link a second start was given: handed over whole as its additionalData (Chromium may
 * reorder or add to argv), else found in its command line.
 */
export function linkFrom(additionalData: unknown, argv: readonly string[]): string | undefined {
  if (typeof additionalData === 'object' && additionalData !== null && 'link' in additionalData) {
    const { link } = additionalData;
    if (typeof link === 'string') return link;
  }
  return appLinkIn(argv);
}

/**
 * Commands and links from second starts (and macOS's `open-url`, which can come before
 * `ready`), held until the window exists: a key bound to `--toggle` pressed, or a link
 * clicked, while this start is still opening the keychain is not lost.
 */
export class LaunchInbox {
  private readonly waiting: Launch[] = [];
  private handler: ((command: Launch) => void) | undefined;

  receive(command: Launch): void {
    if (this.handler) this.handler(command);
    else this.waiting.push(command);
  }

  /** From now on commands go to `handler`; those that came before go now, in order. */
  handleWith(handler: (command: Launch) => void): void {
    this.handler = handler;
    for (const command of this.waiting.splice(0)) handler(command);
  }
}
