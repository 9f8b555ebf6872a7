import type { TogglRecurringProjectParameters } from '../../src/main/services/toggl/types';
import { addClient } from './builders';
import { changeMode, keepRateChange, recurringParameters } from './rate-rules';
import { SandboxHttpError, optionalBoolean, optionalInteger, optionalString, type RouteContext } from './routing';
import { TOGGL_PALETTE, type SandboxProject, type SandboxWorkspace } from './state';

export const PROJECT_NAME_MAX = 255;
export const TASK_NAME_MAX = 255;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export interface ProjectChanges {
  name?: string;
  active?: boolean;
  is_private?: boolean;
  billable?: boolean;
  client_id?: number | null;
  color?: string;
  estimated_hours?: number | null;
  currency?: string | null;
  auto_estimates?: boolean;
  start_date?: string;
  end_date?: string | null;
  template?: boolean;
  template_id?: number;
  rate?: number | null;
  fixed_fee?: number | null;
  recurring?: boolean;
  recurring_parameters?: TogglRecurringProjectParameters[] | null;
  /** How a new rate applies: kept with the rate change (rate-rules.ts), never on the project. */
  rate_change_mode?: string;
}

const DAY = /^\d{4}-\d\d-\d\d$/;

/**
 * Paid features of `project.Payload` (Toggl's OpenAPI marks each "premium feature"). Toggl's
 * refusal text for these is in no recording and not in its OpenAPI document: these 402 words
 * are ours, written like the one recorded for colors ("… available only for premium plans").
 */
const PAID_FIELDS: Record<string, string> = {
  auto_estimates: 'Auto estimates available only for premium plans',
  template: 'Project templates available only for premium plans',
  template_id: 'Project templates available only for premium plans',
  currency: 'Project rates available only for premium plans',
  rate: 'Project rates available only for premium plans',
  fixed_fee: 'Fixed fee available only for premium plans',
  recurring: 'Recurring projects available only for premium plans',
  recurring_parameters: 'Recurring projects available only for premium plans',
  rate_change_mode: 'Project rates available only for premium plans',
};

function optionalDay(body: Record<string, unknown>, key: string): string | null | undefined {
  const value = body[key];
  if (value === undefined || value === null) return value;
  // Ours: Toggl's words for a malformed date are not recorded.
  if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(value)))
    throw new SandboxHttpError(400, `Invalid ${key}`);
  return value;
}

function optionalAmount(body: Record<string, unknown>, key: string): number | null | undefined {
  const value = body[key];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new SandboxHttpError(400, `Invalid ${key}`);
  return value;
}

/** The details of a create or update body (seed 000, OpenAPI `project.Payload`), plan rules first. */
function detailChanges(
  context: RouteContext,
  workspace: SandboxWorkspace,
  body: Record<string, unknown>,
  existing: SandboxProject | undefined,
): ProjectChanges {
  if (!workspace.premium) {
    for (const [field, message] of Object.entries(PAID_FIELDS)) {
      const value = body[field];
      if (value !== undefined && value !== null && value !== false) throw new SandboxHttpError(402, message);
    }
  }
  const changes: ProjectChanges = {};
  const hours = optionalInteger(body, 'estimated_hours');
  if (hours !== undefined) changes.estimated_hours = hours === 0 ? null : hours;
  const currency = body.currency === null ? null : optionalString(body, 'currency');
  if (currency !== undefined) {
    if (currency !== null && !/^[A-Z]{3}$/.test(currency)) throw new SandboxHttpError(400, 'Invalid currency');
    changes.currency = currency;
  }
  for (const key of ['auto_estimates', 'template', 'recurring'] as const) {
    const value = optionalBoolean(body, key);
    if (value !== undefined) changes[key] = value;
  }
  const start = optionalDay(body, 'start_date');
  // Toggl keeps a start date always (the day it was made when none is given).
  if (start) changes.start_date = start;
  const end = optionalDay(body, 'end_date');
  if (end !== undefined) changes.end_date = end;
  const finalStart = changes.start_date ?? existing?.start_date;
  const finalEnd = end !== undefined ? end : existing?.end_date;
  // Ours: the words Toggl uses for an end before the start are not recorded.
  if (finalStart && finalEnd && finalEnd < finalStart)
    throw new SandboxHttpError(400, 'End date must not be before start date');
  for (const key of ['rate', 'fixed_fee'] as const) {
    const value = optionalAmount(body, key);
    if (value !== undefined) changes[key] = value;
  }
  const mode = changeMode(body, 'rate_change_mode');
  if (mode !== undefined) changes.rate_change_mode = mode;
  const recurrence = recurringParameters(body);
  const recurring = changes.recurring ?? existing?.recurring ?? false;
  // Ours: Toggl's answer to parameters without recurring, and what it keeps once recurring is
  // off, are not recorded; the sandbox refuses the one and forgets them with the other.
  if (recurrence && !recurring)
    throw new SandboxHttpError(400, 'recurring_parameters need the project to be recurring');
  if (recurrence) changes.recurring_parameters = recurrence;
  else if (changes.recurring === false) changes.recurring_parameters = null;
  if (body.template_id !== undefined && body.template_id !== null) {
    if (existing) throw new SandboxHttpError(400, 'template_id can only be set when creating a project');
    const template = typeof body.template_id === 'number' ? context.state.projects.get(body.template_id) : undefined;
    if (!template || template.workspace_id !== workspace.id || template.server_deleted_at || !template.template)
      throw new SandboxHttpError(400, 'Invalid template_id');
    changes.template_id = template.id;
  }
  return changes;
}

