import {
  MODE_OF,
  RATE_FIELDS,
  RATE_WORDS,
  modesFor,
  rateProblems,
  type MemberRates,
  type RateField,
  type RateModes,
} from '../../../shared/member-rates';
import { notAnAmount, readAmount, shownAmount } from '../../../shared/money';
import { DEFAULT_RATE_CHANGE_MODE, type RateChangeMode } from '../../../shared/rate-change';

/**
 * One member's rates as the Members dialog edits them (issue 22, item 4): the fields as typed,
 * read on save with a message beside each that is wrong (nothing typed is lost). An empty field
 * is "none". The rules are shared with main (shared/member-rates.ts).
 */
export class MemberRatesForm {
  rate = $state('');
  laborCost = $state('');
  /** How each new amount counts for time already tracked (asked only while that amount is changed). */
  rateChangeMode = $state<RateChangeMode>(DEFAULT_RATE_CHANGE_MODE);
  laborCostChangeMode = $state<RateChangeMode>(DEFAULT_RATE_CHANGE_MODE);
  problems = $state<Partial<Record<RateField, string>>>({});

  constructor(private readonly member: MemberRates) {
    this.rate = shownAmount(member.rate);
    this.laborCost = shownAmount(member.laborCost);
  }

  /** The first field with a problem, to take focus after a refused save. */
  get firstProblem(): RateField | undefined {
    return RATE_FIELDS.find((field) => this.problems[field]);
  }

  /** The amount typed anew (a number, not the one the member has): ask how it applies. */
  changed(field: RateField): boolean {
    const typed = readAmount(this[field]);
    return typeof typed === 'number' && typed !== this.member[field];
  }

  /** The form's mode for each field, as `setRates` takes them. */
  get modes(): RateModes {
    return { [MODE_OF.rate]: this.rateChangeMode, [MODE_OF.laborCost]: this.laborCostChangeMode };
  }

  /**
   * The rates that differ from the member's, each new amount with its mode; undefined (and
   * `problems` set) when one is wrong.
   */
  read(): (Partial<MemberRates> & RateModes) | undefined {
    const problems: Partial<Record<RateField, string>> = {};
    const values: Partial<MemberRates> = {};
    for (const field of RATE_FIELDS) {
      const value = readAmount(this[field]);
      if (value === undefined) problems[field] = notAnAmount(RATE_WORDS[field]);
      else if (value !== this.member[field]) values[field] = value;
    }
    this.problems = { ...rateProblems(values), ...problems };
    return this.firstProblem ? undefined : { ...values, ...modesFor(values, this.modes) };
  }
}
