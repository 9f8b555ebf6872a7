import type { ProjectDetails, WorkspaceRights } from './entities';
import { amountProblem } from './money';

/**
 * The project details' rules, one copy for the form (a message beside each field) and for
 * main (which refuses with the same words). Toggl's `project.Payload` (OpenAPI): whole
 * estimated hours, dates as "YYYY-MM-DD", currency a code, rate and fixed fee amounts.
 */

export type EditableDetails = Omit<ProjectDetails, 'trackedSeconds' | 'templateId'>;
export type DetailField = keyof EditableDetails | 'templateId';
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
};

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
  current: Pick<ProjectDetails, 'startDate' | 'endDate'> = { startDate: null, endDate: null },
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
  return problems;
}

/** The first problem, for a command that answers in one sentence. */
export const firstProblem = (problems: DetailProblems): string | undefined => Object.values(problems)[0];
