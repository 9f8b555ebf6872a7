/**
 * Toggl's answers → the app's shapes, parsed once, here, tolerantly. Toggl's OpenAPI document
 * marks no field as required and real answers omit keys and send nulls no field list
 * promises (../shared/toggl-recordings), so every field has a default; only what an item
 * cannot exist without (its id, the workspace or project it belongs to) is required. An item
 * that lacks those is skipped and reported; the rest of the list is kept.
 */
import type {
  CachedClient,
  CachedProject,
  CachedTask,
  CachedUser,
  CachedWorkspace,
  ProjectChanges,
  ProjectDetails,
  ProjectFields,
  RecurringParameters,
  TaskChanges,
} from '../../../shared/entities';
import { TOGGL_PALETTE } from '../../../shared/palette';
import { TogglApiError } from './errors';
import type {
  TogglProjectDetailsBody,
  TogglProjectUpdate,
  TogglRecurringParametersBody,
  TogglTaskUpdate,
} from './types';

export type Raw = Record<string, unknown>;

/**
 * Readers of one field each, with its default. Written by hand rather than as zod schemas:
 * a 100,000-task answer is read in a few milliseconds instead of a third of a second on the
 * main process.
 */
export const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
export const idOr = (...values: unknown[]): number | null => values.find<number>(isId) ?? null;
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
const numberOr = <T>(value: unknown, fallback: T): number | T =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
export const asRaw = (value: unknown): Raw | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;

/** An answer item read into the app's shape, or why it could not be. */
export type Read<T> = { item: T; deleted: boolean } | { problem: string };

function readWorkspace(raw: Raw): Read<CachedWorkspace> {
  if (!isId(raw.id)) return { problem: 'id: missing' };
  const admin = flag(raw.admin, false);
  const role = typeof raw.role === 'string' ? raw.role : admin ? 'admin' : 'user';
  return {
    deleted: false,
    item: {
      id: raw.id,
      organizationId: idOr(raw.organization_id) ?? 0,
      name: text(raw.name) || `Workspace ${raw.id}`,
      role,
      admin: admin || role === 'admin',
      premium: flag(raw.premium, false) || flag(raw.business_ws, false),
      onlyAdminsMayCreateProjects: flag(raw.only_admins_may_create_projects, false),
      managedProjects: [],
      managedPending: false,
      at: text(raw.at),
    },
  };
}

function readClient(raw: Raw): Read<CachedClient> {
  const wid = idOr(raw.wid, raw.workspace_id);
  if (!isId(raw.id)) return { problem: 'id: missing' };
  if (wid === null) return { problem: 'no workspace id' };
  return {
    deleted: Boolean(raw.server_deleted_at),
    item: { id: raw.id, wid, name: text(raw.name), archived: flag(raw.archived, false), at: text(raw.at) },
  };
}

function readProject(raw: Raw): Read<CachedProject> {
  const wid = idOr(raw.workspace_id, raw.wid);
  if (!isId(raw.id)) return { problem: 'id: missing' };
  if (wid === null) return { problem: 'no workspace id' };
  return {
    deleted: Boolean(raw.server_deleted_at),
    item: {
      id: raw.id,
      wid,
      cid: idOr(raw.client_id, raw.cid),
      name: text(raw.name),
      color: typeof raw.color === 'string' ? raw.color : (TOGGL_PALETTE[0] ?? '#0b83d9'),
      active: typeof raw.active === 'boolean' ? raw.active : raw.status !== 'archived',
      isPrivate: flag(raw.is_private, false),
      billable: flag(raw.billable, false),
      at: text(raw.at),
      ...readProjectDetails(raw),
    },
  };
}

/** "YYYY-MM-DD" (Toggl's dates; a time after it is dropped), else null. */
const dateOr = (value: unknown): string | null =>
  typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value) ? value.slice(0, 10) : null;

/** A number not below zero, else null (Toggl sends null for "none"; the recordings have no other). */
const amountOr = (value: unknown): number | null => {
  const amount = numberOr(value, null);
  return amount !== null && amount >= 0 ? amount : null;
};

/**
 * A project's details: every recording has these keys null or absent on a Free workspace
 * (`estimated_hours`, `template`, `currency`… null; `end_date` absent); `actual_hours` is a
 * whole number, `actual_seconds` the exact figure, either null in a single project's answer.
 * v8 used the same names for the estimate and the template (seed 003).
 */
