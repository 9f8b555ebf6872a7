import type { TogglRecurringProjectParameters } from '../../src/main/services/toggl/types';
import { SandboxHttpError, type RouteContext } from './routing';

/**
 * A project's recurring parameters and the change modes of rates (issue 22), as the OpenAPI
 * document describes them: `project.RecurringParameters` (`period`, e.g. "monthly";
 * `custom_period`, an integer, "the period field must be custom"; `project_start_date`) and
 * `rate_change_mode` / `labor_cost_change_mode` ("start-today", "override-current",
 * "override-all"). Every refusal text here is ours: no recording has Toggl's.
 */

export const CHANGE_MODES = new Set(['start-today', 'override-current', 'override-all']);

const DAY = /^\d{4}-\d\d-\d\d$/;

/** A change mode from a body: undefined when absent, 400 when not one of the three. */
export function changeMode(body: Record<string, unknown>, key: string): string | undefined {
  const mode = body[key];
  if (mode === undefined || mode === null) return undefined;
  if (typeof mode !== 'string' || !CHANGE_MODES.has(mode)) throw new SandboxHttpError(400, `Invalid ${key}`);
  return mode;
}

/**
 * A create or update body's `recurring_parameters`, read into what answers carry (an array of
 * one `models.RecurringProjectParameters`, as `models.Project` types it): undefined when absent
 * or null. The document names no list of periods, so any word is taken; a custom period needs
 * a whole number of days (the unit is ours) from 1.
 */
export function recurringParameters(body: Record<string, unknown>): TogglRecurringProjectParameters[] | undefined {
  const value = body.recurring_parameters;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new SandboxHttpError(400, 'Invalid recurring_parameters');
  const given = value as Record<string, unknown>;
  const period = given.period;
  if (typeof period !== 'string' || !/^[a-z]+$/.test(period))
    throw new SandboxHttpError(400, 'Invalid recurring_parameters.period');
  const days = given.custom_period;
  if (period === 'custom' && (typeof days !== 'number' || !Number.isInteger(days) || days < 1))
    throw new SandboxHttpError(400, 'Invalid recurring_parameters.custom_period');
  if (period !== 'custom' && days !== undefined && days !== null)
    throw new SandboxHttpError(400, 'recurring_parameters.custom_period needs period "custom"');
  const start = given.project_start_date;
  if (
    start !== undefined &&
    start !== null &&
    (typeof start !== 'string' || !DAY.test(start) || Number.isNaN(Date.parse(start)))
  )
    throw new SandboxHttpError(400, 'Invalid recurring_parameters.project_start_date');
  const from = typeof start === 'string' ? start : null;
  return [
    {
      period,
      custom_period: period === 'custom' ? (days as number) : null,
      project_start_date: from,
      parameter_start_date: from,
      parameter_end_date: null,
      estimated_seconds: null,
    },
  ];
}

/** One rate set, with the mode it came with (null: none said, Toggl's default). */
export interface SandboxRateChange {
  what: 'project' | 'project_user';
  id: number;
  field: 'rate' | 'labor_cost';
  amount: number | null;
  mode: string | null;
  at: string;
}

/**
 * Keeps a rate change and its mode. Toggl applies the mode to the rates of time already
 * tracked and its answers carry no mode; the sandbox keeps no rate per entry, so it keeps the
 * mode here (`state.rateChanges`), where a test reads it.
 */
export function keepRateChange(context: RouteContext, change: Omit<SandboxRateChange, 'at'>): void {
  context.state.rateChanges.push({ ...change, at: context.state.stamp() });
}
