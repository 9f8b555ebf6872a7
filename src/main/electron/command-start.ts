import { app } from 'electron';
import { runCli } from '../services/control/cli-client';
import { parseCommandLine } from '../services/control/command-line';

/** Commands that change data or ask the app: a start that finds no app running becomes the app and carries them out. */
const NEEDS_THE_APP = new Set(['start', 'stop', 'continue', 'add']);
/** What a start hands the running app through the single-instance lock, or becomes the app for. */
const BOOTS = new Set(['open', 'toggle', 'link']);

/**
 * `toggl-tray <command>` from the installed app's own executable: the command goes to the
 * running app over its socket and this process prints the answer and exits with its status.
 * With no app running, `status` still reads the status file; a data command starts the app
 * (`boot` with the command, carried out once the app is up). A plain start, `--show` and
 * `--toggle` and a `toggl-tray://` link boot as before (a second one reaches the first through
 * the single-instance lock).
 */
export function startOrHandOver(boot: (pending: readonly string[] | null) => void): void {
  // Packaged: [app, ...args]; from a checkout: [electron, ".", ...args].
  const args = process.argv.slice(app.isPackaged ? 1 : 2);
  const parsed = parseCommandLine(args);
  // A link (the OS starts the app with one) is no command to answer: it goes with the single-instance
  // lock to the running app, or this start becomes the app and shows it. A line that is no
  // command gets the usage and exit 2 (runCli), as from the Node command, not a popover.
  if ('none' in parsed || ('command' in parsed && BOOTS.has(parsed.command.kind))) return boot(null);
  const kind = 'command' in parsed ? parsed.command.kind : 'usage';
  let out = '';
  let err = '';
  const io = { out: (text: string) => void (out += text), err: (text: string) => void (err += text) };
  runCli(args, { ...process.env, TOGGL_TRAY_DATA_DIR: app.getPath('userData') }, io)
    .then((code) => {
      if (code === 3 && NEEDS_THE_APP.has(kind)) return boot(args);
      // app.exit ends at once: both writes finish first (Node writes a pipe asynchronously on POSIX).
      process.stdout.write(out, () => process.stderr.write(err, () => app.exit(code)));
    })
    .catch((error: unknown) => {
      process.stderr.write(`toggl-tray: ${error instanceof Error ? error.message : String(error)}\n`, () =>
        app.exit(1),
      );
    });
}
