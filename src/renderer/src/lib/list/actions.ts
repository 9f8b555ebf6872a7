import type {
  OutboxEntryView,
  ProjectChanges,
  ProjectFields,
  TaskChanges,
  TaskFields,
} from '../../../../shared/entities';
import type { Row } from './tree';

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
}

export type ProjectSave =
  { create: { wid: number; fields: ProjectFields } } | { update: { id: number; changes: ProjectChanges } };
export type TaskSave =
  { create: { pid: number; fields: TaskFields } } | { update: { id: number; changes: TaskChanges } };