function readProjectDetails(raw: Raw): ProjectDetails {
  const seconds = amountOr(raw.actual_seconds);
  const hours = amountOr(raw.actual_hours);
  const currency = text(raw.currency).trim();
  return {
    estimatedHours: positiveOr(raw.estimated_hours),
    autoEstimates: flag(raw.auto_estimates, false),
    trackedSeconds: seconds ?? (hours === null ? null : hours * 3600),
    startDate: dateOr(raw.start_date),
    endDate: dateOr(raw.end_date),
    template: flag(raw.template, false),
    templateId: idOr(raw.template_id) || null,
    currency: currency === '' ? null : currency,
    rate: amountOr(raw.rate),
    fixedFee: amountOr(raw.fixed_fee),
    recurring: flag(raw.recurring, false),
    recurringParameters: readRecurrence(raw.recurring_parameters),
  };
}

/**
 * A recurring project's parameters. The OpenAPI document says two things: `models.Project`
 * has an array of `models.RecurringProjectParameters`, `project.Payload` one object; the
 * recordings have only null. So: an object, or the first readable one of an array; absent,
 * null or nothing readable is none. Never a reason to drop the project.
 */
export function readRecurrence(value: unknown): RecurringParameters | null {
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      const read = readRecurrence(item);
      if (read) return read;
    }
    return null;
  }
  const raw = asRaw(value);
  const period = raw ? text(raw.period).trim() : '';
  if (!raw || period === '') return null;
  const days = raw.custom_period;
  return {
    period,
    customPeriod: isId(days) && days > 0 ? days : null,
    startDate: dateOr(raw.project_start_date) ?? dateOr(raw.parameter_start_date),
  };
}

/** An estimate: 0 and below say "none" as null does. */
const positiveOr = (value: unknown): number | null => {
  const amount = numberOr(value, null);
  return amount !== null && amount > 0 ? amount : null;
};

function readTask(raw: Raw): Read<CachedTask> {
  const wid = idOr(raw.workspace_id, raw.wid);
  const pid = idOr(raw.project_id, raw.pid);
  if (!isId(raw.id)) return { problem: 'id: missing' };
  if (wid === null || pid === null) return { problem: 'no workspace or project id' };
  return {
    deleted: Boolean(raw.server_deleted_at),
    item: {
      id: raw.id,
      wid,
      pid,
      name: text(raw.name),
      active: flag(raw.active, true),
      estimatedSeconds: numberOr(raw.estimated_seconds, null),
      trackedMs: numberOr(raw.tracked_seconds, 0),
      // v8 called it `uid`; a missing, null or 0 one is no one.
      assigneeId: idOr(raw.user_id, raw.uid) || null,
      at: text(raw.at),
    },
  };
}

/** Told about each answer item that could not be read (it was skipped). */
export type SkipReport = (what: string, problem: string) => void;

export interface Delta<T> {
  live: T[];
  deletedIds: number[];
}

export function readEach<T extends { id: number }>(
  read: (raw: Raw) => Read<T>,
  raw: unknown,
  what: string,
  report: SkipReport,
): Delta<T> {
  const delta: Delta<T> = { live: [], deletedIds: [] };
  // Toggl leaves a list out when it is empty (`tasks`, `clients` in /me?with_related_data).
  if (raw == null) return delta;
  if (!Array.isArray(raw)) {
    report(what, 'the list was not a list');
    return delta;
  }
  for (const value of raw as unknown[]) {
    const object = asRaw(value);
    const result = object ? read(object) : { problem: 'not an object' };
    if ('problem' in result) report(what, result.problem);
    else if (result.deleted) delta.deletedIds.push(result.item.id);
    else delta.live.push(result.item);
  }
  return delta;
}

export const parseWorkspaces = (raw: unknown, report: SkipReport): CachedWorkspace[] =>
  readEach(readWorkspace, raw, 'workspace', report).live;
export const parseClients = (raw: unknown, report: SkipReport): Delta<CachedClient> =>
  readEach(readClient, raw, 'client', report);
export const parseProjects = (raw: unknown, report: SkipReport): Delta<CachedProject> =>
  readEach(readProject, raw, 'project', report);
export const parseTasks = (raw: unknown, report: SkipReport): Delta<CachedTask> =>
  readEach(readTask, raw, 'task', report);

