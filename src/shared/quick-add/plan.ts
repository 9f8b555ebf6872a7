/**
 * What a quick-add line will do, in one sentence, before it is done: the preview the popover
 * shows while the line is typed, and what Enter then carries out. Only what would go through
 * is an action; anything else (no name, words that match nothing or several equally well, an
 * archived project, what the user's rights or plan do not allow, an estimate that cannot be
 * read) says why and does nothing. The rules are those main's commands check again.
 */

import { formatDuration, parseEstimate } from '../durations';
import type { DataView } from '../entities';
import { newProjectWorkspace, taskLock } from '../rights';
import { matchPlace, type PlaceList } from './match';
import { parseQuickAdd, type QuickAddPart } from './parse';

/** What the planner reads: the list as the popover or main has it (and its search index, where it has one: PlaceList). */
export interface QuickAddView
  extends
    Pick<DataView, 'user' | 'workspaces' | 'rights' | 'projects' | 'clients' | 'tasks'>,
    Pick<PlaceList, 'index'> {
  /** A project's tasks, where the caller keeps them by project (the popover does): else `tasks` is read through. */
  tasksOf?: ((projectId: number) => readonly { name: string }[]) | undefined;
}

export interface QuickAddScope {
  /**
   * The workspace the list shows, or null for all: `@` looks there only, and a new project
   * goes there where the user may create one (else where New project puts it: rights.ts).
   */
  workspaceId: number | null;
}

export type QuickAddAction =
  | { kind: 'task'; wid: number; pid: number; name: string; estimatedSeconds: number | null }
  | { kind: 'project'; wid: number; cid: number | null; name: string };

/** Where the `@` part's words lie in the line, and the name Tab puts there instead. */
export interface QuickAddCompletion {
  from: number;
  to: number;
  text: string;
  /** The whole `@` part (its marker to the next one or the end): Tab completes while the caret is in it. */
  part: { start: number; end: number };
}

export interface QuickAddPlan {
  /** What Enter does; null when it does nothing (the text says why). */
  action: QuickAddAction | null;
  /** The preview: exactly what Enter will do, or why it will do nothing. */
  text: string;
  /** Set when the `@` part's words name one project or client by more or other words than its name. */
  completion: QuickAddCompletion | null;
}

/** Longest name Toggl keeps (main's commands refuse longer ones). */
const NAME_MAX = 255;

export const ESTIMATE_HELP = 'Write the estimate as ~2h, ~90m, ~1h30 or ~1.5h.';
export const QUICK_ADD_HELP = 'Type a name after +, then @project for a task, ~2h for its estimate.';

const refused = (text: string, completion: QuickAddCompletion | null = null): QuickAddPlan => ({
  action: null,
  text,
  completion,
});

/** The part's words (after its marker, without the spaces around them) replaced by `text`. */
function completionOf(line: string, part: QuickAddPart, text: string): QuickAddCompletion {
  const inner = line.slice(part.start + 1, part.end);
  const from = part.start + 1 + (inner.length - inner.trimStart().length);
  return { from, to: from + part.text.length, text, part: { start: part.start, end: part.end } };
}

/** The estimate in seconds, null for none, or the sentence that says how to write one. */
function estimateOf(parts: QuickAddPart[]): number | null | string {
  const [part, extra] = parts;
  if (!part) return null;
  if (extra) return `Give one estimate (this line has ${parts.length}).`;
  const seconds = parseEstimate(part.text);
  return typeof seconds === 'number' && seconds > 0 ? seconds : ESTIMATE_HELP;
}

/** Why a name will not do, or null. */
function nameProblem(name: string, what: 'task' | 'project'): string | null {
  if (name === '') return QUICK_ADD_HELP;
  if (name.length > NAME_MAX)
    return `A ${what} name can be at most ${NAME_MAX} characters (this one has ${name.length}).`;
  return null;
}

function newProject(
  view: QuickAddView,
  name: string,
  wid: number,
  client: { id: number; name: string } | null,
): QuickAddPlan {
  const reason = view.rights[wid]?.createProjects ?? null;
  if (reason !== null) return refused(reason);
  const cid = client?.id ?? null;
  const lower = name.toLowerCase();
  const clash = view.projects.find(
    (project) => project.wid === wid && project.cid === cid && project.name.toLowerCase() === lower,
  );
  if (clash)
    return refused(
      `A project named “${clash.name}” already exists ${client ? `for ${client.name}` : 'in this workspace'}.`,
    );
  const where = client
    ? `for ${client.name}`
    : `in ${view.workspaces.find((workspace) => workspace.id === wid)?.name ?? 'your workspace'}`;
  return { action: { kind: 'project', wid, cid, name }, text: `New project “${name}” ${where}`, completion: null };
}

/**
 * The plan for `line`, or null when the line is no quick-add (a search). `scope` says which
 * workspace the list shows and where a new project goes by default.
 */
export function planQuickAdd(view: QuickAddView, line: string, scope: QuickAddScope): QuickAddPlan | null {
  const parsed = parseQuickAdd(line);
  if (!parsed) return null;
  const { name, places, estimates } = parsed;
  if (places.length > 1) return refused(`Give one @ place (this line has ${places.length}).`);
  const estimate = estimateOf(estimates);
  const [place] = places;

  // No @ (or nothing after it): a new project where the New project button puts it.
  if (!place || place.text === '') {
    const problem = nameProblem(name, 'project');
    if (problem !== null) return refused(problem);
    if (estimates.length > 0) return refused('Only tasks take an estimate: add @project for a task, or leave out ~.');
    const home = newProjectWorkspace(view, scope.workspaceId);
    return 'reason' in home ? refused(home.reason) : newProject(view, name, home.wid, null);
  }

  const match = matchPlace(view, place.text, scope.workspaceId);
  if (match.kind === 'none') return refused(`No project or client matches “${place.text}”.`);
  if (match.kind === 'ambiguous') {
    const more = match.count > match.names.length ? ` and ${match.count - match.names.length} more` : '';
    return refused(`“${place.text}” matches ${match.names.join(', ')}${more} equally well: type more of the name.`);
  }
  const found = match.kind === 'project' ? match.project : match.client;
  // Typed as it is named (case aside), there is nothing to complete: Tab moves focus as always.
  const completion =
    found.name.toLowerCase() === place.text.toLowerCase() ? null : completionOf(line, place, found.name);

  if (match.kind === 'client') {
    const { client } = match;
    if (client.archived) return refused(`The client “${client.name}” is archived.`, completion);
    const problem = nameProblem(name, 'project');
    if (problem !== null) return refused(problem, completion);
    if (estimates.length > 0)
      return refused('Only tasks take an estimate: a client’s @ makes a project, so leave out ~.', completion);
    return { ...newProject(view, name, client.wid, client), completion };
  }

  const { project } = match;
  const reason =
    taskLock(view.rights[project.wid], project) ??
    nameProblem(name, 'task') ??
    (typeof estimate === 'string' ? estimate : null);
  if (reason !== null) return refused(reason, completion);
  const lower = name.toLowerCase();
  const siblings = view.tasksOf?.(project.id) ?? view.tasks.filter((task) => task.pid === project.id);
  if (siblings.some((task) => task.name.toLowerCase() === lower))
    return refused(`“${project.name}” already has a task named “${name}”.`, completion);
  const seconds = typeof estimate === 'number' ? estimate : null;
  return {
    action: { kind: 'task', wid: project.wid, pid: project.id, name, estimatedSeconds: seconds },
    text: `New task “${name}” in ${project.name}${seconds ? ` · est. ${formatDuration(seconds)}` : ''}`,
    completion,
  };
}
