import type { TogglTag } from '../../src/main/services/toggl/types';
import { SandboxHttpError, type RouteContext } from './routing';
import type { SandboxTimeEntry, SandboxWorkspace } from './state';
import type { NewTimeEntry, TimeEntryUpdate } from './time-entry-store';
import { parseBodyTime } from './time-entry-times';

/*
 * Toggl's refusals of a time entry body. Where a recording has the words, they are used
 * verbatim; else the source is named; "ours" marks words no source gives.
 */
/** Recorded: time-entry-post-400-start-required-go-2024-12-15. */
export const START_REQUIRED = 'start is required for time entry creation';
/** Recorded: time-entry-post-400-year-go-2024-12-13. */
export const START_YEAR_RANGE = 'Start time year must be between 2006 and 2030';
/** Toggl's own words as its desktop app matches them (toggl/toggldesktop, time_entry.cc). */
export const CREATED_WITH_REQUIRED = 'created_with needs to be provided an a valid string';
export const PROJECT_NOT_ACCESSIBLE = 'User cannot access the selected project';
export const TASK_NOT_ACCESSIBLE = 'User cannot access selected task';
export const BILLABLE_NEEDS_PAID_PLAN = 'Billable is a premium feature';
/** Toggl's answer quoted in toggl/track-extension#714. */
export const PROJECT_IN_OTHER_WORKSPACE =
  'Conflict with project/workspace: project needs to be in the same workspace as the time entry';
/** Toggl's v9 answer quoted in toggl/toggl_api_docs#348. */
export const WORKSPACE_REQUIRED = 'wid is required for time entry creation';
/** Ours. */
export const WORKSPACE_MISMATCH = 'workspace_id must be the workspace in the path';
/** Ours. */
export const STOP_BEFORE_START = 'stop must not be before start';
/** Ours; the OpenAPI document: "If stop and duration are provided, values must be consistent". */
export const DURATION_MISMATCH = 'stop and duration must agree: start + duration == stop';

const FIRST_YEAR = 2006;
const LAST_YEAR = 2030;

/** A value of the body under its v9 name or its legacy one (`project_id` or `pid`, …). */
function field(body: Record<string, unknown>, name: string, legacy: string): unknown {
  return body[name] !== undefined ? body[name] : body[legacy];
}

function integer(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new SandboxHttpError(400, `Invalid ${name}`);
  return value;
}

/** Whole seconds: Toggl keeps no fraction (it answered "…:53+00:00" to "…:53.000Z"). */
function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * The entry's start and stop after this body: undefined when it changes neither. A negative
 * duration with no stop runs; a stop or a duration of 0 or more ends it; a new entry with
 * neither is zero-length, stop = start, as Toggl made the recorded "Hello Toggl" entries
 * (me-related-200-go-2024-12-15a: the same body as time-entry-post-400-year, with a valid start).
 */
function readTiming(
  body: Record<string, unknown>,
  existing: SandboxTimeEntry | undefined,
): { startMs: number; stopMs: number | null } | undefined {
  const startRaw = body.start;
  if ((startRaw === undefined || startRaw === null) && !existing) throw new SandboxHttpError(400, START_REQUIRED);
  const startGiven = startRaw !== undefined && startRaw !== null;
  const startMs = wholeSeconds(startGiven ? parseBodyTime(startRaw, 'start') : Date.parse(existing?.start ?? ''));
  const year = new Date(startMs).getUTCFullYear();
  if (startGiven && (year < FIRST_YEAR || year > LAST_YEAR)) throw new SandboxHttpError(400, START_YEAR_RANGE);

  const duration =
    body.duration === undefined || body.duration === null ? undefined : integer(body.duration, 'duration');
  let stopMs: number | null;
  if (typeof body.stop === 'string') {
    stopMs = wholeSeconds(parseBodyTime(body.stop, 'stop'));
    if (duration !== undefined && startMs + duration * 1000 !== stopMs)
      throw new SandboxHttpError(400, DURATION_MISMATCH);
  } else if (body.stop !== undefined && body.stop !== null) {
    throw new SandboxHttpError(400, 'Invalid stop');
  } else if (duration !== undefined) {
    stopMs = duration < 0 ? null : startMs + duration * 1000;
  } else if (!existing) {
    stopMs = startMs;
  } else if (startGiven) {
    // A new start keeps the stop (and a running entry runs on).
    stopMs = existing.stop === null ? null : Date.parse(existing.stop);
  } else {
    return undefined;
  }
  if (stopMs !== null && stopMs < startMs) throw new SandboxHttpError(400, STOP_BEFORE_START);
  return { startMs, stopMs };
}

