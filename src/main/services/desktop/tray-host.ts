import { execFile } from 'node:child_process';

/** The name a tray host (GNOME's AppIndicator extension, KDE, XFCE…) owns on the session bus. */
export const TRAY_WATCHER = 'org.kde.StatusNotifierWatcher';

interface BusProbe {
  command: string;
  args: (name: string) => string[];
  /** Reads "owned" from the tool's answer; null when the answer is not one. */
  read: (output: string) => boolean | null;
}

// Two tools that ask the bus; either may be missing on a given desktop.
const PROBES: BusProbe[] = [
  {
    command: 'dbus-send',
    args: (name) => [
      '--session',
      '--print-reply=literal',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${name}`,
    ],
    read: (output) => readBoolean(/\bboolean\s+(true|false)\b/.exec(output)?.[1]),
  },
  {
    command: 'gdbus',
    args: (name) => [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.NameHasOwner',
      name,
    ],
    read: (output) => readBoolean(/^\((true|false),\)$/.exec(output.trim())?.[1]),
  },
];

function readBoolean(word: string | undefined): boolean | null {
  return word === undefined ? null : word === 'true';
}

function run(command: string, args: string[], timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout) =>
      resolve(error ? null : stdout),
    );
  });
}

/**
 * Whether a name has an owner on the session bus: true, false, or null when no tool could
 * ask (no bus, neither dbus-send nor gdbus installed). Null is "unknown", never "no".
 */
export async function busNameHasOwner(name: string, timeoutMs = 1500): Promise<boolean | null> {
  for (const probe of PROBES) {
    const output = await run(probe.command, probe.args(name), timeoutMs);
    const owned = output === null ? null : probe.read(output);
    if (owned !== null) return owned;
  }
  return null;
}

/** Something on this Linux desktop shows tray icons (null: could not tell). */
export function linuxTrayHost(): Promise<boolean | null> {
  return busNameHasOwner(TRAY_WATCHER);
}
