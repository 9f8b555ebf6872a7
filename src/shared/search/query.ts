/**
 * A query ready to answer for any item: how well it matches every token (`score`), worked out
 * when the list asks about that item. A narrow query (one of its tokens finds few items, or it
 * narrows the query typed before it) names the items that can match, and works those out whole.
 */

import type { SearchIndex } from './search-index';
import { itemGradesOf, itemsFound, narrows, partGrade, tokenGrades, tokensOf, type TokenGrades } from './search-tokens';
import { keepShape } from '../keep-shape';

/**
 * A token that reaches at most this share of the items lists them (search-tokens.ts'
 * itemsFound), and only those are looked at; a wider one is checked item by item, as asked.
 */
const NARROW_SHARE = 1 / 4;

/** Where `hits` scores its candidates, kept between queries (only the hits are copied out). */
let scoredItems = new Int32Array(0);
let scoredGrades = new Uint8Array(0);

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
  /** How many tokens the query has: `context` needs one entry each. */
  readonly tokenCount: number;
  /** A word token's grade for each dictionary word; null for a token with punctuation (graded by name). */
  wordGrades(token: number): Uint8Array | null;
  /**
   * The best grade each token gets among `item`'s names, written into `context`. A task lists its
   * own name, then its project's names (indexView): its project's grades, worked out once, let
   * each of its tasks be scored from its own name alone (`scoreOwn`).
   */
  contextGrades(item: number, context: Uint8Array): void;
  /** `score(item)` for an item whose names after its first are those `context` was worked out from. */
  scoreOwn(item: number, context: Uint8Array): number;
  /** A narrow query's hits, ascending, with their scores, worked out once; null for a wide query (asked item by item). */
  hits(): QueryHits | null;
}

export interface QueryHits {
  items: Int32Array;
  scores: Uint8Array;
}

class TokenQuery implements Query {
  readonly ceiling: number;
  readonly candidates: Int32Array | null;
  visited = 0;
  readonly #index: SearchIndex;
  readonly #texts: readonly string[];
  readonly #tokens: readonly TokenGrades[];
  /** The token that finds the fewest items, when its items are the candidates. */
  readonly #listing: TokenGrades | undefined;
  #hits: QueryHits | undefined;

  constructor(index: SearchIndex, texts: readonly string[], previous: Query | null) {
    this.#index = index;
    this.#texts = texts;
    const tokens = texts.map((text) => tokenGrades(index, text));
    this.#tokens = tokens;
    const found = tokens.every((token) => token.best > 0);
    this.ceiling = found ? Math.min(255, 1 + tokens.reduce((sum, token) => sum + token.best - 1, 0)) : 0;
    const narrowest = tokens.reduce<TokenGrades | undefined>(
      (least, token) => (least && least.reach <= token.reach ? least : token),
      undefined,
    );
    let candidates = narrowest && narrowest.reach <= index.size * NARROW_SHARE ? itemsFound(index, narrowest) : null;
    // Typed on from the query before, it finds some of what that one found: only those can match.
    const before = previous instanceof TokenQuery ? previous.#narrowedTo(index, texts) : null;
    if (before && (!candidates || before.length < candidates.length)) candidates = before;
    this.candidates = found ? candidates : new Int32Array(0);
    this.#listing = candidates && candidates === narrowest?.items ? narrowest : undefined;
    keepShape(this);
  }

