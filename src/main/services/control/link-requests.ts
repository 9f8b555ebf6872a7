import type { LinkAnswer, LinkRequest } from '../../../shared/contract';
import type { DataView, TimerStart } from '../../../shared/entities';
import { matchPlace, matchTask } from '../../../shared/quick-add/match';
import type { QuickAddAction } from '../../../shared/quick-add/plan';
import { placeOfEntry, runningEntry } from '../../../shared/running-entry';
import { DESCRIPTION_MAX, type TimerCommands } from '../changes/timer-commands';
import { UserFacingError } from '../errors';
import type { EventSink } from '../events';
import type { Logger } from '../logger';
import { parseAppLink, type AppLink } from './app-link';
import { planAdd, timerWorkspace } from './text-commands';

export interface LinkRequestsOptions {
  view: () => DataView;
  signedIn: () => boolean;
  timer: Pick<TimerCommands, 'start' | 'stop'>;
  /** Makes what a quick-add plan says (text-commands' createFrom). */
  create: (action: QuickAddAction) => void;
  /** A temporary id's real one once Toggl gave it (the running entry may reach Toggl while a stop waits). */
  knownId: (id: number) => number;
  events: EventSink;
  log: Logger;
}

type Action =
  { kind: 'start'; start: TimerStart } | { kind: 'stop'; entryId: number } | { kind: 'add'; action: QuickAddAction };

type Resolved = { action: Action; text: string; confirm: string } | { problem: string };

type Link = Exclude<AppLink, { kind: 'open' }>;

interface Pending {
  id: string;
  /** Null when the link could not be read: nothing to resolve again. */
  link: Link | null;
  resolved: Resolved;
}

/** What a link did, for the command line that handed it over: 1 when it cannot be carried out. */
export interface LinkReceipt {
  code: 0 | 1;
  out: string;
}

const REPLACED = 'A newer link replaced that one; nothing was changed.';
const ANSWERED = 'That link was answered already; nothing was changed.';
const CHANGED = 'What this link does changed since it came (the list changed meanwhile): check it again.';
/** How much of a link the dialog shows. */
const SHOWN_LINK = 200;

const problem = (text: string): Resolved => ({ problem: text });
const quoted = (text: string): string => `“${text}”`;

/**
 * `toggl-tray://` links as they come from the OS, the command line or the browser shell. An
 * `open` link only shows the popover. One that changes data (start, stop, add) never does so
 * by itself: it is resolved against the list (names matched as quick-add's `@` words are, ids
 * looked up) and waits, as one pending request the windows show (`link.changed`), for the
 * user's confirm; a link that cannot be carried out waits the same way with its reason, so it
 * is never dropped unseen. A newer link replaces the waiting one and says so. Confirming goes
 * through the timer's and the forms' own commands, so it queues and works offline.
 */
export class LinkRequests {
  private pending: Pending | null = null;
  private shown: LinkRequest | null = null;
  /** The last request a newer link replaced: an answer to it says so. */
  private replacedId: string | null = null;
  private received = 0;

  constructor(private readonly options: LinkRequestsOptions) {}

  /** What the windows show: the link waiting, or null. */
  current(): LinkRequest | null {
    return this.shown;
  }

  /** A link came: the shell shows the popover whatever this answers. */
  receive(raw: string): LinkReceipt {
    const read = parseAppLink(raw);
    if ('link' in read && read.link.kind === 'open') {
      this.options.log.info('link: open');
      return { code: 0, out: 'Shown.' };
    }
    const link = 'link' in read && read.link.kind !== 'open' ? read.link : null;
    const resolved = link
      ? this.resolve(link)
      : problem('problem' in read ? read.problem : 'That link cannot be read.');
    const previous = this.pending;
    let notice: string | null = null;
    if (previous) {
      this.replacedId = previous.id;
      if ('action' in previous.resolved)
        notice = `This link replaced one that was waiting, which would have done: ${previous.resolved.text}`;
    }
    this.show({ id: `link-${++this.received}`, link, resolved }, raw, notice);
    const kind = link?.kind ?? 'unreadable';
    if ('problem' in resolved) {
      this.options.log.warn('link: cannot be carried out', { kind, problem: resolved.problem });
      return { code: 1, out: resolved.problem };
    }
    this.options.log.info('link: waiting for the user', { kind, replaced: previous !== null });
    return { code: 0, out: `Waiting for your confirm in Toggl Tray: ${resolved.text}` };
  }

