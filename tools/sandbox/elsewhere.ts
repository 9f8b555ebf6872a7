import { DEMO } from './fixture';
import type { SandboxState, SandboxTimeEntry, SandboxUser } from './state';
import {
  addTimeEntry,
  deleteTimeEntry,
  runningTimeEntry,
  stopTimeEntry,
  updateTimeEntry,
  type TimeEntryUpdate,
} from './time-entry-store';
import { timeEntryView, type TogglTimeEntryAnswer } from './time-entry-view';

export interface ElsewhereTimeEntry {
  /** Whose entry, by e-mail: the demo user's unless given. */
  email?: string;
  /** The project's (or task's) workspace, else the user's default one, unless given. */
  workspaceId?: number;
  projectId?: number | null;
  /** A task brings its project when `projectId` is not given. */
  taskId?: number | null;
  description?: string | null;
  /** Epoch milliseconds; the sandbox's now unless given. */
  start?: number;
  billable?: boolean;
  /** The client Toggl keeps as `created_with`. */
  createdWith?: string;
}

export interface ElsewhereChange {
  description?: string | null;
  projectId?: number | null;
  taskId?: number | null;
  billable?: boolean;
  /** Epoch milliseconds. */
  start?: number;
  /** Epoch milliseconds: ends a running entry or moves a stopped one's end. */
  stop?: number;
}

/**
 * Changes made outside the app under test, as Toggl's web app or a phone would make them: a test
 * starts, stops, edits or deletes an entry and then sees what the app makes of it. They go
 * straight to the sandbox's state under Toggl's rules (one running entry per user, `at` moved,
 * deletions kept as tombstones), record no request and spend no quota. A mistake in the test
 * (an unknown id, stopping a stopped entry) throws.
 */
export class SandboxElsewhere {
  constructor(private readonly state: SandboxState) {}

  /** Starts a running entry; the user's running one stops where this one starts. */
  startTimeEntry(fields: ElsewhereTimeEntry = {}): TogglTimeEntryAnswer {
    return this.add(fields, null);
  }

  /** Adds a finished entry from `start` to `stop` (epoch milliseconds). */
  addTimeEntry(fields: ElsewhereTimeEntry & { stop: number }): TogglTimeEntryAnswer {
    return this.add(fields, fields.stop);
  }

  stopTimeEntry(id: number, stop = this.state.now()): TogglTimeEntryAnswer {
    const entry = this.live(id);
    if (entry.stop !== null) throw new Error(`time entry ${id} is already stopped`);
    stopTimeEntry(this.state, entry, stop);
    return timeEntryView(this.state, entry);
  }

  updateTimeEntry(id: number, change: ElsewhereChange): TogglTimeEntryAnswer {
    const entry = this.live(id);
    const update: TimeEntryUpdate = {};
    if (change.description !== undefined) update.description = change.description;
    if (change.billable !== undefined) update.billable = change.billable;
    if (change.projectId !== undefined) update.projectId = change.projectId;
    if (change.taskId !== undefined) {
      update.taskId = change.taskId;
      if (change.taskId !== null) update.projectId = this.task(change.taskId).project_id;
    }
    if (change.start !== undefined || change.stop !== undefined) {
      const stop = change.stop ?? (entry.stop === null ? null : Date.parse(entry.stop));
      update.timing = { startMs: change.start ?? Date.parse(entry.start), stopMs: stop };
    }
    updateTimeEntry(this.state, entry, update);
    return timeEntryView(this.state, entry);
  }

  deleteTimeEntry(id: number): void {
    deleteTimeEntry(this.state, this.live(id));
  }

  /** The user's running entry as Toggl would answer it, or null. */
  runningTimeEntry(email: string = DEMO.email): TogglTimeEntryAnswer | null {
    const running = runningTimeEntry(this.state, this.user(email).id);
    return running ? timeEntryView(this.state, running) : null;
  }

  /** Any entry as Toggl would answer it, deleted ones included. */
  timeEntry(id: number): TogglTimeEntryAnswer {
    const entry = this.state.timeEntries.get(id);
    if (!entry) throw new Error(`no time entry ${id}`);
    return timeEntryView(this.state, entry);
  }

  private add(fields: ElsewhereTimeEntry, stopMs: number | null): TogglTimeEntryAnswer {
    const user = this.user(fields.email ?? DEMO.email);
    const task = fields.taskId == null ? undefined : this.task(fields.taskId);
    const projectId = fields.projectId !== undefined ? fields.projectId : (task?.project_id ?? null);
    const project = projectId === null ? undefined : this.state.projects.get(projectId);
    if (projectId !== null && !project) throw new Error(`no project ${projectId}`);
    const workspaceId = fields.workspaceId ?? project?.workspace_id ?? user.default_workspace_id;
    if (!this.state.workspaces.get(workspaceId)?.members.has(user.id))
      throw new Error(`${user.email} is not a member of workspace ${workspaceId}`);
    const entry = addTimeEntry(this.state, {
      workspaceId,
      userId: user.id,
      projectId,
      taskId: task?.id ?? null,
      description: fields.description ?? null,
      startMs: fields.start ?? this.state.now(),
      stopMs,
      billable: fields.billable ?? false,
      tagIds: [],
      createdWith: fields.createdWith ?? 'Toggl Track web (sandbox)',
    });
    return timeEntryView(this.state, entry);
  }

  private user(email: string): SandboxUser {
    const user = this.state.userByEmail(email);
    if (!user) throw new Error(`no user ${email}`);
    return user;
  }

  private task(id: number) {
    const task = this.state.tasks.get(id);
    if (!task) throw new Error(`no task ${id}`);
    return task;
  }

  private live(id: number): SandboxTimeEntry {
    const entry = this.state.timeEntries.get(id);
    if (!entry || entry.server_deleted_at) throw new Error(`no live time entry ${id}`);
    return entry;
  }
}
