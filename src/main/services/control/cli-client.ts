import os from 'node:os';
import path from 'node:path';
import { parseCommandLine, USAGE } from './command-line';
import { readStatusFile } from './status-file';
import { statusAnswer, statusText } from './status-text';

/** The app's data folder as Electron names it (`userData` of "Toggl Tray"), unless TOGGL_TRAY_DATA_DIR says. */
export function appDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  const given = env.TOGGL_TRAY_DATA_DIR?.trim();
  if (given) return path.resolve(given);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Toggl Tray');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Toggl Tray');
  return path.join(env.XDG_CONFIG_HOME?.trim() || path.join(home, '.config'), 'Toggl Tray');
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The process that wrote the file still runs (signal 0 asks without sending anything). */
function isAlive(pid: unknown): boolean {
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `toggl-tray …` from a terminal: `status` reads status.json (no request, app running or
 * not); every other command goes to the running app over its local socket. The exit status.
 */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args);
  if ('usageError' in parsed) {
    io.err(`${parsed.usageError}\n\n${USAGE}\n`);
    return 2;
  }
  const command = 'none' in parsed ? { kind: 'help' as const } : parsed.command;
  if (command.kind === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const dataDir = appDataDir(env);
  if (command.kind === 'status') {
    let snapshot;
    try {
      snapshot = await readStatusFile(dataDir);
    } catch (error) {
      io.err(`Could not read ${path.join(dataDir, 'status.json')}: ${(error as Error).message}\n`);
      return 1;
    }
    if (!snapshot) {
      io.err(`Toggl Tray has written no status in ${dataDir} yet: start it once.\n`);
      return 3;
    }
    const answer = statusAnswer(snapshot, isAlive(snapshot.pid), Date.now());
    io.out(`${command.json ? JSON.stringify(answer, null, 2) : statusText(answer)}\n`);
    return 0;
  }
  const { controlSocketPath, NotRunningError, sendCommand } = await import('./control-socket');
  try {
    const answer = await sendCommand(controlSocketPath(dataDir), args);
    if (answer.code === 0) io.out(`${answer.out}\n`);
    else io.err(`${answer.out}\n`);
    return answer.code;
  } catch (error) {
    if (error instanceof NotRunningError) {
      io.err(`Toggl Tray is not running (no answer at ${controlSocketPath(dataDir)}). Start it first.\n`);
      return 3;
    }
    io.err(`${(error as Error).message}\n`);
    return 1;
  }
}
