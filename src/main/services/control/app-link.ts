/**
 * `toggl-tray://` links: a web page, a note or a launcher may open one. Reading them is pure;
 * carrying one out that changes data always waits for the user's Enter in the popover.
 */
export const APP_SCHEME = 'toggl-tray';

export type AppLink =
  | { kind: 'open' }
  | { kind: 'stop' }
  /** Where, by name (matched as `@` words are) or by Toggl id; all optional. */
  | {
      kind: 'start';
      description: string;
      project: string | null;
      task: string | null;
      projectId: number | null;
      taskId: number | null;
    }
  /** A quick-add line, as typed after `+`. */
  | { kind: 'add'; text: string };

export type ReadLink = { link: AppLink } | { problem: string };

/** Longer than any link a person or page means: refused before it is read. */
const MAX_LINK = 4096;

function idParam(params: URLSearchParams, name: string): number | null | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

const textParam = (params: URLSearchParams, name: string): string => (params.get(name) ?? '').trim();

/** Reads a link; a problem says what is wrong in a sentence for the user. */
export function parseAppLink(raw: string): ReadLink {
  if (raw.length > MAX_LINK) return { problem: 'That toggl-tray link is too long to be one.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'That is not a toggl-tray link.' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { problem: 'That is not a toggl-tray link.' };
  // toggl-tray://start?… puts "start" in the host; toggl-tray:start?… in the path.
  const action = (url.host || url.pathname.replace(/^\/+/, '')).replace(/\/+$/, '').toLowerCase();
  const params = url.searchParams;
  switch (action) {
    case '':
    case 'open':
      return { link: { kind: 'open' } };
    case 'stop':
      return { link: { kind: 'stop' } };
    case 'add': {
      const text = textParam(params, 'text');
      return text ? { link: { kind: 'add', text } } : { problem: 'A toggl-tray add link needs text=…' };
    }
    case 'start': {
      const projectId = idParam(params, 'project_id');
      const taskId = idParam(params, 'task_id');
      if (projectId === undefined || taskId === undefined)
        return { problem: 'project_id and task_id in a toggl-tray link are whole numbers.' };
      const project = textParam(params, 'project') || null;
      const task = textParam(params, 'task') || null;
      return {
        link: { kind: 'start', description: textParam(params, 'description'), project, task, projectId, taskId },
      };
    }
    default:
      return { problem: `toggl-tray links open, start, stop or add; not “${action}”.` };
  }
}

/** The link among a start's arguments (Windows and Linux hand it over as one), if any. */
export function appLinkIn(argv: readonly string[]): string | undefined {
  return argv.find((argument) => argument.toLowerCase().startsWith(`${APP_SCHEME}:`));
}
