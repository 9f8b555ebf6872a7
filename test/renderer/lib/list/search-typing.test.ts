import { describe, expect, it } from 'vitest';
import { buildIndex, search, type SearchState } from '../../../../src/renderer/src/lib/list/search';
import { projectName, seededRandom, taskName, withTypo } from '../../../../tools/sandbox/names';

const random = seededRandom(2024);
const names = [
  ...Array.from({ length: 1500 }, () => projectName(random)),
  ...Array.from({ length: 1500 }, () => taskName(random)),
];
const index = buildIndex(names.map((text, at) => ({ key: String(at), parts: [text] })));

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
      let state: SearchState | undefined;
      for (let length = 1; length <= text.length; length++) {
        const typed = text.slice(0, length);
        state = search(index, typed, state);
        expect(state.hits, `“${typed}” typed key by key`).toEqual(search(index, typed).hits);
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
    const wire = buildIndex([{ key: 't:1', parts: ['Wireframes Website redesign'] }]);
    let state: SearchState | undefined;
    for (const typed of ['w', 'wr', 'wri', 'wrie', 'wrief', 'wriefr', 'wriefra', 'wrieframes'])
      state = search(wire, typed, state);
    expect(state?.hits).toEqual([0]);
    expect(search(wire, 'uberarbeitung').hits).toEqual([]);
    expect(search(buildIndex([{ key: 'p:1', parts: ['Überarbeitung Website'] }]), 'uberarbeitung').hits).toEqual([0]);
  });
});