/** Reads and checks a project create/update body against the workspace's rules. */
export function projectChanges(
  context: RouteContext,
  workspace: SandboxWorkspace,
  body: Record<string, unknown>,
  existing: SandboxProject | undefined,
): ProjectChanges {
  const changes: ProjectChanges = {};
  const name = optionalString(body, 'name');
  if (name !== undefined || !existing) {
    const trimmed = (name ?? '').trim();
    if (!trimmed) throw new SandboxHttpError(400, 'Project name must not be empty');
    if (trimmed.length > PROJECT_NAME_MAX)
      throw new SandboxHttpError(400, `Project name must be at most ${PROJECT_NAME_MAX} characters`);
    changes.name = trimmed;
  }
  const active = optionalBoolean(body, 'active');
  if (active !== undefined) changes.active = active;
  const isPrivate = optionalBoolean(body, 'is_private');
  if (isPrivate !== undefined) changes.is_private = isPrivate;
  const billable = optionalBoolean(body, 'billable');
  if (billable !== undefined) {
    if (billable && !workspace.premium)
      throw new SandboxHttpError(403, 'Billable projects are available on paid plans only');
    changes.billable = billable;
  }
  const color = optionalString(body, 'color');
  if (color !== undefined) {
    if (!HEX_COLOR.test(color)) throw new SandboxHttpError(400, 'Invalid project color');
    if (!workspace.premium && !TOGGL_PALETTE.includes(color.toLowerCase())) {
      // Toggl's own answer (../shared/toggl-recordings: project-put-402-color).
      throw new SandboxHttpError(402, 'Custom project colors available only for premium plans');
    }
    changes.color = color.toLowerCase();
  }
  Object.assign(changes, detailChanges(context, workspace, body, existing));

  const clientId = body.client_id ?? body.cid;
  const clientName = optionalString(body, 'client_name');
  if (clientId !== undefined && clientId !== null) {
    const client = typeof clientId === 'number' ? context.state.clients.get(clientId) : undefined;
    if (!client || client.wid !== workspace.id || client.server_deleted_at)
      throw new SandboxHttpError(400, 'Client not found');
    changes.client_id = client.id;
  } else if (clientName !== undefined && clientName.trim() !== '') {
    const wanted = clientName.trim();
    const found = [...context.state.clients.values()].find(
      (client) =>
        client.wid === workspace.id && !client.server_deleted_at && client.name.toLowerCase() === wanted.toLowerCase(),
    );
    changes.client_id = (found ?? addClient(context.state, workspace.id, wanted, context.user.id)).id;
  } else if (clientId === null) {
    changes.client_id = null;
  }

  const finalName = changes.name ?? existing?.name ?? '';
  const finalClient = changes.client_id !== undefined ? changes.client_id : (existing?.client_id ?? null);
  for (const other of context.state.projects.values()) {
    if (
      other.id !== existing?.id &&
      other.workspace_id === workspace.id &&
      !other.server_deleted_at &&
      (other.client_id ?? null) === finalClient &&
      other.name.toLowerCase() === finalName.toLowerCase()
    ) {
      throw new SandboxHttpError(400, 'Name has already been taken');
    }
  }
  return changes;
}

export function applyProjectChanges(context: RouteContext, project: SandboxProject, all: ProjectChanges): void {
  const { rate_change_mode: mode, ...changes } = all;
  Object.assign(project, changes);
  if (changes.rate !== undefined)
    keepRateChange(context, {
      what: 'project',
      id: project.id,
      field: 'rate',
      amount: changes.rate,
      mode: mode ?? null,
    });
  if (changes.client_id !== undefined) project.cid = changes.client_id;
  if (changes.estimated_hours !== undefined)
    project.estimated_seconds = changes.estimated_hours === null ? null : changes.estimated_hours * 3600;
  project.at = context.state.stamp();
}

export function requireProjectEditor(context: RouteContext, project: SandboxProject): void {
  if (!context.state.canEditProject(project, context.user.id)) {
    throw new SandboxHttpError(403, 'Only workspace admins and project managers may change this project');
  }
}