/** `workspace_id` (or `wid`): required on create, and the path's workspace when given. */
function checkWorkspace(body: Record<string, unknown>, workspace: SandboxWorkspace, creating: boolean): void {
  const given = field(body, 'workspace_id', 'wid');
  if (given === undefined || given === null) {
    if (creating) throw new SandboxHttpError(400, WORKSPACE_REQUIRED);
    return;
  }
  if (integer(given, 'workspace_id') !== workspace.id) throw new SandboxHttpError(400, WORKSPACE_MISMATCH);
}

/** Whose entry: the requester, or a member of the workspace when an admin says so. */
function readUser(context: RouteContext, workspace: SandboxWorkspace, body: Record<string, unknown>) {
  const given = field(body, 'user_id', 'uid');
  if (given === undefined || given === null) return undefined;
  const userId = integer(given, 'user_id');
  if (userId === context.user.id) return userId;
  if (workspace.members.get(context.user.id) !== 'admin' || !workspace.members.has(userId))
    throw new SandboxHttpError(403, 'User does not have access to this resource.');
  return userId;
}

function readDescription(body: Record<string, unknown>): string | null | undefined {
  const value = body.description;
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw new SandboxHttpError(400, 'Invalid description');
}

function readBillable(body: Record<string, unknown>, workspace: SandboxWorkspace): boolean | undefined {
  const value = body.billable;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new SandboxHttpError(400, 'Invalid billable');
  // As projects: nothing is billable on a Free plan. A 402, the status Toggl gives a plan's feature.
  if (value && !workspace.premium) throw new SandboxHttpError(402, BILLABLE_NEEDS_PAID_PLAN);
  return value;
}

/** A project the user may track time on in this workspace. */
function trackableProject(context: RouteContext, workspace: SandboxWorkspace, raw: unknown): number {
  const project = typeof raw === 'number' ? context.state.projects.get(raw) : undefined;
  if (!project || project.server_deleted_at || !context.state.canSeeProject(project, context.user.id))
    throw new SandboxHttpError(400, PROJECT_NOT_ACCESSIBLE);
  if (project.workspace_id !== workspace.id) throw new SandboxHttpError(400, PROJECT_IN_OTHER_WORKSPACE);
  return project.id;
}

/** A task of a project the user sees, in this workspace: its project id. */
function trackableTask(
  context: RouteContext,
  workspace: SandboxWorkspace,
  raw: unknown,
): { id: number; projectId: number } {
  const task = typeof raw === 'number' ? context.state.tasks.get(raw) : undefined;
  const project = task ? context.state.projects.get(task.project_id) : undefined;
  if (
    !task ||
    !project ||
    task.server_deleted_at ||
    task.workspace_id !== workspace.id ||
    !context.state.canSeeProject(project, context.user.id)
  )
    throw new SandboxHttpError(400, TASK_NOT_ACCESSIBLE);
  return { id: task.id, projectId: task.project_id };
}

/**
 * Project and task together: a task names its project when none is given, a task of another
 * project than the one given is refused, and a new project drops a task that is not its own.
 */
function readProjectAndTask(
  context: RouteContext,
  workspace: SandboxWorkspace,
  body: Record<string, unknown>,
  existing: SandboxTimeEntry | undefined,
): { projectId?: number | null; taskId?: number | null } {
  const projectRaw = field(body, 'project_id', 'pid');
  const taskRaw = field(body, 'task_id', 'tid');
  const result: { projectId?: number | null; taskId?: number | null } = {};
  if (projectRaw !== undefined)
    result.projectId = projectRaw === null ? null : trackableProject(context, workspace, projectRaw);
  if (taskRaw === null) {
    result.taskId = null;
  } else if (taskRaw !== undefined) {
    const task = trackableTask(context, workspace, taskRaw);
    if (result.projectId !== undefined && result.projectId !== task.projectId)
      throw new SandboxHttpError(400, TASK_NOT_ACCESSIBLE);
    result.taskId = task.id;
    result.projectId = task.projectId;
  } else if (result.projectId !== undefined && existing?.task_id != null) {
    const kept = context.state.tasks.get(existing.task_id);
    if (kept?.project_id !== result.projectId) result.taskId = null;
  }
  return result;
}

