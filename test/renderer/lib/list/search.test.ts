import { describe, expect, it } from 'vitest';
import { buildIndex, fold, highlightRanges, nearPrefix, search } from '../../../../src/renderer/src/lib/list/search';

const index = buildIndex([
  { key: 'p:1', parts: ['Website redesign Acme Corp'] },
  { key: 'p:2', parts: ['Mobile app Globex'] },
  { key: 't:3', parts: ['Wireframes Website redesign Acme Corp'] },
  { key: 't:4', parts: ['Push notifications Mobile app Globex'] },
]);
const keysFor = (query: string) => search(index, query).hits.map((at) => index.keys[at]);

describe('search', () => {
  it('matches substrings of project, client and task names, in any word order', () => {
    expect(keysFor('acme')).toEqual(['p:1', 't:3']);
    expect(keysFor('redesign website')).toEqual(['p:1', 't:3']);
    expect(keysFor('globex push')).toEqual(['t:4']);
    expect(keysFor('')).toEqual([]);
  });

  it('tolerates one typo per word of four letters or more', () => {
    expect(keysFor('wirefrmes')).toEqual(['t:3']);
    expect(keysFor('wrieframes')).toEqual(['t:3']);
    expect(keysFor('moblie')).toEqual(['p:2', 't:4']);
    expect(keysFor('xyzzy')).toEqual([]);
    // Short words must match exactly: "mob" is a prefix, "mbo" is not accepted as a typo.
    expect(keysFor('mbo')).toEqual([]);
  });

  it('narrows from the previous hits when the query grows, with the same result as a fresh search', () => {
    const first = search(index, 'w');
    const grown = search(index, 'wi', first);
    expect(grown.hits).toEqual(search(index, 'wi').hits);
  });

  it('nearPrefix compares against a prefix of the word', () => {
    expect(nearPrefix('desgn', 'design')).toBe(true);
    expect(nearPrefix('dezign', 'designer')).toBe(true);
    expect(nearPrefix('dzzign', 'design')).toBe(false);
  });

  it('highlights every exact occurrence, merged', () => {
    expect(highlightRanges('Website redesign', 'web site')).toEqual([[0, 7]]);
    expect(highlightRanges('Mobile app', 'x')).toEqual([]);
    expect(highlightRanges('Mobile app', 'a')).toEqual([]);
    expect(highlightRanges('Mobile app', 'a mo')).toEqual([[0, 2]]);
  });
});

describe('folding names', () => {
  it('letter by letter gives what taking the whole name apart gives, on tricky text too', () => {
    const whole = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    for (const text of [
      'Überarbeitung Website',
      'ACME-2291 Q3 audit',
      'Ǆemal',
      'ﬁle',
      'İstanbul',
      'e\u0301te\u0301',
      '한국어',
      'Straße',
      'ŒUVRE',
      'Año 🎉',
    ])
      expect(fold(text)).toBe(whole(text));
  });
});
