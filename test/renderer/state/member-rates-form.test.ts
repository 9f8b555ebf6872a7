import { describe, expect, it } from 'vitest';
import { MemberRatesForm } from '../../../src/renderer/src/lib/member-rates.svelte';

describe('a member’s rates as the Members dialog edits them', () => {
  it('starts from the member’s, and a save gives only what changed ("" is none)', () => {
    const form = new MemberRatesForm({ rate: 85.5, laborCost: null });
    expect([form.rate, form.laborCost]).toEqual(['85.5', '']);
    expect(form.read()).toEqual({});
    form.rate = '';
    form.laborCost = '40,25';
    // A new amount asks what it applies to (Toggl's default first); a cleared one does not.
    expect([form.changed('rate'), form.changed('laborCost')]).toEqual([false, true]);
    expect(form.read()).toEqual({ rate: null, laborCost: 40.25, laborCostChangeMode: 'override-current' });
  });

  it('a wrong amount is told beside its field and nothing is given; the first one takes focus', () => {
    const form = new MemberRatesForm({ rate: null, laborCost: null });
    form.rate = '-5';
    form.laborCost = '40 EUR';
    expect(form.read()).toBeUndefined();
    expect(form.problems).toEqual({
      rate: 'The hourly rate cannot be below zero.',
      laborCost: 'Write the labor cost as a number, e.g. 85.50.',
    });
    expect(form.firstProblem).toBe('rate');
    form.rate = '60';
    form.laborCost = '30';
    form.rateChangeMode = 'start-today';
    expect(form.read()).toEqual({
      rate: 60,
      laborCost: 30,
      rateChangeMode: 'start-today',
      laborCostChangeMode: 'override-current',
    });
    expect(form.problems).toEqual({});
  });
});
