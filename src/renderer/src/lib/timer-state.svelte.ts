import type { Api } from '../../../preload/api';
import type { DataView, TimerChanges, ViewTimeEntry } from '../../../shared/entities';
import type { IpcResult } from '../../../shared/ipc-result';
import { trackedTotals, type TrackedTotals } from '../../../shared/time-totals';
import type { DataState } from './data-state.svelte';
import type { Row } from './list/tree';
import { placeOfEntry, runningEntry } from '../../../shared/running-entry';

/** Where a row's timer goes: its project, or its task and the task's project. */
export function timerTarget(row: Row): { wid: number; pid: number; tid: number | null } | null {
  if (row.kind === 'project') return { wid: row.project.wid, pid: row.project.id, tid: null };
  if (row.kind === 'task') return { wid: row.task.wid, pid: row.task.pid, tid: row.task.id };
  return null;
}

/** An entry as the popover names it: its project's name and color, its task's name. */
export interface NamedEntry {
  entry: ViewTimeEntry;
  project: { name: string; color: string } | null;
  task: string | null;
}

/** How many earlier entries "Recent entries" offers to continue. */
const RECENT = 3;

function named(view: DataView, entry: ViewTimeEntry): NamedEntry {
  const { project, task } = placeOfEntry(view, entry);
  return { entry, project: project ? { name: project.name, color: project.color } : null, task: task?.name ?? null };
}

/**
 * The timer as the popover shows it: the running entry, the few recent ones to continue, and
 * today's and this week's totals (in the user's Toggl time zone), read from the list's view.
 * The totals follow `minute`, which the popover moves once a minute; the running entry's
 * seconds tick in its own component, so the list never re-renders for them.
 */
export class TimerState {
  error = $state<string | null>(null);
  /** What the next timer started here is for (optional); cleared once it starts. */
  nextDescription = $state('');
  /** Moved once a minute by the popover: the totals count the running entry up to it. */
  minute = $state(Date.now());
  readonly #api: Api;
  readonly #list: DataState;

  constructor(api: Api, list: DataState) {
    this.#api = api;
    this.#list = list;
  }

  readonly running: NamedEntry | null = $derived.by(() => {
    const view = this.#list.view;
    const entry = view && runningEntry(view.entries);
    return view && entry ? named(view, entry) : null;
  });

  /** The latest stopped entries, one per description, project and task. */
  readonly recent: NamedEntry[] = $derived.by(() => {
    const view = this.#list.view;
    if (!view) return [];
    const seen = new Set<string>();
    const recent: NamedEntry[] = [];
    for (const entry of view.entries) {
      const key = `${entry.description}\u0000${entry.pid}\u0000${entry.tid}`;
      if (entry.stop === null || seen.has(key)) continue;
      seen.add(key);
      recent.push(named(view, entry));
      if (recent.length === RECENT) break;
    }
    return recent;
  });

  readonly totals: TrackedTotals | null = $derived.by(() => {
    const view = this.#list.view;
    if (!view?.user) return null;
    return trackedTotals(view.entries, this.minute, view.user.timezone, view.user.beginningOfWeek);
  });

  async #run<T>(call: () => Promise<IpcResult<T>>): Promise<void> {
    const result = await call();
    this.error = result.ok ? null : result.error.message;
  }

  /** The timer runs on this row's project (without a task) or on its task. */
  runsOn(row: Row): boolean {
    const running = this.running?.entry;
    const target = timerTarget(row);
    return !!running && !!target && running.pid === target.pid && running.tid === target.tid;
  }

  /** Seconds tracked today on the row's project or task. */
  todayOn(row: Row): number {
    if (row.kind === 'task') return this.totals?.todayByTask.get(row.task.id) ?? 0;
    if (row.kind === 'project') return this.totals?.todayByProject.get(row.project.id) ?? 0;
    return 0;
  }

  /** A row's "Start timer" / "Stop timer", and Ctrl/Cmd+Enter on the selected row. */
  async toggleOn(row: Row): Promise<void> {
    const target = timerTarget(row);
    if (!target) return;
    await (this.runsOn(row) ? this.stop() : this.start(target));
  }

  /** Ctrl/Cmd+Enter: the timer on the selected row, if one is selected. */
  async toggleSelected(): Promise<void> {
    const selected = this.#list.selected;
    if (selected) await this.toggleOn(selected);
  }

  /** Starts a timer on a project or task, described as the box above the list says. */
  async start(target: { wid: number; pid: number | null; tid: number | null }): Promise<void> {
    const description = this.nextDescription;
    await this.#run(() => this.#api.invoke('timer.start', { ...target, description }));
    // Kept when refused, so nothing typed is lost.
    if (this.error === null && this.nextDescription === description) this.nextDescription = '';
  }

  /** Saves an edit of an entry; the refusal in Toggl Tray's words, or null. */
  async update(id: number, changes: TimerChanges): Promise<string | null> {
    const result = await this.#api.invoke('timer.update', { id, changes });
    return result.ok ? null : result.error.message;
  }

  stop = () => this.#run(() => this.#api.invoke('timer.stop'));
  continue = (id: number) => this.#run(() => this.#api.invoke('timer.continue', { id }));
}
