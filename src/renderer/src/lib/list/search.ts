/**
 * Search across project, client and task names, tolerant of word order, of accents
 * ("uberarbeitung" finds "Überarbeitung") and of one typo per word (a wrong, missing, extra or
 * swapped letter) once a word has four letters. Built to keep up with typing on 100,000-item
 * accounts: names are folded once, and a query that extends the previous one only re-checks
 * the previous matches, where that gives the same answer as a fresh search.
 */

/** Lower case without accents: "Überarbeitung" → "uberarbeitung" (one letter stays one letter). */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Typos are forgiven from this many letters on; shorter words must match as they are. */
const FUZZY_FROM = 4;

export interface Searchable {
  key: string;
  /** The item's own name and, for context, its project's and client's. */
  text: string;
}

export interface SearchIndex {
  keys: string[];
  texts: string[];
  words: string[][];
}

export function buildIndex(items: readonly Searchable[]): SearchIndex {
  const keys = new Array<string>(items.length);
  const texts = new Array<string>(items.length);
  const words = new Array<string[]>(items.length);
  items.forEach((item, index) => {
    const text = fold(item.text);
    keys[index] = item.key;
    texts[index] = text;
    words[index] = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  });
  return { keys, texts, words };
}

export function tokensOf(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** True when `token` is within one edit (Damerau) of some prefix of `word`. */
export function nearPrefix(token: string, word: string): boolean {
  const n = token.length;
  // Compare against the prefixes one shorter, as long, and one longer than the token.
  for (let length = n - 1; length <= n + 1; length++) {
    if (length < 1 || length > word.length) continue;
    if (withinOneEdit(token, word.slice(0, length))) return true;
  }
  return false;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // Substitution, or a swap of two neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function matches(index: SearchIndex, at: number, tokens: string[]): boolean {
  const text = index.texts[at] ?? '';
  for (const token of tokens) {
    if (text.includes(token)) continue;
    if (token.length < FUZZY_FROM) return false;
    const words = index.words[at] ?? [];
    let found = false;
    for (const word of words) {
      if (nearPrefix(token, word)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

export interface SearchState {
  query: string;
  /** Positions in the index that matched `query`. */
  hits: number[];
}

/**
 * A longer query matches a subset of what the shorter one matched, so its hits can be
 * re-checked alone, except where a word reaches the length from which typos are forgiven:
 * "wri" must appear as it is, "wrie" may be "wire" misspelt and finds more.
 */
function narrows(previous: SearchState | undefined, query: string, tokens: string[]): previous is SearchState {
  if (!previous || previous.query === '' || !query.startsWith(previous.query)) return false;
  const before = tokensOf(previous.query);
  if (before.length > tokens.length) return false;
  return before.every((token, at) => token.length >= FUZZY_FROM || (tokens[at] ?? '').length < FUZZY_FROM);
}

/** The positions matching `query`; reuses `previous` when the query only grew. */
export function search(index: SearchIndex, query: string, previous?: SearchState): SearchState {
  const tokens = tokensOf(query);
  if (tokens.length === 0) return { query, hits: [] };
  const narrowing = narrows(previous, query, tokens);
  const candidates = narrowing ? previous.hits : undefined;
  const hits: number[] = [];
  if (candidates) {
    for (const at of candidates) if (matches(index, at, tokens)) hits.push(at);
  } else {
    for (let at = 0; at < index.texts.length; at++) if (matches(index, at, tokens)) hits.push(at);
  }
  return { query, hits };
}

/** Where a name shows the query's words (exact substrings), for highlighting. */
export function highlightRanges(name: string, query: string): [number, number][] {
  const lower = fold(name);
  const ranges: [number, number][] = [];
  for (const token of tokensOf(query)) {
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
