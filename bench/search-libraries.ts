/**
 * Our search beside two libraries issue #12 weighed (uFuzzy in its one-typo mode, fuzzysort),
 * in Node on the same items and the benchmark's queries typed key by key: time per keystroke
 * and whether the query, typed out, finds the item it was meant for.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import fuzzysort from 'fuzzysort';
import { search, type SearchIndex } from '../src/renderer/src/lib/list/search';

export interface LibraryQuery {
  query: string;
  /** The item it is meant to find, by place. */
  target: number;
}

interface Engine {
  name: string;
  /** The places the query finds. */
  find(query: string): ArrayLike<number>;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function engines(texts: string[], index: SearchIndex): Engine[] {
  // Ours starts as cold as the others: nothing kept from searches made before the comparison.
  index.tokens.clear();
  // uFuzzy and fuzzysort compare letters as they are: both get the names without accents.
  const latin = uFuzzy.latinize([...texts]);
  // IntraMode.SingleError, written out: the types' const enum does not exist at run time.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  const typos = new uFuzzy({ intraMode: 1 });
  const targets = latin.map((text, at) => ({ at, prepared: fuzzysort.prepare(text) }));
  return [
    { name: 'ours (every hit scored)', find: (query) => search(index, query).hits },
    {
      name: 'uFuzzy, one typo a word',
      // Words in any order (up to 3! orders), as ours takes them.
      find: (query) => typos.search(latin, uFuzzy.latinize(query), 3)[0] ?? [],
    },
    {
      name: 'fuzzysort',
      find: (query) =>
        fuzzysort
          .go(uFuzzy.latinize(query), targets, { key: 'prepared', limit: 0, threshold: 0.3 })
          .map((result) => result.obj.at),
    },
  ];
}

/** Prints one line per engine (ours on `index`, built from `parts`): per-keystroke p50 and p95, and how many queries found their item. */
export function compareSearchLibraries(
  index: SearchIndex,
  parts: readonly (readonly string[])[],
  queries: LibraryQuery[],
  write: (line: string) => void,
): void {
  const texts = parts.map((item) => item.join(' '));
  write(`  search engines in Node, ${texts.length} items, the queries above typed key by key:\n`);
  for (const engine of engines(texts, index)) {
    const times: number[] = [];
    let found = 0;
    for (const { query, target } of queries) {
      let hits: ArrayLike<number> = [];
      for (let length = 1; length <= query.length; length++) {
        const started = performance.now();
        hits = engine.find(query.slice(0, length));
        times.push(performance.now() - started);
      }
      if (Array.prototype.includes.call(hits, target)) found++;
    }
    write(
      `    ${engine.name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms ` +
        `a keystroke; finds ${found} of ${queries.length} intended items\n`,
    );
  }
}
