import type { DataView, TimerChanges, TimerStart } from '../../../shared/entities';
import { knownIdOf, refuse } from './commands';
import { newEntryStart } from './entry-start';
import { newEntryStop } from './entry-stop';
import { newEntryUpdate, type EntryUpdate } from './entry-update';
import type { ChangeQueue } from './queue';
import type { ChangeOp } from './registry';
import { runningEntry } from '../../../shared/running-entry';

export interface TimerCommandsOptions {
  queue: ChangeQueue;
  view: () => DataView;
  queued: () => void;
  now: () => number;
  knownId?: (id: number) => number;
}

/** Longest description Toggl keeps (its web app's limit). */
export const DESCRIPTION_MAX = 3000;

/**
 * The timer: start one on a project or task (stopping the running one first, at the same
 * instant, in the queue's order), stop it, continue an earlier entry. Every project may take
 * one: Toggl's `can_track_time` is false on projects their user did track time on (the
 * recordings), so it is not asked.
 */
export class TimerCommands {
  constructor(private readonly options: TimerCommandsOptions) {}

  private enqueue(op: ChangeOp): void {
    if (this.options.queue.enqueue(op)) this.options.queued();
  }

  /** The project and task a timer goes on, as the list has them; refused when either is gone. */
  private target(view: DataView, named: { pid: number | null; tid: number | null }) {
    const pid = named.pid === null ? null : knownIdOf(this.options, named.pid);
    const tid = named.tid === null ? null : knownIdOf(this.options, named.tid);
    const project = pid === null ? undefined : view.projects.find((item) => item.id === pid);
    if (pid !== null && !project) refuse('That project is not in the list any more.');
    const task = tid === null ? undefined : view.tasks.find((item) => item.id === tid);
    if (tid !== null && (!task || task.pid !== pid)) refuse('That task is not in the list any more.');
    return { pid, tid, project };
  }

  private description(text: string): string {
    const description = text.trim();
    if (description.length > DESCRIPTION_MAX)
      refuse(`A description can be at most ${DESCRIPTION_MAX} characters (this one has ${description.length}).`);
    return description;
  }

  /** `startAt`: when it starts (epoch ms), now unless given (the return from idle time). */
  start(request: TimerStart, startAt?: number): { id: number } {
    const view = this.options.view();
    const { pid, tid, project } = this.target(view, request);
    const wid = project?.wid ?? request.wid;
    if (!view.workspaces.some((workspace) => workspace.id === wid)) refuse('That workspace is not in your account.');
    const description = this.description(request.description);

    const at = this.instant(startAt);
    this.stopRunning(view, at);
    const tempId = this.options.queue.takeTempId();
    const billable = project?.billable ?? false;
    this.enqueue(newEntryStart({ tempId, wid, pid, tid, description, start: at, stop: null, billable }));
    return { id: tempId };
  }

  /**
   * Edits an entry (the running one, from the popover): its description, or its project and
   * task, which stay in its workspace (Toggl moves no entry between workspaces).
   */
  update(named: number, changes: TimerChanges): void {
    const view = this.options.view();
    const id = knownIdOf(this.options, named);
    const entry = view.entries.find((item) => item.id === id) ?? refuse('That entry is not in the list any more.');
    const edit: EntryUpdate['changes'] = {};
    if (changes.description !== undefined) {
      const description = this.description(changes.description);
      if (description !== entry.description) edit.description = description;
    }
    if (changes.pid !== undefined || changes.tid !== undefined) {
      const { pid, tid, project } = this.target(view, { pid: changes.pid ?? null, tid: changes.tid ?? null });
      if (project && project.wid !== entry.wid) {
        const home = view.workspaces.find((workspace) => workspace.id === entry.wid)?.name ?? 'its workspace';
        refuse(`A time entry stays in its workspace (“${home}”): stop it and start one on “${project.name}”.`);
      }
      if (pid !== entry.pid || tid !== entry.tid) {
        Object.assign(edit, { pid, tid });
        if (project && project.billable !== entry.billable) edit.billable = project.billable;
      }
    }
    if (Object.keys(edit).length > 0) this.enqueue(newEntryUpdate({ id, wid: entry.wid, changes: edit }));
  }

  /** Stops the running entry now, or at `stopAt` (epoch ms: when idle time began); nothing runs: nothing to do. */
  stop(stopAt?: number): void {
    this.stopRunning(this.options.view(), this.instant(stopAt));
  }

  /** Now (or `at`), in the whole seconds Toggl keeps: a stop and the next start are the same instant there too. */
  private instant(at = this.options.now()): string {
    return new Date(Math.floor(at / 1000) * 1000).toISOString();
  }

  /** A new running entry like an earlier one (its description, project and task), from now or `startAt`. */
  continue(named: number, startAt?: number): { id: number } {
    const id = knownIdOf(this.options, named);
    const entry =
      this.options.view().entries.find((item) => item.id === id) ?? refuse('That entry is not in the list any more.');
    return this.start({ wid: entry.wid, pid: entry.pid, tid: entry.tid, description: entry.description }, startAt);
  }

  private stopRunning(view: DataView, at: string): void {
    const running = runningEntry(view.entries);
    if (!running) return;
    // Never before its own start (a clock set back): a zero-length entry rather than a negative one.
    const stop = Date.parse(at) < Date.parse(running.start) ? running.start : at;
    this.enqueue(newEntryStop({ id: running.id, wid: running.wid, start: running.start, stop }));
  }
}
