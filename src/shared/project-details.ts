import type { ProjectDetails, WorkspaceRights } from './entities';
import { amountProblem } from './money';

/**
 * The project details' rules, one copy for the form (a message beside each field) and for
 * main (which refuses with the same words). Toggl's `project.Payload` (OpenAPI): whole
 * estimated hours, dates as "YYYY-MM-DD", currency a code, rate and fixed fee amounts.
 */

export type EditableDetails = Omit<ProjectDetails, 'trackedSeconds' | 'templateId'>;
/** The recurring parameters' own fields, each with its message (the form's ids say the same). */
export type RecurrenceField = 'period' | 'customPeriod' | 'recurringFrom';
export type DetailField = keyof EditableDetails | 'templateId' | RecurrenceField;
export type DetailProblems = Partial<Record<DetailField, string>>;

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

/** A real calendar day written "YYYY-MM-DD" ("2026-02-30" is not one). */
export function isDay(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The most hours an estimate may say (Toggl's integer; a typo of 10⁹ hours helps nobody). */
export const ESTIMATE_MAX_HOURS = 100_000;

/** Which paid feature a detail needs, as the rights name it. */
const PAID: Partial<Record<DetailField, keyof WorkspaceRights>> = {
  autoEstimates: 'autoEstimates',
  template: 'templates',
  templateId: 'templates',
  currency: 'rates',
  rate: 'rates',
  fixedFee: 'rates',
  recurring: 'recurring',
  recurringParameters: 'recurring',
};

/**
 * The periods the form offers. The OpenAPI document names two: "monthly" (its example for
 * `period`) and "custom" (with `custom_period`); no page lists others, so none is offered. A
 * period Toggl sends that is not one of these is kept and may be sent back unchanged.
 */
export const RECURRING_PERIODS: Record<string, string> = { monthly: 'Monthly', custom: 'Custom (every so many days)' };

/**
 * A custom period's days: a whole number, at most a year. The document types `custom_period`
 * an integer and says no unit or bound: days and 1–365 are ours.
 */
export const CUSTOM_PERIOD_MAX_DAYS = 365;

/** Problems with a recurring project's period and start, each under its own field. */
function recurrenceProblems(
  given: EditableDetails['recurringParameters'] | undefined,
  recurring: boolean,
  knownPeriod: string | undefined,
): DetailProblems {
  if (given === undefined || given === null) return {};
  const problems: DetailProblems = {};
  if (!recurring) problems.period = 'Turn Recurring on to set its period.';
  else if (!Object.hasOwn(RECURRING_PERIODS, given.period) && given.period !== knownPeriod)
    problems.period = `Choose a period Toggl knows: ${Object.keys(RECURRING_PERIODS).join(' or ')}.`;
  const days = given.customPeriod;
  if (given.period === 'custom') {
    if (days === null) problems.customPeriod = 'Say every how many days it recurs, e.g. 14.';
    else if (!Number.isInteger(days) || days < 1 || days > CUSTOM_PERIOD_MAX_DAYS)
      problems.customPeriod = `A custom period is a whole number of days from 1 to ${CUSTOM_PERIOD_MAX_DAYS}.`;
  } else if (days !== null) problems.customPeriod = 'Only a custom period takes a number of days.';
  if (given.startDate !== null && !isDay(given.startDate))
    problems.recurringFrom = `“${given.startDate}” is not a date: write it as YYYY-MM-DD, e.g. 2026-11-03.`;
  return problems;
}

/** Why the workspace's plan refuses this detail (only when it is set to something), or null. */
export function planRefusal(rights: WorkspaceRights | undefined, field: DetailField, value: unknown): string | null {
  const right = PAID[field];
  if (!right || !rights || value === null || value === false || value === undefined) return null;
  const reason = rights[right];
  return typeof reason === 'string' ? reason : null;
}

/**
 * Problems with the details a user gave, field by field (an empty object when none). `given`
 * holds what the user set; `current`, what the project has, so an end date is checked
 * against a start date set earlier.
 */
export function detailProblems(
  given: Partial<EditableDetails> & { templateId?: number | null },
  current: Pick<ProjectDetails, 'startDate' | 'endDate'> &
    Partial<Pick<ProjectDetails, 'recurring' | 'recurringParameters'>> = {
    startDate: null,
    endDate: null,
  },
): DetailProblems {
  const problems: DetailProblems = {};
  const hours = given.estimatedHours;
  if (hours !== undefined && hours !== null) {
    if (!Number.isFinite(hours) || hours <= 0) problems.estimatedHours = 'The estimate must be above zero hours.';
    else if (!Number.isInteger(hours))
      problems.estimatedHours = 'Toggl keeps whole hours: give the estimate as 1, 2, 40…';
    else if (hours > ESTIMATE_MAX_HOURS)
      problems.estimatedHours = `The estimate can be at most ${ESTIMATE_MAX_HOURS.toLocaleString('en')} hours.`;
  }
  for (const field of ['startDate', 'endDate'] as const) {
    const day = given[field];
    if (day !== undefined && day !== null && !isDay(day))
      problems[field] = `“${day}” is not a date: write it as YYYY-MM-DD, e.g. 2026-11-03.`;
  }
  const start = given.startDate !== undefined ? given.startDate : current.startDate;
  const end = given.endDate !== undefined ? given.endDate : current.endDate;
  if (!problems.startDate && !problems.endDate && start && end && end < start)
    problems.endDate = `The end date is before the start date (${start}).`;
  if (given.currency !== undefined && given.currency !== null && !/^[A-Z]{3}$/.test(given.currency))
    problems.currency = 'A currency is a three-letter code such as EUR or USD.';
  for (const field of ['rate', 'fixedFee'] as const) {
    const problem = amountProblem(given[field], field === 'rate' ? 'hourly rate' : 'fixed fee');
    if (problem) problems[field] = problem;
  }
  const recurring = given.recurring ?? current.recurring ?? false;
  Object.assign(
    problems,
    recurrenceProblems(given.recurringParameters, recurring, current.recurringParameters?.period),
  );
  return problems;
}

/** Two recurring parameters say the same (null for none). */
export const sameRecurrence = (
  a: EditableDetails['recurringParameters'] | undefined,
  b: EditableDetails['recurringParameters'] | undefined,
): boolean =>
  a === b || (!!a && !!b && a.period === b.period && a.customPeriod === b.customPeriod && a.startDate === b.startDate);

/** The first problem, for a command that answers in one sentence. */
export const firstProblem = (problems: DetailProblems): string | undefined => Object.values(problems)[0];
