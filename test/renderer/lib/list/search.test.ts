import { describe, expect, it } from 'vitest';
import { fold } from '../../../../src/shared/search/fold';
import { nearPrefix } from '../../../../src/shared/search/near-prefix';
import {
  buildIndex,
  highlightRanges,
  matchQuery,
  search,
  type Query,
} from '../../../../src/renderer/src/lib/list/search';
import { itemsFound, tokenGrades, type TokenGrades } from '../../../../src/shared/search/search-tokens';
import type { SearchIndex } from '../../../../src/shared/search/search-index';

/** Items with keys, and their index (which keeps no keys: a hit is an item's position). */
const keyed = (items: { key: string; parts: string[] }[]) => ({
  index: buildIndex(items),
  keysOf: (hits: Iterable<number>) => [...hits].map((at) => items[at]?.key),
});
const small = keyed([
  { key: 'p:1', parts: ['Website redesign Acme Corp'] },
  { key: 'p:2', parts: ['Mobile app Globex'] },
  { key: 't:3', parts: ['Wireframes Website redesign Acme Corp'] },
  { key: 't:4', parts: ['Push notifications Mobile app Globex'] },
]);
const { index } = small;
const keysFor = (query: string) => small.keysOf(search(index, query).hits);

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

  it("finds each token's items alone: one token's, then another's in a larger index, then the first's in the first", () => {
    // itemsFound gathers items in a set kept between calls (one buffer less per key): each leaves it empty.
    const larger = keyed(
      Array.from({ length: 100 }, (_, at) => ({ key: `p:${at}`, parts: [at % 7 === 0 ? 'Audit' : 'Review'] })),
    );
    const keysOf = (of: typeof small, token: string) => of.keysOf(itemsFound(of.index, tokenGrades(of.index, token)));
    expect(keysOf(small, 'acme')).toEqual(['p:1', 't:3']);
    expect(keysOf(larger, 'audit')).toEqual(Array.from({ length: 15 }, (_, at) => `p:${7 * at}`));
    expect(keysOf(small, 'globex')).toEqual(['p:2', 't:4']);
    expect(keysOf(larger, 'review')).toHaveLength(85);
  });

  it("keeps each token's items: the next keystroke reads the unchanged words instead of searching them again", () => {
    search(index, 'website gl');
    expect([...index.tokens.keys()]).toEqual(expect.arrayContaining(['website', 'gl']));
    const kept = index.tokens.get('website');
    expect(keysFor('website glo')).toEqual([]);
    expect(index.tokens.get('website')).toBe(kept);
    expect(keysFor('website acme')).toEqual(['p:1', 't:3']);
  });

  it('keeps a long query’s first words while its last one is typed letter by letter: the least recently asked token goes first', () => {
    index.tokens.clear();
    const kept = tokenGrades(index, 'website');
    const dropped = tokenGrades(index, 'mobile');
    // Forty keys of a second word, each a new token; "website" is asked on every key, "mobile" never again.
    for (let key = 0; key < 40; key++)
      search(index, `website ${'x'.repeat((key % 8) + 1)}${String.fromCharCode(97 + Math.floor(key / 8))}`);
    expect(index.tokens.get('website')).toBe(kept);
    expect(index.tokens.has('mobile')).toBe(false);
    expect(index.tokens.size).toBeLessThanOrEqual(32);
    expect(tokenGrades(index, 'mobile')).not.toBe(dropped);
  });

  it('hands a dropped token’s buffer to the next new one, and a query still holding the dropped token answers as before', () => {
    const items = Array.from({ length: 60 }, (_, at) => ({
      parts: [`${at % 3 === 0 ? 'Website' : 'Mobile'} ${at % 2 === 0 ? 'audit' : 'review'} ${at}`, 'Acme Corp'],
    }));
    const names = buildIndex(items);
    const fresh = () => buildIndex(items);
    const answers = (query: Query | null) => items.map((_, item) => query?.score(item));
    // "websit" finds a third of the items: too many to list, so a query asks item by item.
    const holding = matchQuery(names, 'websit audit');
    const unlisted = names.tokens.get('websit') as TokenGrades;
    // Half of it now, so some of "websit"'s parts are kept, the rest worked out after the drop.
    const before = answers(holding).slice(0, 30);
    const buffer = unlisted.parts;
    // "websit" was asked for first, so it is the first to go once 32 tokens are kept.
    for (let key = 0; key < 30; key++) tokenGrades(names, `x${key}`);
    expect(names.tokens.size).toBe(32);
    const taker = tokenGrades(names, 'review');
    expect(names.tokens.has('websit')).toBe(false);
    expect(taker.parts).toBe(buffer);
    expect(taker.parts.every((grade) => grade === 0)).toBe(true);
    expect(answers(holding).slice(0, 30)).toEqual(before);
    expect(answers(holding)).toEqual(answers(matchQuery(fresh(), 'websit audit')));
    expect(answers(matchQuery(names, 'review'))).toEqual(answers(matchQuery(fresh(), 'review')));
    // Its items listed after the drop: what it finds, and no part it did not reach is taken to find nothing.
    const listed = (index: SearchIndex, grades: TokenGrades) => [...itemsFound(index, grades)];
    const other = fresh();
    expect(listed(names, unlisted)).toEqual(listed(other, tokenGrades(other, 'websit')));
    expect(unlisted.complete).toBe(false);
    expect(answers(holding)).toEqual(answers(matchQuery(fresh(), 'websit audit')));
  });

  it('keeps a token with punctuation’s pieces when it is new and the cache is full, and never more than 32 tokens', () => {
    index.tokens.clear();
    const piece = tokenGrades(index, 'acme');
    for (let key = 0; key < 31; key++) tokenGrades(index, `y${key}`);
    expect(index.tokens.size).toBe(32);
    // "acme" is the least recently asked for, but "acme-22" asks for it first: it stays, graded once.
    tokenGrades(index, 'acme-22');
    expect(index.tokens.get('acme')).toBe(piece);
    expect(piece.parts.length).toBe(index.partTexts.length);
    expect(index.tokens.size).toBe(32);
  });

  it('grades each hit: two points a token that is a whole word, one a token that starts a word', () => {
    const names = buildIndex(
      ['Fresh start', 'Research plan', 'Res', 'Res research', 'Rest area'].map((name) => ({ parts: [name] })),
    );
    const graded = (query: string) => {
      const { hits, grades } = search(names, query);
      return [...hits].map((at, place) => [String(at), grades[place]]);
    };
    expect(graded('res')).toEqual([
      ['0', 0],
      ['1', 1],
      ['2', 2],
      ['3', 2],
      ['4', 1],
    ]);
    // A typo counts as inside a word; every token adds its points.
    expect(graded('res researhc')).toEqual([
      ['1', 1],
      ['3', 2],
    ]);
  });

  it('looks for a token with punctuation as it is, in each name', () => {
    const codes = keyed([
      { key: 'p:1', parts: ['ACME-2291 Q3 audit', 'Acme'] },
      { key: 'p:2', parts: ['Audit 2291', 'ACME'] },
      { key: 't:3', parts: ['Übersicht / Planung', 'Straße & Co'] },
      // A Greek question mark, which folds into ";".
      { key: 'p:4', parts: ['Tí\u037E Q4'] },
    ]);
    const keys = (query: string) => codes.keysOf(search(codes.index, query).hits);
    expect(keys('acme-22')).toEqual(['p:1']);
    expect(keys('2291 acme')).toEqual(['p:1', 'p:2']);
    expect(keys('/')).toEqual(['t:3']);
    expect(keys('strasse')).toEqual([]);
    expect(keys('&')).toEqual(['t:3']);
    // A token never spans two names: "audit acme" is two names of p:1, not one text.
    expect(keys('audit-acme')).toEqual([]);
    expect(keys('ti;')).toEqual(['p:4']);
  });

  it('nearPrefix compares against a prefix of the word', () => {
    expect(nearPrefix('desgn', 'design')).toBe(true);
    expect(nearPrefix('dezign', 'designer')).toBe(true);
    expect(nearPrefix('dzzign', 'design')).toBe(false);
  });

  it('nearPrefix agrees with edit distance (one wrong, missing, extra or swapped letter) on every pair of short words', () => {
    // Optimal string alignment distance, worked out the slow way, in one flat table.
    const distance = (a: string, b: string): number => {
      const width = b.length + 1;
      const d = Array.from({ length: (a.length + 1) * width }, (_, at) => Math.floor(at / width) + (at % width));
      const at = (i: number, j: number) => d[i * width + j] ?? Infinity;
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            best = Math.min(best, at(i - 2, j - 2) + 1);
          d[i * width + j] = best;
        }
      return at(a.length, b.length);
    };
    const near = (token: string, word: string) =>
      Array.from({ length: word.length }, (_, at) => word.slice(0, at + 1)).some(
        (prefix) => distance(token, prefix) <= 1,
      );
    // Every word of up to five letters over a three-letter alphabet, against tokens of four and five.
    const words = [''];
    for (let length = 0; length < 5; length++)
      for (const word of words.filter((w) => w.length === length))
        for (const letter of 'abc') words.push(word + letter);
    const tokens = words.filter((word) => word.length >= 4);
    let agreed = 0;
    const disagreed: string[] = [];
    for (const token of tokens)
      for (const word of words.filter(Boolean)) {
        if (nearPrefix(token, word) === near(token, word)) agreed++;
        else disagreed.push(`${token} ~ ${word}`);
      }
    expect(disagreed).toEqual([]);
    expect(agreed).toBeGreaterThan(30_000);
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
