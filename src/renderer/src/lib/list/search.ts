/**
 * Search across project, client and task names, tolerant of word order, of accents
 * ("uberarbeitung" finds "Überarbeitung") and of one typo per word (a wrong, missing, extra or
 * swapped letter) once a word has four letters. Built to keep up with typing on 100,000-item
 * accounts: a query answers for one item at a time (`Query.score`), so a keystroke looks only
 * at the items the list needs; only a narrow token (a few thousand items) lists its items.
 */

import { fold } from '../../../../shared/search/fold';
import { matchQuery } from '../../../../shared/search/query';
import type { SearchIndex } from '../../../../shared/search/search-index';
import { tokensOf } from '../../../../shared/search/search-tokens';

export { matchQuery, type Query } from '../../../../shared/search/query';
export { buildIndex, indexView, type Searchable, type SearchIndex } from '../../../../shared/search/search-index';
export { tokensOf } from '../../../../shared/search/search-tokens';

export interface SearchState {
  query: string;
  /** Positions in the index that matched `query`, in order. */
  hits: Int32Array;
  /**
   * For each hit, how well it matched: one point per token that is the start of one of its
   * words, two per token that is a whole word. Exact and prefix matches list first.
   */
  grades: Uint8Array;
}

/** Every position matching every token of `query` (the list asks `matchQuery` for what it shows instead). */
export function search(index: SearchIndex, query: string): SearchState {
  const matcher = matchQuery(index, query);
  const narrow = matcher?.hits();
  if (!matcher || narrow)
    return { query, hits: narrow?.items ?? new Int32Array(0), grades: narrow?.scores ?? new Uint8Array(0) };
  const hits = new Int32Array(index.size);
  const grades = new Uint8Array(index.size);
  let found = 0;
  for (let item = 0; item < index.size; item++) {
    const score = matcher.score(item);
    if (score < 0) continue;
    hits[found] = item;
    grades[found++] = score;
  }
  return { query, hits: hits.slice(0, found), grades: grades.slice(0, found) };
}

/** The query `highlightRanges` last saw, and its tokens. */
let highlighted: { query: string; tokens: readonly string[] } = { query: '', tokens: [] };

/**
 * Where a name shows the query's words (exact substrings), for highlighting. A single letter
 * is not marked: every "r" in every row says nothing, and costs a keystroke its frame.
 */
export function highlightRanges(name: string, query: string): [number, number][] {
  const lower = fold(name);
  const ranges: [number, number][] = [];
  // Every row on screen asks with the same query: its tokens are worked out once.
  if (query !== highlighted.query) highlighted = { query, tokens: tokensOf(query) };
  for (const token of highlighted.tokens) {
    if (token.length < 2) continue;
    let from = lower.indexOf(token);
    while (from >= 0) {
      ranges.push([from, from + token.length]);
      from = lower.indexOf(token, from + token.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
