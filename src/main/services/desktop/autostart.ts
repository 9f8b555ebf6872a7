import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where a launch-at-login entry is written, and what it starts. */
export interface AutostartTarget {
  env: NodeJS.ProcessEnv;
  /** The running executable (process.execPath): the installed app, e.g. /opt/Toggl Tray/toggl-tray. */
  execPath: string;
  home?: string;
}

export const AUTOSTART_FILE_NAME = 'toggl-tray.desktop';

/** The XDG autostart folder: $XDG_CONFIG_HOME/autostart, else ~/.config/autostart. */
export function autostartFolder({ env, home = os.homedir() }: Pick<AutostartTarget, 'env' | 'home'>): string {
  const configHome = env.XDG_CONFIG_HOME?.trim();
  // The spec ignores a relative XDG_CONFIG_HOME.
  const base = configHome && path.isAbsolute(configHome) ? configHome : path.join(home, '.config');
  return path.join(base, 'autostart');
}

/** Run from an AppImage, the entry starts the AppImage itself: its own executable lives in a temporary mount. */
export function autostartCommand({ env, execPath }: AutostartTarget): string {
  const appImage = env.APPIMAGE?.trim();
  return appImage && path.isAbsolute(appImage) ? appImage : execPath;
}

/**
 * One Exec argument as the Desktop Entry spec wants it: quoted, with `"`, `` ` ``, `$` and `\`
 * escaped inside the quotes, `%` doubled (field codes), and the backslashes escaped once more
 * because Exec is itself a string value.
 */
export function quoteExecArgument(argument: string): string {
  const quoted = `"${argument.replace(/["`$\\]/g, (character) => `\\${character}`)}"`;
  return quoted.replace(/%/g, '%%').replace(/\\/g, '\\\\');
}

export function autostartEntry(target: AutostartTarget): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Toggl Tray',
    'Comment=Your Toggl Track projects and tasks, one click away',
    `Exec=${quoteExecArgument(autostartCommand(target))}`,
    'Icon=toggl-tray',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    // A moment for the tray host (GNOME's AppIndicator extension) to come up first.
    'X-GNOME-Autostart-Delay=5',
    '',
  ].join('\n');
}

/** Launch at login on Linux: Electron's login-item API is macOS and Windows only. */
export class XdgAutostart {
  readonly file: string;

  constructor(private readonly target: AutostartTarget) {
    this.file = path.join(autostartFolder(target), AUTOSTART_FILE_NAME);
  }

  /** On when our file is there and not switched off by the desktop (Hidden=true, as GNOME Tweaks writes). */
  isEnabled(): boolean {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return false;
    }
    return !/^\s*Hidden\s*=\s*true\s*$/im.test(text) && !/^\s*X-GNOME-Autostart-enabled\s*=\s*false\s*$/im.test(text);
  }

  set(enabled: boolean): void {
    if (!enabled) return rmSync(this.file, { force: true });
    mkdirSync(path.dirname(this.file), { recursive: true });
    // Written beside and renamed, so a session starting now never reads half a file.
    const partial = `${this.file}.partial`;
    writeFileSync(partial, autostartEntry(this.target), { mode: 0o644 });
    renameSync(partial, this.file);
  }

  /** An AppImage moved or replaced by an update: point an existing entry at where the app runs now. */
  refresh(): void {
    if (!this.isEnabled()) return;
    const wanted = autostartEntry(this.target);
    if (readFileSync(this.file, 'utf8') !== wanted) this.set(true);
  }
}
