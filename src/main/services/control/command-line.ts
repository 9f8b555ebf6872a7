import { APP_SCHEME } from './app-link';

/**
 * `toggl-tray` commands, read from a command line: the same words for the Node command
 * (`package.json` bin), a second start of the installed app, and the running app that
 * carries them out. Pure: tested in Node.
 */
export type Command =
  | { kind: 'start'; text: string }
  | { kind: 'stop' }
  | { kind: 'continue' }
  /** `start`: a timer on what it makes too (the popover's Shift+Enter). */
  | { kind: 'add'; text: string; start: boolean }
  | { kind: 'open' }
  | { kind: 'toggle' }
  | { kind: 'status'; json: boolean }
  /** A `toggl-tray://` link, given as `open-link <link>` or alone (as the OS starts the app with one). */
  | { kind: 'link'; url: string }
  | { kind: 'help' }
  | { kind: 'version' };

export type ParsedCommandLine = { command: Command } | { usageError: string } | { none: true };

export const USAGE = `Usage: toggl-tray <command>

  start "<description> @<project or task>"   start a timer (@ picks where; optional)
  stop                                       stop the running timer
  continue                                   start again the latest stopped entry
  add "<name> @<project or client> ~<estimate>"  quick-add a task or project
  add --start "<name> @<project> ~<estimate>"  … and start a timer on it
  open                                       show the popover
  open-link "toggl-tray://start?project=…"   open a link (what changes data waits for your OK)
  --toggle                                   show or hide the popover
  status [--json]                            the running timer, today's total, sync state
  help, --version

Exit status: 0 done, 1 refused (the reason on one line), 2 usage, 3 Toggl Tray is not running.`;

/**
 * Arguments Chromium or a desktop launcher may add to the app's own start: never a command.
 * `--` ends a launcher's options (Electron's docs register links as `app -- %1`); Windows adds
 * `-Embedding` when it starts the app for a notification's click.
 */
const isLauncherFlag = (argument: string): boolean =>
  /^--(?!toggle$|show$|json$|help$|version$)[a-z]/i.test(argument) ||
  argument === '--' ||
  argument.startsWith('-psn_') ||
  argument.toLowerCase() === '-embedding';

const TEXT_COMMANDS = new Set(['start', 'add']);
const WORDS = new Map<string, Command['kind']>([
  ['stop', 'stop'],
  ['continue', 'continue'],
  ['open', 'open'],
  ['show', 'open'],
  ['--show', 'open'],
  ['toggle', 'toggle'],
  ['--toggle', 'toggle'],
  ['help', 'help'],
  ['--help', 'help'],
  ['-h', 'help'],
  ['--version', 'version'],
]);

/**
 * The command in `args` (the arguments after the program), or `none` for a plain start of the
 * app. Text commands take the rest of the line, joined by spaces, so quoting is optional.
 */
export function parseCommandLine(args: readonly string[]): ParsedCommandLine {
  // Flags before the command are the launcher's or Chromium's; after it, they are the command's.
  const at = args.findIndex((argument) => !isLauncherFlag(argument));
  const [first, ...rest] = at < 0 ? [] : args.slice(at);
  if (first === undefined) return { none: true };
  const word = first.toLowerCase();
  if (word.startsWith(`${APP_SCHEME}:`)) {
    // A launcher may put its flags after the link it hands over.
    if (rest.some((argument) => !isLauncherFlag(argument)))
      return { usageError: `A link comes alone (got “${rest.join(' ')}” after it).` };
    return { command: { kind: 'link', url: first } };
  }
  if (word === 'open-link') {
    const [url, ...extra] = rest;
    if (url === undefined || extra.length > 0)
      return { usageError: 'open-link takes one link, e.g. toggl-tray open-link "toggl-tray://stop"' };
    return { command: { kind: 'link', url } };
  }
  if (TEXT_COMMANDS.has(word)) {
    const start = word === 'add' && rest[0] === '--start';
    const text = rest
      .slice(start ? 1 : 0)
      .join(' ')
      .trim();
    if (word === 'start') return { command: { kind: 'start', text } };
    if (text === '') return { usageError: 'add needs what to add, e.g. toggl-tray add "Fix login @Website"' };
    return { command: { kind: 'add', text, start } };
  }
  if (word === 'status') {
    const unknown = rest.find((argument) => argument !== '--json');
    if (unknown !== undefined) return { usageError: `status takes only --json, not “${unknown}”.` };
    return { command: { kind: 'status', json: rest.includes('--json') } };
  }
  const kind = WORDS.get(word);
  if (kind === undefined) return { usageError: `Unknown command “${first}”. Try: toggl-tray help` };
  if (rest.length > 0) return { usageError: `${first} takes no arguments (got “${rest.join(' ')}”).` };
  return { command: { kind } as Command };
}

/** What a command answers: the exit status and one line (or a few) for the terminal. */
export interface CommandAnswer {
  code: 0 | 1 | 2 | 3;
  out: string;
}
