import { amountProblem } from './money';

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

/** Problems with the rates given, field by field (empty when none): one copy for the dialog and main. */
export function rateProblems(given: Partial<MemberRates>): Partial<Record<RateField, string>> {
  const problems: Partial<Record<RateField, string>> = {};
  for (const field of RATE_FIELDS) {
    const problem = amountProblem(given[field], RATE_WORDS[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
}
