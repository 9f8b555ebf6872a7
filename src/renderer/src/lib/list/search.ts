/**
 * Search across project, client and task names, tolerant of word order, of accents
 * ("uberarbeitung" finds "Überarbeitung") and of one typo per word (a wrong, missing, extra or
 * swapped letter) once a word has four letters. Built to keep up with typing on 100,000-item
 * accounts: a query answers for one item at a time (`Query.score`), so a keystroke looks only
 * at the items the list needs; only a narrow token (a few thousand items) lists its items.
 */

import { fold } from './fold';
import type { SearchIndex } from './search-index';
import { itemsFound, partGrade, tokenGrades, type TokenGrades } from './search-tokens';

export { buildIndex, indexView, type Searchable, type SearchIndex } from './search-index';

/**
 * A token that reaches at most this share of the items lists them (search-tokens.ts'
 * itemsFound), and only those are looked at; a wider one is checked item by item, as asked.
 */
const NARROW_SHARE = 1 / 4;

export function tokensOf(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** A query, ready to answer for any item. */
export interface Query {
  /** No item's mark is higher: a search for the best can stop when it finds one. */
  readonly ceiling: number;
  /** Only these items (ascending) can match: the narrowest token's, when few. Null: any item can. */
  readonly candidates: Int32Array | null;
  /** How many items have been scored: the work the query has done. */
  readonly visited: number;
  /** How well the item matches (SearchState.grades), or -1 when it misses a token. */
  score(item: number): number;
  /** 0 for an item that does not match, else 1 + its score (as Matches marks items). */
  mark(item: number): number;
}

class TokenQuery implements Query {
  readonly ceiling: number;
  readonly candidates: Int32Array | null;
  visited = 0;
  readonly #index: SearchIndex;
  readonly #tokens: readonly TokenGrades[];

  constructor(index: SearchIndex, tokens: readonly TokenGrades[]) {
    this.#index = index;
    this.#tokens = tokens;
    const found = tokens.every((token) => token.best > 0);
    this.ceiling = found ? Math.min(255, 1 + tokens.reduce((sum, token) => sum + token.best - 1, 0)) : 0;
    const narrowest = tokens.reduce<TokenGrades | undefined>(
      (least, token) => (least && least.reach <= token.reach ? least : token),
      undefined,
    );
    this.candidates = !found
      ? new Int32Array(0)
      : narrowest && narrowest.reach <= index.keys.length * NARROW_SHARE
        ? itemsFound(index, narrowest)
        : null;
  }

  score(item: number): number {
    this.visited++;
    const index = this.#index;
    const { partStart, partIds } = index;
    const from = partStart[item] ?? 0;
    const to = partStart[item + 1] ?? 0;
    let sum = 0;
    for (const grades of this.#tokens) {
      // Kept grades are read as they are (1 + the grade); a part not seen yet is graded once.
      const known = grades.parts;
      let best = 0;
      for (let at = from; at < to; at++) {
        const part = partIds[at] ?? 0;
        const grade = known[part] || 1 + partGrade(index, grades, part);
        if (grade > best) best = grade;
      }
      if (best <= 1) return -1;
      sum += best - 2;
    }
    return Math.min(255, sum);
  }

  mark(item: number): number {
    return Math.min(255, 1 + this.score(item));
  }
}

/** `query` against `index`; null when it has no words. Each distinct token counts once. */
export function matchQuery(index: SearchIndex, query: string): Query | null {
  const tokens = [...new Set(tokensOf(query))];
  return tokens.length === 0
    ? null
    : new TokenQuery(
        index,
        tokens.map((token) => tokenGrades(index, token)),
      );
}

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
  const candidates = matcher?.candidates ?? null;
  const count = !matcher ? 0 : candidates ? candidates.length : index.keys.length;
  const hits = new Int32Array(count);
  const grades = new Uint8Array(count);
  let found = 0;
  for (let at = 0; at < count; at++) {
    const item = candidates ? (candidates[at] ?? 0) : at;
    const score = matcher?.score(item) ?? -1;
    if (score < 0) continue;
    hits[found] = item;
    grades[found++] = score;
  }
  return { query, hits: hits.slice(0, found), grades: grades.slice(0, found) };
}

/**
 * Where a name shows the query's words (exact substrings), for highlighting. A single letter
 * is not marked: every "r" in every row says nothing, and costs a keystroke its frame.
 */
export function highlightRanges(name: string, query: string): [number, number][] {
  const lower = fold(name);
  const ranges: [number, number][] = [];
  for (const token of tokensOf(query)) {
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
