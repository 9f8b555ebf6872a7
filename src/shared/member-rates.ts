import { amountProblem } from './money';
import { rateChangeProblem, type RateChangeMode } from './rate-change';

/**
 * A project member's rates (issue 22, item 4): the hourly rate billed for their time and their
 * labor cost per hour, each null for "none" (the project's or workspace's applies). Toggl keeps
 * them where the plan has rates; workspace admins set them.
 */
export interface MemberRates {
  rate: number | null;
  laborCost: number | null;
}

export type RateField = keyof MemberRates;

/** How the form and the messages name each field. */
export const RATE_WORDS: Record<RateField, string> = { rate: 'hourly rate', laborCost: 'labor cost' };
export const RATE_FIELDS = Object.keys(RATE_WORDS) as RateField[];

/**
 * How each new amount counts for time already tracked (Toggl's `rate_change_mode` and
 * `labor_cost_change_mode`, shared/rate-change.ts): each only with a new amount of its field.
 */
export interface RateModes {
  rateChangeMode?: RateChangeMode;
  laborCostChangeMode?: RateChangeMode;
}

export type ModeField = keyof RateModes;

/** The mode that goes with each amount. */
export const MODE_OF: Record<RateField, ModeField> = { rate: 'rateChangeMode', laborCost: 'laborCostChangeMode' };

/** Problems with the rates given, field by field (empty when none): one copy for the dialog and main. */
export function rateProblems(given: Partial<MemberRates> & RateModes): Partial<Record<RateField, string>> {
  const problems: Partial<Record<RateField, string>> = {};
  for (const field of RATE_FIELDS) {
    const problem =
      amountProblem(given[field], RATE_WORDS[field]) ??
      rateChangeProblem(given[MODE_OF[field]], given[field], RATE_WORDS[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
}

/** The modes that go with the amounts set (a number) in `given`, from `modes`. */
export function modesFor(given: Partial<MemberRates>, modes: RateModes): RateModes {
  return Object.fromEntries(
    RATE_FIELDS.flatMap((field) => {
      const mode = modes[MODE_OF[field]];
      return typeof given[field] === 'number' && mode !== undefined ? [[MODE_OF[field], mode]] : [];
    }),
  );
}
