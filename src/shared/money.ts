/**
 * Money amounts as people type them and as Toggl keeps them (rates, labor costs, fixed fees:
 * OpenAPI numbers, never below zero). One copy for every form that takes one and for main,
 * which refuses with the same words.
 */

/** "40", "12.5", "12,5" → the number; "" → null (none); undefined when it is not a number. */
export function readAmount(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return /^-?\d+(\.\d+)?$/.test(trimmed) && Number.isFinite(value) ? value : undefined;
}

/** What the form says when the text is not a number at all. */
export const notAnAmount = (words: string): string => `Write the ${words} as a number, e.g. 85.50.`;

/** Why an amount cannot be kept (`words` names it: "hourly rate"), or undefined when it can. */
export function amountProblem(amount: number | null | undefined, words: string): string | undefined {
  if (amount === undefined || amount === null) return undefined;
  if (!Number.isFinite(amount)) return notAnAmount(words);
  if (amount < 0) return `The ${words} cannot be below zero.`;
  return undefined;
}

/** An amount as a field shows it: "" for none. */
export const shownAmount = (value: number | null): string => (value === null ? '' : String(value));