  /** Confirm carries the link out as it was shown; dismiss leaves everything as it is. */
  answer(id: string, answer: LinkAnswer): void {
    const pending = this.pending;
    if (!pending || pending.id !== id)
      throw new UserFacingError('refused', this.replacedId === id ? REPLACED : ANSWERED);
    const shown = this.shown;
    this.pending = null;
    this.emit(null);
    this.options.log.info('link: answered', { answer });
    if (answer === 'dismiss' || !pending.link || 'problem' in pending.resolved) return;
    // The list may have changed while the link waited: what confirming does must be what was shown.
    const now = this.resolve(pending.link);
    if (!this.same(pending.resolved, now)) {
      this.show({ id: `link-${++this.received}`, link: pending.link, resolved: now }, shown?.link ?? '', CHANGED);
      throw new UserFacingError('refused', CHANGED);
    }
    this.carryOut(pending.resolved.action);
  }

  private carryOut(action: Action): void {
    if (action.kind === 'start') this.options.timer.start(action.start);
    else if (action.kind === 'stop') this.options.timer.stop();
    else this.options.create(action.action);
  }

  /** Same words, and a stop of the same entry (by its real id: it may have reached Toggl meanwhile). */
  private same(before: Resolved, now: Resolved): boolean {
    if ('problem' in before || 'problem' in now || before.text !== now.text) return false;
    if (before.action.kind === 'stop' && now.action.kind === 'stop')
      return this.options.knownId(before.action.entryId) === this.options.knownId(now.action.entryId);
    return true;
  }

  private show(pending: Pending, raw: string, notice: string | null): void {
    this.pending = pending;
    const { resolved } = pending;
    const link = raw.length > SHOWN_LINK ? `${raw.slice(0, SHOWN_LINK)}…` : raw;
    this.emit(
      'problem' in resolved
        ? { id: pending.id, text: resolved.problem, confirm: null, notice, link }
        : { id: pending.id, text: resolved.text, confirm: resolved.confirm, notice, link },
    );
  }

  private emit(request: LinkRequest | null): void {
    this.shown = request;
    this.options.events.emit('link.changed', { request });
  }

  private resolve(link: Link): Resolved {
    if (!this.options.signedIn()) return problem('Sign in to Toggl Tray first, then open the link again.');
    const view = this.options.view();
    switch (link.kind) {
      case 'stop':
        return resolveStop(view);
      case 'add': {
        const plan = planAdd(view, link.text);
        if (!plan?.action) return problem(plan?.text ?? 'That link has nothing to add.');
        return { action: { kind: 'add', action: plan.action }, text: plan.text, confirm: 'Create' };
      }
      case 'start':
        return resolveStart(view, link);
    }
  }
}

type ViewProject = DataView['projects'][number];
type ViewTask = DataView['tasks'][number];
type StartLink = Extract<AppLink, { kind: 'start' }>;

/** "“Review” on Website redesign", as the running entry is named in a sentence. */
function entryName(view: DataView, entry: DataView['entries'][number]): string {
  const { project } = placeOfEntry(view, entry);
  const name = entry.description ? `${quoted(entry.description)} ` : '';
  return `${name}${project ? `on ${project.name}` : 'without a project'}`;
}

function resolveStop(view: DataView): Resolved {
  const running = runningEntry(view.entries);
  if (!running) return problem('No timer is running, so this link has nothing to stop.');
  return {
    action: { kind: 'stop', entryId: running.id },
    text: `Stop the running timer ${entryName(view, running)}`,
    confirm: 'Stop timer',
  };
}

