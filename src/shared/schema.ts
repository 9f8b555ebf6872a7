/**
 * One zod schema per shape the app keeps: the cache file, the outbox file and IPC validation
 * derive theirs from these (`pick`, `extend`, `partial`), and the types come from `z.infer`.
 * Toggl's own (looser) shapes are mapped onto these once, at the API boundary.
 */
import { z } from 'zod';
import { RATE_CHANGE_MODES } from './rate-change';

const id = z.number().int();
/** Toggl's `at`: when the entity last changed there (ISO time). */
const at = z.string();

export const userSchema = z.object({
  id,
  fullname: z.string(),
  email: z.string(),
  /**
   * Where the user's new projects go first (Toggl's `default_workspace_id`, set in Settings);
   * null when Toggl sent none. Cache v3 kept 0 for that; its migration makes it null.
   */
  defaultWorkspaceId: id.nullable(),
  /** The user's Toggl time zone (IANA): "today" and "this week" are days there. */
  timezone: z.string().default('UTC'),
  /** The day a week starts on: 0 Sunday … 6 Saturday (Toggl's `beginning_of_week`). */
  beginningOfWeek: z.number().int().min(0).max(6).default(1),
});

export const workspaceSchema = z.object({
  id,
  organizationId: id,
  name: z.string(),
  /** The user's role here: "admin", "user", "projectlead" or "teamlead". */
  role: z.string(),
  admin: z.boolean(),
  /** Paid plan: billable projects and any hex color. */
  premium: z.boolean(),
  onlyAdminsMayCreateProjects: z.boolean(),
  /** Projects the user manages here (Toggl's project users with `manager`); loaded where not admin. */
  managedProjects: z.array(id).default([]),
  /**
   * True from a first load until Toggl says which projects the user manages here: the list
   * shows, and what only managers may do waits ("checking…") instead of holding it back.
   */
  managedPending: z.boolean().default(false),
  at,
});

/**
 * A project member (Toggl's project user): `manager` may change the project; `rate` (billable,
 * per hour) and `laborCost` (what an hour of theirs costs) where the plan has rates, null for
 * none (the project's or workspace's applies). `laborCost` came with cache v6.
 */
export const memberSchema = z.object({
  id,
  pid: id,
  uid: id,
  manager: z.boolean(),
  rate: z.number().nullable(),
  laborCost: z.number().nullable(),
});
/** A group on a project (Toggl's project group). */
export const projectGroupSchema = z.object({ id, pid: id, groupId: id });

/**
 * A workspace's people. Where tasks may be assigned (paid plans), its users come with the
 * full sync (one request, at most hourly); its members and groups when a project's members
 * are first opened (project users, groups, project groups), then with every full sync.
 */
export const teamSchema = z.object({
  wid: id,
  members: z.array(memberSchema),
  users: z.array(z.object({ id, name: z.string() })),
  groups: z.array(z.object({ id, name: z.string() })),
  projectGroups: z.array(projectGroupSchema),
  /** False while only the users are known (members and groups not loaded yet). */
  complete: z.boolean().default(true),
  loadedAt: z.number(),
});

/** A person in an organization group, named as Toggl names them there. */
const namedPerson = z.object({ id, name: z.string() });

/** An organization group (seed 001, "Groups"): its people and the workspaces it is in. */
export const orgGroupSchema = z.object({
  id,
  name: z.string(),
  users: z.array(namedPerson),
  workspaces: z.array(id),
  at,
});

/**
 * An organization the user belongs to (`GET /me/organizations`) and its groups: loaded when
 * Settings shows them, then again with a full load at most hourly (the /me quota is small).
 */
export const organizationSchema = z.object({
  id,
  name: z.string(),
  /** An organization admin: may create, change and delete its groups (Toggl's `admin`). */
  admin: z.boolean(),
  /** False when Toggl would not list its groups for this user (they are not shown then). */
  groupsListed: z.boolean(),
  groups: z.array(orgGroupSchema),
  /** Who may be put in a group: the people of its workspaces the user is in (admins only). */
  people: z.array(namedPerson),
  loadedAt: z.number(),
});

/** What a user may set on an organization group. */
export const orgGroupChangesSchema = orgGroupSchema
  .pick({ name: true, workspaces: true })
  .extend({ users: z.array(id) })
  .partial();

export const clientSchema = z.object({ id, wid: id, name: z.string(), archived: z.boolean(), at });

/** How a new rate counts for time already tracked (shared/rate-change.ts). */
export const rateChangeModeSchema = z.enum(RATE_CHANGE_MODES);

/**
 * A recurring project's period (Toggl's `recurring_parameters`, OpenAPI
 * `project.RecurringParameters`): `period` as Toggl names it ("monthly", "custom", or another
 * Toggl sends), `customPeriod` the days of a "custom" one, `startDate` when it recurs from.
 */
export const recurringParametersSchema = z.object({
  period: z.string(),
  customPeriod: z.number().int().nullable(),
  startDate: z.string().nullable(),
});

