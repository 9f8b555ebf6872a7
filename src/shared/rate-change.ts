/**
 * How a new rate counts for time already tracked (issue 22): Toggl's `rate_change_mode` on a
 * project and `rate_change_mode` / `labor_cost_change_mode` on a project member. The OpenAPI
 * document (`project.Payload`, `user.PutPayload`) gives the three values and no more; its
 * `models.RateChangeMode` names "override-current" the default. What each means is read from
 * its name (Toggl keeps a rate's history in periods): from today on, replacing the current
 * period, or replacing every period. The words say so and name Toggl's value beside them.
 */

export const RATE_CHANGE_MODES = ['start-today', 'override-current', 'override-all'] as const;
export type RateChangeMode = (typeof RATE_CHANGE_MODES)[number];

/** Toggl's own default (`models.RateChangeMode`: DefaultRateChangeMode), which the selects start on. */
export const DEFAULT_RATE_CHANGE_MODE: RateChangeMode = 'override-current';

/** How the selects name each mode. */
export const RATE_CHANGE_WORDS: Record<RateChangeMode, string> = {
  'start-today': 'From today on (start-today)',
  'override-current': 'Since the current rate began (override-current)',
  'override-all': 'All time, past included (override-all)',
};

export const isRateChangeMode = (value: unknown): value is RateChangeMode =>
  typeof value === 'string' && (RATE_CHANGE_MODES as readonly string[]).includes(value);

/**
 * Why a change mode cannot go with this change (`words` names the amount: "hourly rate"), or
 * undefined when it can: a mode says how a new amount counts, so it needs a new amount.
 */
export function rateChangeProblem(
  mode: unknown,
  newAmount: number | null | undefined,
  words: string,
): string | undefined {
  if (mode === undefined) return undefined;
  if (!isRateChangeMode(mode)) return `That is not a way a new ${words} can apply: choose one from the list.`;
  if (typeof newAmount !== 'number')
    return `Choose what a new ${words} applies to only with a new ${words}: change the ${words}, or leave the choice out.`;
  return undefined;
}
