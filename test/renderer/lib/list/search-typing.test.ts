import { describe, expect, it } from 'vitest';
import { fold } from '../../../../src/shared/search/fold';
import { nearPrefix } from '../../../../src/shared/search/near-prefix';
import {
  buildIndex,
  matchQuery,
  search,
  tokensOf,
  type Query,
  type SearchState,
} from '../../../../src/renderer/src/lib/list/search';
import { projectName, seededRandom, taskName, withTypo } from '../../../../tools/sandbox/names';

const random = seededRandom(2024);
const projects = Array.from({ length: 1500 }, () => projectName(random));
const names = [...projects, ...Array.from({ length: 1500 }, () => taskName(random))];
// As the popover indexes them: a task's own name with its project's for context.
const items = names.map((text, at) => ({
  parts: at < 1500 ? [text] : [text, projects[at - 1500] ?? ''],
}));
const index = buildIndex(items);
/** The same items, searched with nothing kept from earlier keystrokes. */
const fresh = buildIndex(items);
const freshSearch = (query: string) => {
  fresh.tokens.clear();
  return search(fresh, query).hits;
};

/** What the README promises, item by item, with none of the index's machinery. */
const itemTexts = items.map((item) => {
  const folded = item.parts.map(fold);
  return { folded, words: folded.flatMap((part) => part.split(/[^\p{L}\p{N}]+/u)).filter(Boolean) };
});
function promised(at: number, query: string): boolean {
  const { folded, words } = itemTexts[at] ?? { folded: [], words: [] };
  return tokensOf(query).every((token) =>
    /^[\p{L}\p{N}]+$/u.test(token)
      ? words.some((word) => word.includes(token) || (token.length >= 4 && nearPrefix(token, word)))
      : folded.some((part) => part.includes(token)),
  );
}

/** How well the README says an item matches: per word, two points for a whole word, one for a word's start. */
function promisedGrade(at: number, query: string): number {
  const { folded, words } = itemTexts[at] ?? { folded: [], words: [] };
  const grades = [...new Set(tokensOf(query))].map((token) =>
    /^[\p{L}\p{N}]+$/u.test(token)
      ? Math.max(
          0,
          ...words.map((word) =>
            word === token
              ? 3
              : word.startsWith(token)
                ? 2
                : word.includes(token) || (token.length >= 4 && nearPrefix(token, word))
                  ? 1
                  : 0,
          ),
        )
      : folded.some((part) => part.includes(token))
        ? 1
        : 0,
  );
  return grades.reduce((sum, grade) => sum + grade - 1, 0);
}

/** A query as a person types it: some words of a name, in any order, one with a typo, maybe no accents. */
function query(): { text: string; target: number } {
  const target = Math.floor(random() * names.length);
  const words = (names[target] ?? '').split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  const chosen = words.filter(() => random() < 0.6);
  const some = chosen.length > 0 ? chosen : words.slice(0, 1);
  if (random() < 0.5) some.reverse();
  const typoAt = Math.floor(random() * some.length);
  // A typo is forgiven in a word of four letters or more as typed: put one only where that holds.
  const typed = some.map((word, at) =>
    at === typoAt && word.length >= 5 ? withTypo(random, word.toLowerCase()) : word,
  );
  const text = typed.join(' ');
  return { text: random() < 0.3 ? text.normalize('NFD').replace(/\p{M}/gu, '') : text, target };
}

describe('search as people type it', () => {
  it('at every keystroke, typed key by key gives what a fresh search gives (200 random queries with typos)', () => {
    for (let round = 0; round < 200; round++) {
      const { text } = query();
      for (let length = 1; length <= text.length; length++) {
        const typed = text.slice(0, length);
        expect(search(index, typed).hits, `“${typed}” typed key by key`).toEqual(freshSearch(typed));
      }
    }
  });

  it('typed on from the query before, looks only at what that one found, and finds what a fresh search finds', () => {
    let [keysTyped, narrowed] = [0, 0];
    for (let round = 0; round < 100; round++) {
      const { text } = query();
      // Typed key by key, then a few keys taken back and typed again, as people correct a word.
      const keys = [...Array.from(text, (_, at) => text.slice(0, at + 1)), text.slice(0, -3), text.slice(0, -1), text];
      let previous = null as Query | null;
      for (const [at, typed] of keys.entries()) {
        const current: Query | null = matchQuery(index, typed, previous);
        const before: Int32Array | undefined = previous?.hits()?.items;
        keysTyped++;
        // The same words (a space typed) are the same query; words typed on look at what it found.
        if (current === previous || (before && current?.candidates === before)) narrowed++;
        // A wide query answers item by item: every item is asked.
        const found =
          current?.hits()?.items ?? items.flatMap((_, item) => ((current?.score(item) ?? -1) >= 0 ? [item] : []));
        expect([...found], `“${typed}” after “${keys[at - 1] ?? ''}”`).toEqual([...freshSearch(typed)]);
        previous = current;
      }
    }
    // About a third of the keys here; the others start a word, reach a word's fourth letter (where
    // typos start to count), take a letter back, or have a word that finds fewer items by itself.
    expect(narrowed).toBeGreaterThan(keysTyped / 4);
  });

  it('finds exactly the items the matching rules promise, checked item by item (60 queries, key by key)', () => {
    for (let round = 0; round < 60; round++) {
      // Now and then a token with punctuation in it, looked for as it is.
      const { text } = query();
      const typedText = round % 5 === 0 ? `${text} -` : text;
      for (let length = 1; length <= typedText.length; length += 2) {
        const typed = typedText.slice(0, length);
        const expected = items.flatMap((_, at) => (promised(at, typed) ? [at] : []));
        expect([...search(index, typed).hits], `“${typed}”`).toEqual(expected);
      }
    }
  });

  it('grades each hit as the matching rules say, with the words of a query kept from key to key (60 queries)', () => {
    for (let round = 0; round < 60; round++) {
      const { text } = query();
      for (let length = 1; length <= text.length; length++) {
        const typed = text.slice(0, length);
        const { hits, grades } = search(index, typed);
        expect([...grades], `“${typed}”`).toEqual([...hits].map((at) => promisedGrade(at, typed)));
      }
    }
  });

  it('finds the name the query came from, typo, accents and word order notwithstanding', () => {
    let found = 0;
    for (let round = 0; round < 200; round++) {
      const { text, target } = query();
      if (search(index, text).hits.includes(target)) found++;
    }
    expect(found).toBe(200);
  });

  it('finds "Wireframes" typed as "wrieframes" one key at a time (a swap in the first letters)', () => {
    const wire = buildIndex([{ parts: ['Wireframes Website redesign'] }]);
    let state: SearchState | undefined;
    for (const typed of ['w', 'wr', 'wri', 'wrie', 'wrief', 'wriefr', 'wriefra', 'wrieframes'])
      state = search(wire, typed);
    expect([...(state?.hits ?? [])]).toEqual([0]);
    expect([...search(wire, 'uberarbeitung').hits]).toEqual([]);
    expect([...search(buildIndex([{ parts: ['Überarbeitung Website'] }]), 'uberarbeitung').hits]).toEqual([0]);
  });
});
