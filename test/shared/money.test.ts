import { describe, expect, it } from 'vitest';
import { amountProblem, readAmount } from '../../src/shared/money';
import { rateProblems } from '../../src/shared/member-rates';

describe('money amounts as typed', () => {
  it('reads "85.50", "85,5", " 40 " and "" (none); anything else is not a number', () => {
    expect(readAmount('85.50')).toBe(85.5);
    expect(readAmount('85,5')).toBe(85.5);
    expect(readAmount(' 40 ')).toBe(40);
    expect(readAmount('')).toBeNull();
    expect(readAmount('-5')).toBe(-5);
    for (const text of ['40 EUR', '1e3', '.5', '1.2.3', 'abc', '€40']) expect(readAmount(text)).toBeUndefined();
  });

  it('refuses below zero and what is not a number, in words naming the field', () => {
    expect(amountProblem(-0.01, 'labor cost')).toBe('The labor cost cannot be below zero.');
    expect(amountProblem(Number.NaN, 'hourly rate')).toBe('Write the hourly rate as a number, e.g. 85.50.');
    expect(amountProblem(0, 'hourly rate')).toBeUndefined();
    expect(amountProblem(null, 'hourly rate')).toBeUndefined();
    expect(rateProblems({ rate: -1, laborCost: 12.5 })).toEqual({ rate: 'The hourly rate cannot be below zero.' });
    expect(rateProblems({ laborCost: null })).toEqual({});
  });
});
