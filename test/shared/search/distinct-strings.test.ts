import { describe, expect, it } from 'vitest';
import { DistinctStrings } from '../../../src/shared/search/distinct-strings';

describe('DistinctStrings', () => {
  it('numbers strings in the order first seen and gives a repeated one its first number', () => {
    const strings = new DistinctStrings();
    expect(['Website', 'Mobile app', 'Website', '', 'mobile app', ''].map((text) => strings.idOf(text))).toEqual([
      0, 1, 0, 2, 3, 2,
    ]);
    expect(strings.texts).toEqual(['Website', 'Mobile app', '', 'mobile app']);
  });

  it('tells apart strings of equal hash slot and keeps every number through the table growing', () => {
    const strings = new DistinctStrings();
    // Far more than the first table's 1,024 slots, with names that differ in one letter or one accent.
    const names = Array.from({ length: 30_000 }, (_, at) => `${at % 2 ? 'Café' : 'Cafe'} ${at >> 1}`);
    const ids = names.map((name) => strings.idOf(name));
    expect(ids).toEqual(names.map((_, at) => at));
    // Asked again with copies made apart from the first strings: the same numbers.
    expect(names.map((name) => strings.idOf(JSON.parse(JSON.stringify(name)) as string))).toEqual(ids);
    expect(strings.texts).toHaveLength(30_000);
  });

  it('reads text beyond the Basic Multilingual Plane and lone surrogates as their code units', () => {
    const strings = new DistinctStrings();
    expect(strings.idOf('Launch 🚀')).toBe(0);
    expect(strings.idOf('Launch \ud83d')).toBe(1);
    expect(strings.idOf('Launch 🚀')).toBe(0);
  });
});