/** The user from /me; undefined when the answer has no user id. */
export function parseUser(raw: unknown): CachedUser | undefined {
  const user = asRaw(raw);
  if (!user || !isId(user.id)) return undefined;
  return {
    id: user.id,
    fullname: text(user.fullname),
    email: text(user.email),
    // Absent, null, or 0 (the sandbox's "none"): no default; a real id is never 0.
    defaultWorkspaceId: idOr(user.default_workspace_id) || null,
    timezone: text(user.timezone) || 'UTC',
    beginningOfWeek:
      isId(user.beginning_of_week) && user.beginning_of_week >= 0 && user.beginning_of_week <= 6
        ? user.beginning_of_week
        : 1,
  };
}

/** The user from /me, or an error saying the answer could not be read. */
export function toUser(raw: unknown): CachedUser {
  const user = parseUser(raw);
  if (!user)
    throw new TogglApiError('unexpected', { method: 'GET', path: '/me', serverMessage: 'no user in the answer' });
  return user;
}

/** One project or task from an answer to a create or an edit. */
export function readOne<T>(read: (raw: Raw) => Read<T>, raw: unknown, what: string): T {
  const object = asRaw(raw);
  const result = object ? read(object) : undefined;
  if (!result || 'problem' in result) {
    throw new TogglApiError('unexpected', { method: 'answer', path: what, serverMessage: `an unreadable ${what}` });
  }
  return result.item;
}

export const toProject = (raw: unknown): CachedProject => readOne(readProject, raw, 'project');
export const toTask = (raw: unknown): CachedTask => readOne(readTask, raw, 'task');

/** The app's project changes → Toggl's PUT body (only the changed fields). */
export function projectBody(changes: ProjectChanges): TogglProjectUpdate {
  const body: TogglProjectUpdate = {};
  if (changes.name !== undefined) body.name = changes.name;
  if (changes.cid !== undefined) body.client_id = changes.cid;
  if (changes.color !== undefined) body.color = changes.color;
  if (changes.isPrivate !== undefined) body.is_private = changes.isPrivate;
  if (changes.billable !== undefined) body.billable = changes.billable;
  if (changes.active !== undefined) body.active = changes.active;
  return Object.assign(body, detailsBody(changes));
}

/**
 * The details as Toggl names them (`project.Payload`): null clears a value. Only what is
 * given; a new project sends what the form set.
 */
export function detailsBody(details: Partial<ProjectFields>): TogglProjectDetailsBody {
  const body: TogglProjectDetailsBody = {};
  if (details.estimatedHours !== undefined) body.estimated_hours = details.estimatedHours;
  if (details.autoEstimates !== undefined) body.auto_estimates = details.autoEstimates;
  if (details.startDate !== undefined) body.start_date = details.startDate;
  if (details.endDate !== undefined) body.end_date = details.endDate;
  if (details.template !== undefined) body.template = details.template;
  if (details.templateId !== undefined && details.templateId !== null) body.template_id = details.templateId;
  if (details.currency !== undefined) body.currency = details.currency;
  if (details.rate !== undefined) body.rate = details.rate;
  if (details.fixedFee !== undefined) body.fixed_fee = details.fixedFee;
  if (details.recurring !== undefined) body.recurring = details.recurring;
  if (details.recurringParameters) body.recurring_parameters = recurrenceBody(details.recurringParameters);
  return body;
}

/** `project.RecurringParameters`: `custom_period` only with "custom", the start only when given. */
function recurrenceBody(parameters: RecurringParameters): TogglRecurringParametersBody {
  return {
    period: parameters.period,
    ...(parameters.period === 'custom' &&
      parameters.customPeriod !== null && { custom_period: parameters.customPeriod }),
    ...(parameters.startDate !== null && { project_start_date: parameters.startDate }),
  };
}

/** The app's task changes → Toggl's PUT body (only the changed fields). */
export function taskBody(changes: TaskChanges): TogglTaskUpdate {
  const body: TogglTaskUpdate = {};
  if (changes.name !== undefined) body.name = changes.name;
  if (changes.estimatedSeconds !== undefined) body.estimated_seconds = changes.estimatedSeconds;
  if (changes.active !== undefined) body.active = changes.active;
  if (changes.assigneeId !== undefined) body.user_id = changes.assigneeId;
  return body;
}
