import type {
  OutboxEntryView,
  ProjectChanges,
  ProjectFields,
  TaskChanges,
  TaskFields,
} from '../../../../shared/entities';
import type { Row } from './tree';
import type { RateChangeMode } from '../../../../shared/rate-change';

/** What a row of the tree can ask for; the main view carries it out. */
export interface RowActions {
  select: (key: string, additive: boolean) => void;
  toggle: (projectId: number) => void;
  edit: (row: Row) => void;
  setActive: (row: Row, active: boolean) => void;
  remove: (row: Row) => void;
  resolve: (entry: OutboxEntryView) => void;
  /** Opens who is on a project. */
  members: (row: Extract<Row, { kind: 'project' }>) => void;
  /** Starts a timer on the row's project or task, or stops the one running on it. */
  timer: (row: Row) => void;
  /** The timer runs on this row's project (without a task) or task. */
  timing: (row: Row) => boolean;
  /** Seconds tracked today on the row's project or task (0 where none). */
  trackedToday: (row: Row) => number;
  /** The name of the person a task is assigned to, or null for no one. */
  assignee: (assigneeId: number | null) => string | null;
}

export interface ProjectCreate {
  wid: number;
  fields: ProjectFields;
}
export interface TaskCreate {
  pid: number;
  fields: TaskFields;
}
export type ProjectSave =
  { create: ProjectCreate } | { update: { id: number; changes: ProjectChanges; rateChangeMode?: RateChangeMode } };
export type TaskSave = { create: TaskCreate } | { update: { id: number; changes: TaskChanges } };