/** The project the link names (by id or by name), undefined for none, or why it names none. */
function projectOf(view: DataView, link: StartLink): ViewProject | undefined | { problem: string } {
  if (link.projectId !== null) {
    const project = view.projects.find((item) => item.id === link.projectId);
    return project ?? { problem: `No project with id ${link.projectId} is in your list.` };
  }
  if (link.project === null) return undefined;
  const match = matchPlace(view, link.project);
  switch (match.kind) {
    case 'project':
      return match.project;
    case 'client':
      return { problem: `${quoted(link.project)} names the client ${match.client.name}, not a project.` };
    case 'ambiguous':
      return {
        problem: `${quoted(link.project)} names ${match.count} projects (${match.names.join(', ')}…): give more of the name, or project_id.`,
      };
    case 'none':
      return { problem: `No project matches ${quoted(link.project)}.` };
  }
}

/** The task the link names in `project`, undefined for none, or why it names none. */
function taskOf(
  view: DataView,
  link: StartLink,
  project: ViewProject | undefined,
): ViewTask | undefined | { problem: string } {
  if (link.taskId !== null) {
    const task = view.tasks.find((item) => item.id === link.taskId);
    if (!task) return { problem: `No task with id ${link.taskId} is in your list.` };
    if (project && task.pid !== project.id)
      return { problem: `${quoted(task.name)} is not a task of ${project.name}.` };
    return task;
  }
  if (link.task === null) return undefined;
  if (!project) return { problem: 'A task needs its project: add project=… to the link (or give task_id=…).' };
  const match = matchTask(
    view.tasks.filter((task) => task.pid === project.id),
    link.task,
  );
  switch (match.kind) {
    case 'task':
      return match.task;
    case 'ambiguous':
      return {
        problem: `${quoted(link.task)} names ${match.count} tasks of ${project.name} (${match.names.join(', ')}…): give more of the name, or task_id.`,
      };
    case 'none':
      return { problem: `${project.name} has no task matching ${quoted(link.task)}.` };
  }
}

function resolveStart(view: DataView, link: StartLink): Resolved {
  if (link.project !== null && link.projectId !== null)
    return problem('Give the project by name (project=) or by id (project_id=), not both.');
  if (link.task !== null && link.taskId !== null)
    return problem('Give the task by name (task=) or by id (task_id=), not both.');
  let project = projectOf(view, link);
  if (project && 'problem' in project) return project;
  const task = taskOf(view, link, project);
  if (task && 'problem' in task) return task;
  // task_id alone: its project is the task's.
  if (task && !project) project = view.projects.find((item) => item.id === task.pid);
  if (task && !project) return problem(`The project of ${quoted(task.name)} is not in your list.`);
  if (project && !project.active) return problem(`${project.name} is archived: restore it first.`);
  if (task && !task.active) return problem(`${quoted(task.name)} is done: mark it not done first.`);
  if (link.description.length > DESCRIPTION_MAX)
    return problem(
      `A description can be at most ${DESCRIPTION_MAX} characters (this one has ${link.description.length}).`,
    );
  const wid = project?.wid ?? timerWorkspace(view);
  if (wid === undefined) return problem('Your account has no workspace to track time in.');

  const where =
    task && project
      ? `on ${quoted(task.name)} in ${project.name}`
      : project
        ? `on ${project.name}`
        : 'without a project';
  const description = link.description ? ` · description ${quoted(link.description)}` : '';
  const running = runningEntry(view.entries);
  const stops = running ? ` · stops the running timer ${entryName(view, running)}` : '';
  return {
    action: {
      kind: 'start',
      start: { wid, pid: project?.id ?? null, tid: task?.id ?? null, description: link.description },
    },
    text: `Start a timer ${where}${description}${stops}`,
    confirm: 'Start timer',
  };
}
