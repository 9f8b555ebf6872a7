import { RATE_FIELDS, RATE_WORDS, rateProblems, type MemberRates, type RateField } from '../../../shared/member-rates';
import { notAnAmount, readAmount, shownAmount } from '../../../shared/money';

/**
 * One member's rates as the Members dialog edits them (issue 22, item 4): the fields as typed,
 * read on save with a message beside each that is wrong (nothing typed is lost). An empty field
 * is "none". The rules are shared with main (shared/member-rates.ts).
 */
export class MemberRatesForm {
  rate = $state('');
  laborCost = $state('');
  problems = $state<Partial<Record<RateField, string>>>({});

  constructor(private readonly member: MemberRates) {
    this.rate = shownAmount(member.rate);
    this.laborCost = shownAmount(member.laborCost);
  }

  /** The first field with a problem, to take focus after a refused save. */
  get firstProblem(): RateField | undefined {
    return RATE_FIELDS.find((field) => this.problems[field]);
  }

  /** The rates that differ from the member's; undefined (and `problems` set) when one is wrong. */
  read(): Partial<MemberRates> | undefined {
    const problems: Partial<Record<RateField, string>> = {};
    const values: Partial<MemberRates> = {};
    for (const field of RATE_FIELDS) {
      const value = readAmount(this[field]);
      if (value === undefined) problems[field] = notAnAmount(RATE_WORDS[field]);
      else if (value !== this.member[field]) values[field] = value;
    }
    this.problems = { ...rateProblems(values), ...problems };
    return this.firstProblem ? undefined : values;
  }
}
