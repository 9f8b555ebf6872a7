import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldValue } from '../../src/shared/field-labels';

describe('a changed field in the user’s words', () => {
  it('names each field a project or task form edits as the form labels it', () => {
    expect(fieldLabel('estimatedHours')).toBe('Estimate (hours)');
    expect(fieldLabel('isPrivate')).toBe('Private');
    expect(fieldLabel('cid')).toBe('Client');
    expect(fieldLabel('templateId')).toBe('From template');
  });

  it('splits a field it has no label for into words, and never reads an object’s own properties', () => {
    expect(fieldLabel('rateChangeMode')).toBe('Rate change mode');
    expect(fieldLabel('constructor')).toBe('Constructor');
  });

  it('shows values as a person reads them', () => {
    expect(fieldValue('Website')).toBe('“Website”');
    expect(fieldValue(null)).toBe('none');
    expect(fieldValue(true)).toBe('yes');
    expect(fieldValue(40)).toBe('40');
  });
});
