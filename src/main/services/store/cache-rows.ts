import { z } from 'zod';
import type { CachedProject, CachedTask } from '../../../shared/entities';

/**
 * How projects and tasks are kept in cache.json: one compact row each instead of an object
 * with its keys spelled out every time (a 100,000-task cache is a fifth of the size), and
 * `at` as unix seconds where that keeps it exact. Rows are read back into the shared shapes.
 */

const id = z.number().int();
/** Unix seconds, or the original text where seconds would not say the same. */
const at = z.union([z.number().int(), z.string()]);

const maybeNumber = z.number().nullable();
const maybeText = z.string().nullable();

/** A recurring project's [period, custom period (days), start date], or null (cache v9). */
const recurrence = z.tuple([z.string(), z.number().int().nullable(), maybeText]).nullable();

/**
 * [id, wid, cid, name, color, flags (1 active, 2 private, 4 billable, 8 auto estimates,
 * 16 template, 32 recurring), at, estimated hours, tracked seconds, start date, end date,
 * template id, currency, rate, fixed fee, recurrence]
 */
const projectTuple = z.tuple([
  id,
  id,
  id.nullable(),
  z.string(),
  z.string(),
  z.number().int(),
  at,
  maybeNumber,
  maybeNumber,
  maybeText,
  maybeText,
  id.nullable(),
  maybeText,
  maybeNumber,
  maybeNumber,
  recurrence,
]);

/**
 * Cache v4 rows stopped at `at` (no details): read as a project without any (a v4 journal line
 * too). Rows of v5 to v8 stopped at the fixed fee: read as a project without recurring parameters.
 */
const V4_ROW_LENGTH = 7;
const V8_ROW_LENGTH = 15;
const ROW_LENGTH = 16;
export const projectRow = z.preprocess((row) => {
  if (!Array.isArray(row) || (row.length !== V4_ROW_LENGTH && row.length !== V8_ROW_LENGTH)) return row;
  return [...(row as unknown[]), ...Array<null>(ROW_LENGTH - row.length).fill(null)];
}, projectTuple);
/** [id, wid, pid, name, active (1 or 0), estimated seconds, tracked ms, at, assignee] */
const taskTuple = z.tuple([
  id,
  id,
  id,
  z.string(),
  z.number().int(),
  z.number().nullable(),
  z.number(),
  at,
  id.nullable(),
]);
/** Cache v5 rows stopped at `at` (no assignee): read as a task assigned to no one (a v5 journal line too). */
const V5_TASK_ROW_LENGTH = 8;
export const taskRow = z.preprocess(
  (row) => (Array.isArray(row) && row.length === V5_TASK_ROW_LENGTH ? [...(row as unknown[]), null] : row),
  taskTuple,
);

export type ProjectRow = z.infer<typeof projectRow>;
export type TaskRow = z.infer<typeof taskRow>;

/** Toggl's own way of writing a time; only these become seconds (and come back the same). */
const TOGGL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;

/** The last time packed: rows written one after another often share it (items changed together). */
let lastPacked: { text: string; packed: number | string } = { text: '', packed: '' };

function packAt(text: string): number | string {
  if (text === lastPacked.text) return lastPacked.packed;
  lastPacked = { text, packed: packTime(text) };
  return lastPacked.packed;
}

function packTime(text: string): number | string {
  if (!TOGGL_TIME.test(text)) return text;
  const ms = Date.parse(text);
  // A day that does not exist ("2024-02-30") rolls over: such a time is kept as written.
  if (!Number.isFinite(ms) || new Date(ms).getUTCDate() !== Number(text.slice(8, 10))) return text;
  return ms / 1000;
}

const unpackAt = (value: number | string): string =>
  typeof value === 'number' ? `${new Date(value * 1000).toISOString().slice(0, 19)}+00:00` : value;

export function toProjectRow(project: CachedProject): ProjectRow {
  const flags =
    (project.active ? 1 : 0) |
    (project.isPrivate ? 2 : 0) |
    (project.billable ? 4 : 0) |
    (project.autoEstimates ? 8 : 0) |
    (project.template ? 16 : 0) |
    (project.recurring ? 32 : 0);
  return [
    project.id,
    project.wid,
    project.cid,
    project.name,
    project.color,
    flags,
    packAt(project.at),
    project.estimatedHours,
    project.trackedSeconds,
    project.startDate,
    project.endDate,
    project.templateId,
    project.currency,
    project.rate,
    project.fixedFee,
    project.recurringParameters &&
      ([
        project.recurringParameters.period,
        project.recurringParameters.customPeriod,
        project.recurringParameters.startDate,
      ] as const),
  ];
}

export function fromProjectRow(row: ProjectRow): CachedProject {
  const [projectId, wid, cid, name, color, flags, when, estimatedHours, trackedSeconds, startDate, endDate, ...money] =
    row;
  const [templateId, currency, rate, fixedFee, recurrence] = money;
  return {
    id: projectId,
    wid,
    cid,
    name,
    color,
    active: (flags & 1) !== 0,
    isPrivate: (flags & 2) !== 0,
    billable: (flags & 4) !== 0,
    at: unpackAt(when),
    estimatedHours,
    autoEstimates: (flags & 8) !== 0,
    trackedSeconds,
    startDate,
    endDate,
    template: (flags & 16) !== 0,
    templateId,
    currency,
    rate,
    fixedFee,
    recurring: (flags & 32) !== 0,
    recurringParameters: recurrence && {
      period: recurrence[0],
      customPeriod: recurrence[1],
      startDate: recurrence[2],
    },
  };
}

export function toTaskRow(task: CachedTask): TaskRow {
  return [
    task.id,
    task.wid,
    task.pid,
    task.name,
    task.active ? 1 : 0,
    task.estimatedSeconds,
    task.trackedMs,
    packAt(task.at),
    task.assigneeId,
  ];
}

export function fromTaskRow([
  taskId,
  wid,
  pid,
  name,
  active,
  estimatedSeconds,
  trackedMs,
  when,
  assigneeId,
]: TaskRow): CachedTask {
  return {
    id: taskId,
    wid,
    pid,
    name,
    active: active === 1,
    estimatedSeconds,
    trackedMs,
    assigneeId,
    at: unpackAt(when),
  };
}