export const projectSchema = z.object({
  id,
  wid: id,
  cid: id.nullable(),
  name: z.string(),
  color: z.string(),
  active: z.boolean(),
  isPrivate: z.boolean(),
  billable: z.boolean(),
  at,
  ...projectDetailsShape(),
});

/**
 * A project's details (issue 22, item 1; seed 000 and Toggl's `project.Payload`). The list shows
 * the estimate, the time tracked and the end date; the form the rest. Dates are "YYYY-MM-DD".
 */
function projectDetailsShape() {
  return {
    /** Toggl's `estimated_hours` (whole hours), null for none. */
    estimatedHours: z.number().nullable(),
    /** Estimates from the tasks' (paid). */
    autoEstimates: z.boolean(),
    /** Toggl's `actual_seconds` (else `actual_hours` × 3600); null where Toggl left it out. */
    trackedSeconds: z.number().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    /** The project is a template others can be made from (paid). */
    template: z.boolean(),
    /** The template this project was made from. */
    templateId: id.nullable(),
    currency: z.string().nullable(),
    /** Hourly rate and fixed fee (paid). */
    rate: z.number().nullable(),
    fixedFee: z.number().nullable(),
    recurring: z.boolean(),
    /** Period and start of a recurring project (paid), null where Toggl sent none (cache v9). */
    recurringParameters: recurringParametersSchema.nullable(),
  };
}

/** The details a project has when Toggl says nothing of them. */
export const NO_PROJECT_DETAILS = {
  estimatedHours: null,
  autoEstimates: false,
  trackedSeconds: null,
  startDate: null,
  endDate: null,
  template: false,
  templateId: null,
  currency: null,
  rate: null,
  fixedFee: null,
  recurring: false,
  recurringParameters: null,
} as const satisfies Record<keyof ReturnType<typeof projectDetailsShape>, unknown>;

export const taskSchema = z.object({
  id,
  wid: id,
  pid: id,
  name: z.string(),
  /** False when the task is done. */
  active: z.boolean(),
  estimatedSeconds: z.number().nullable(),
  /** Toggl's `tracked_seconds`, which is milliseconds. */
  trackedMs: z.number(),
  /** Who the task is assigned to (Toggl's `user_id`), null for no one. */
  assigneeId: id.nullable().default(null),
  at,
});

/**
 * A time entry. `stop` null is the running one; its elapsed time is now − `start` (Toggl's
 * `duration` for a running entry is minus the start epoch, never used). Times are UTC ISO.
 */
export const timeEntrySchema = z.object({
  id,
  wid: id,
  pid: id.nullable(),
  tid: id.nullable(),
  description: z.string(),
  start: z.string(),
  stop: z.string().nullable(),
  billable: z.boolean(),
  at,
});

/** What a user gives when starting a timer. */
export const timerStartSchema = z.object({
  pid: id.nullable(),
  tid: id.nullable(),
  wid: id,
  description: z.string().max(3000),
});

/** What a user may change on a time entry here (the running one): what it is for and where it counts. */
export const timerChangesSchema = z.object({
  description: z.string().max(3000).optional(),
  pid: id.nullable().optional(),
  tid: id.nullable().optional(),
});

/** The details a user may set on a project (the form's "Details"); `trackedSeconds` is Toggl's to say. */
const EDITABLE_DETAILS = {
  estimatedHours: true,
  autoEstimates: true,
  startDate: true,
  endDate: true,
  template: true,
  currency: true,
  rate: true,
  fixedFee: true,
  recurring: true,
  recurringParameters: true,
} as const;

/**
 * Fields a user sets when creating a project; `clientName` creates a client with it. Details
 * are optional (quick-add and the command line give none); `templateId` makes it from a template.
 */
export const projectFieldsSchema = projectSchema
  .pick({ name: true, cid: true, color: true, isPrivate: true, billable: true })
  .extend({
    clientName: z.string().optional(),
    ...projectSchema.pick({ ...EDITABLE_DETAILS, templateId: true }).partial().shape,
  });

/** Fields a user may change on a project. */
export const projectChangesSchema = projectSchema
  .pick({ name: true, cid: true, color: true, isPrivate: true, billable: true, active: true, ...EDITABLE_DETAILS })
  .partial();

/** A new task; no assignee said is no one. */
export const taskFieldsSchema = taskSchema
  .pick({ name: true, estimatedSeconds: true })
  .extend({ assigneeId: id.nullable().optional() });

// Not picked with its default: a change that leaves the assignee alone must not say "no one".
export const taskChangesSchema = taskSchema
  .pick({ name: true, estimatedSeconds: true, active: true })
  .extend({ assigneeId: id.nullable() })
  .partial();

/** Where a queued change stands. */
export const changeStateSchema = z.enum(['pending', 'failed', 'conflict']);

/** A field a queued edit and Toggl both changed: what you set and what Toggl has now. */
export const conflictSchema = z.object({ field: z.string(), mine: z.unknown(), theirs: z.unknown() });