/** A live tag of the workspace by name (any case), or a new one, as Toggl creates unknown names. */
function tagNamed(context: RouteContext, workspace: SandboxWorkspace, name: string): number {
  for (const tag of context.state.tags.values()) {
    if (tag.workspace_id === workspace.id && !tag.deleted_at && tag.name.toLowerCase() === name.toLowerCase())
      return tag.id;
  }
  const tag: TogglTag = {
    id: context.state.nextId(),
    workspace_id: workspace.id,
    name,
    at: context.state.stamp(),
    creator_id: context.user.id,
    deleted_at: null,
  };
  context.state.tags.set(tag.id, tag);
  return tag.id;
}

/**
 * `tags` (names) and `tag_ids`: the entry's tags, or on an update with `tag_action` "add" or
 * "delete" the ones to add or remove. Read last, so that a refused body creates no tag.
 */
function readTags(
  context: RouteContext,
  workspace: SandboxWorkspace,
  body: Record<string, unknown>,
  existing: SandboxTimeEntry | undefined,
): number[] | undefined {
  const { tags: names, tag_ids: ids, tag_action: action } = body;
  if ((names === undefined || names === null) && (ids === undefined || ids === null)) return undefined;
  if (existing && action !== undefined && action !== 'add' && action !== 'delete')
    throw new SandboxHttpError(400, 'Invalid tag_action');
  const given = new Set<number>();
  if (ids !== undefined && ids !== null) {
    if (!Array.isArray(ids)) throw new SandboxHttpError(400, 'Invalid tag_ids');
    for (const id of ids) {
      const tag = typeof id === 'number' ? context.state.tags.get(id) : undefined;
      if (!tag || tag.deleted_at || tag.workspace_id !== workspace.id)
        throw new SandboxHttpError(400, 'Invalid tag_ids');
      given.add(tag.id);
    }
  }
  if (names !== undefined && names !== null) {
    if (!Array.isArray(names) || names.some((name) => typeof name !== 'string' || name.trim() === ''))
      throw new SandboxHttpError(400, 'Invalid tags');
    for (const name of names as string[]) given.add(tagNamed(context, workspace, name.trim()));
  }
  if (!existing || action === undefined) return [...given];
  if (action === 'add') return [...new Set([...existing.tag_ids, ...given])];
  return existing.tag_ids.filter((id) => !given.has(id));
}

/** Reads and checks a POST body, in the order Toggl's recorded refusals show. */
export function readNewTimeEntry(
  context: RouteContext,
  workspace: SandboxWorkspace,
  body: Record<string, unknown>,
): NewTimeEntry {
  const timing = readTiming(body, undefined);
  if (!timing) throw new SandboxHttpError(400, START_REQUIRED);
  const createdWith = body.created_with;
  if (typeof createdWith !== 'string' || createdWith.trim() === '')
    throw new SandboxHttpError(400, CREATED_WITH_REQUIRED);
  checkWorkspace(body, workspace, true);
  const userId = readUser(context, workspace, body) ?? context.user.id;
  const description = readDescription(body) ?? null;
  const billable = readBillable(body, workspace) ?? false;
  const { projectId = null, taskId = null } = readProjectAndTask(context, workspace, body, undefined);
  return {
    workspaceId: workspace.id,
    userId,
    projectId,
    taskId,
    description,
    billable,
    startMs: timing.startMs,
    stopMs: timing.stopMs,
    tagIds: readTags(context, workspace, body, undefined) ?? [],
    createdWith,
  };
}

/** Reads and checks a PUT body against the entry it changes. */
export function readTimeEntryUpdate(
  context: RouteContext,
  workspace: SandboxWorkspace,
  body: Record<string, unknown>,
  existing: SandboxTimeEntry,
): TimeEntryUpdate {
  const timing = readTiming(body, existing);
  checkWorkspace(body, workspace, false);
  const update: TimeEntryUpdate = {
    ...readProjectAndTask(context, workspace, body, existing),
    ...(timing && { timing }),
  };
  const userId = readUser(context, workspace, body);
  if (userId !== undefined) update.userId = userId;
  const description = readDescription(body);
  if (description !== undefined) update.description = description;
  const billable = readBillable(body, workspace);
  if (billable !== undefined) update.billable = billable;
  const tagIds = readTags(context, workspace, body, existing);
  if (tagIds !== undefined) update.tagIds = tagIds;
  return update;
}