  /** Whether this query is `texts` on `index` (a space typed after a word changes nothing). */
  isFor(index: SearchIndex, texts: readonly string[]): boolean {
    return (
      index === this.#index &&
      texts.length === this.#texts.length &&
      texts.every((text, at) => text === this.#texts[at])
    );
  }

  /** This query's hits, when a query of `texts` on `index` can find only some of them (each of our tokens narrowed by one of its). */
  #narrowedTo(index: SearchIndex, texts: readonly string[]): Int32Array | null {
    if (index !== this.#index || !this.#hits) return null;
    return this.#texts.every((old) => texts.some((text) => narrows(text, old))) ? this.#hits.items : null;
  }

  hits(): QueryHits | null {
    const { candidates } = this;
    if (!candidates) return null;
    if (!this.#hits) {
      // The token whose items these are has graded them once: only the other tokens are asked.
      const listing = this.#listing;
      const listed = listing && itemGradesOf(this.#index, listing);
      // Scored into buffers kept between queries (growing arrays item by item cost more than the
      // scores), then copied into one buffer as long as the hits: a key's buffers count against
      // the page's memory until a full collection, and typed on, a key finds fewer than it looks at.
      if (scoredItems.length < candidates.length) {
        scoredItems = new Int32Array(candidates.length);
        scoredGrades = new Uint8Array(candidates.length);
      }
      const [scored, graded] = [scoredItems, scoredGrades];
      let found = 0;
      candidates.forEach((item, at) => {
        const score = this.#score(item, listing, listed?.[at] ?? 0);
        if (score < 0) return;
        scored[found] = item;
        graded[found++] = score;
      });
      const buffer = new ArrayBuffer(5 * found);
      const items = new Int32Array(buffer, 0, found);
      const scores = new Uint8Array(buffer, 4 * found, found);
      items.set(scored.subarray(0, found));
      scores.set(graded.subarray(0, found));
      this.#hits = { items, scores };
    }
    return this.#hits;
  }

  score(item: number): number {
    return this.#score(item, undefined, 0);
  }

  /** How well `item` matches, the token `known` (if any) already graded `grade` for it. */
  #score(item: number, known: TokenGrades | undefined, grade: number): number {
    this.visited++;
    const index = this.#index;
    const { partStart, partIds } = index;
    const from = partStart[item] ?? 0;
    const to = partStart[item + 1] ?? 0;
    let sum = known ? grade - 1 : 0;
    for (const grades of this.#tokens) {
      if (grades === known) continue;
      // Kept grades are read as they are (1 + the grade); a part not seen yet is graded once.
      const parts = grades.parts;
      let best = 0;
      for (let at = from; at < to; at++) {
        const part = partIds[at] ?? 0;
        const graded = parts[part] || 1 + partGrade(index, grades, part);
        if (graded > best) best = graded;
      }
      if (best <= 1) return -1;
      sum += best - 2;
    }
    return Math.min(255, sum);
  }

  mark(item: number): number {
    return Math.min(255, 1 + this.score(item));
  }

  get tokenCount(): number {
    return this.#tokens.length;
  }

  wordGrades(token: number): Uint8Array | null {
    return this.#tokens[token]?.words ?? null;
  }

  contextGrades(item: number, context: Uint8Array): void {
    const index = this.#index;
    const { partStart, partIds } = index;
    const to = partStart[item + 1] ?? 0;
    const tokens = this.#tokens;
    // A plain loop: it runs for each project a key looks at, and a callback would be made each time.
    for (let token = 0; token < tokens.length; token++) {
      const grades = tokens[token] as TokenGrades;
      let best = 0;
      for (let at = partStart[item] ?? 0; at < to; at++)
        best = Math.max(best, partGrade(index, grades, partIds[at] ?? 0));
      context[token] = best;
    }
  }

  scoreOwn(item: number, context: Uint8Array): number {
    this.visited++;
    const index = this.#index;
    const part = index.partIds[index.partStart[item] ?? 0] ?? 0;
    const tokens = this.#tokens;
    let sum = 0;
    for (let token = 0; token < tokens.length; token++) {
      const grades = tokens[token] as TokenGrades;
      const own = (grades.parts[part] || 1 + partGrade(index, grades, part)) - 1;
      const best = Math.max(own, context[token] ?? 0);
      if (best === 0) return -1;
      sum += best - 1;
    }
    return Math.min(255, sum);
  }
}

/**
 * `query` against `index`; null when it has no words. Each distinct token counts once. With the
 * query typed before it (`previous`), what that one found bounds what this one looks at.
 */
export function matchQuery(index: SearchIndex, query: string, previous: Query | null = null): Query | null {
  const texts = [...new Set(tokensOf(query))];
  if (texts.length === 0) return null;
  return previous instanceof TokenQuery && previous.isFor(index, texts)
    ? previous
    : new TokenQuery(index, texts, previous);
}
