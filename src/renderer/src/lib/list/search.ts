/**
 * Search across project, client and task names, tolerant of word order, of accents
 * ("uberarbeitung" finds "Überarbeitung") and of one typo per word (a wrong, missing, extra or
 * swapped letter) once a word has four letters. Built to keep up with typing on 100,000-item
 * accounts: names are folded once, each word lists the names that hold it and each name its
 * items, and each token's items are kept, so a keystroke works out one token.
 */

import { fold } from './fold';
import { nearPrefix } from './near-prefix';

/** Typos are forgiven from this many letters on; shorter words must match as they are. */
const FUZZY_FROM = 4;

export interface Searchable {
  key: string;
  /** The item's own name and, for context, its project's and client's. */
  parts: readonly string[];
}

export interface SearchIndex {
  keys: string[];
  /**
   * Every distinct part (a name) once, and each item's parts: partIds[partStart[i] … partStart[i + 1]).
   * Names repeat (a project's name is part of each of its tasks' text), so a token is checked
   * against each name once, not once per item that shows it.
   */
  partTexts: string[];
  partStart: Int32Array;
  partIds: Int32Array;
  /** And the other way: each part's items, partItems[partItemStart[p] … partItemStart[p + 1]). */
  partItemStart: Int32Array;
  partItems: Int32Array;
  /** Every distinct word once: a token is compared with these, not with every name. */
  dictionary: string[];
  /** For each dictionary word, the parts that hold it: wordParts[wordStart[w] … wordStart[w + 1]). */
  wordStart: Int32Array;
  wordParts: Int32Array;
  /**
   * Per token, which items it finds: one bit each (item i is bit i % 32 of word i / 32), and
   * how well (a Grade each). Each keystroke changes one token; the others are read from here,
   * so typing key by key does what a fresh search does, once.
   */
  tokenItems: Map<string, TokenItems>;
  /** Each part folded, for a token with punctuation in it. */
  foldedParts: string[];
  /** Which of ASCII's 32 punctuation marks each part holds, one bit each: most parts are passed over on that alone. */
  punctuation: Int32Array;
}

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** The ASCII punctuation marks in `text`, as bits (other characters add none). */
function punctuationOf(text: string): number {
  let bits = 0;
  for (let at = 0; at < text.length; at++) {
    const mark = PUNCTUATION.indexOf(text.charAt(at));
    if (mark >= 0) bits |= 1 << mark;
  }
  return bits;
}

interface TokenItems {
  bits: Uint32Array;
  grades: Uint8Array;
}

/**
 * How well a token matches a name: 3 a whole word, 2 the start of a word, 1 inside a word or one
 * typo away (or a token with punctuation, found as it is), 0 not at all.
 */
type Grade = 0 | 1 | 2 | 3;

/** How many tokens' items are kept (124 kB each on a 110,000-item account). */
const TOKENS_KEPT = 32;

/** `lists[i]` laid out flat: values[start[i] … start[i + 1]). */
function flatten(lists: readonly (readonly number[])[]): { start: Int32Array; values: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, at) => (start[at + 1] = (start[at] ?? 0) + list.length));
  const values = new Int32Array(start[lists.length] ?? 0);
  lists.forEach((list, at) => values.set(list, start[at]));
  return { start, values };
}

/** Each distinct part is folded and split into words once. */
export function buildIndex(items: readonly Searchable[]): SearchIndex {
  const dictionary: string[] = [];
  const wordAt = new Map<string, number>();
  const partTexts: string[] = [];
  const foldedParts: string[] = [];
  const partAt = new Map<string, number>();
  const partsOfWord: number[][] = [];
  const partOf = (part: string): number => {
    let at = partAt.get(part);
    if (at !== undefined) return at;
    at = partTexts.push(part) - 1;
    partAt.set(part, at);
    const text = fold(part);
    foldedParts.push(text);
    for (const word of new Set(text.split(SEPARATORS).filter(Boolean))) {
      let id = wordAt.get(word);
      if (id === undefined) {
        id = dictionary.push(word) - 1;
        wordAt.set(word, id);
        partsOfWord.push([]);
      }
      partsOfWord[id]?.push(at);
    }
    return at;
  };
  const itemParts = items.map((item) => item.parts.map(partOf));
  const byItem = flatten(itemParts);
  const byWord = flatten(partsOfWord);
  const itemsOfPart: number[][] = partTexts.map(() => []);
  itemParts.forEach((list, item) => {
    for (const part of new Set(list)) itemsOfPart[part]?.push(item);
  });
  const byPart = flatten(itemsOfPart);
  return {
    keys: items.map((item) => item.key),
    partTexts,
    partStart: byItem.start,
    partIds: byItem.values,
    partItemStart: byPart.start,
    partItems: byPart.values,
    dictionary,
    wordStart: byWord.start,
    wordParts: byWord.values,
    tokenItems: new Map(),
    foldedParts,
    // Folded too: a few letters take apart into ASCII punctuation (the Greek question mark is ";").
    punctuation: Int32Array.from(partTexts, (text, at) => punctuationOf(text) | punctuationOf(foldedParts[at] ?? '')),
  };
}

const WORD = /^[\p{L}\p{N}]+$/u;
const LETTER = /[\p{L}\p{N}]/u;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * The names a token finds, each with its Grade. A word token: those with a word that contains
 * it or, from four letters on, a word it is one typo away from (the dictionary says which
 * words, their lists which names). A token with punctuation ("acme-22", "/"): the names that
 * contain it as it is.
 */
function partsFound(index: SearchIndex, token: string): Uint8Array {
  const found = new Uint8Array(index.partTexts.length);
  if (!WORD.test(token)) {
    // It has no space, so it cannot span two parts. Punctuation alone ("/", "&") reads the same
    // folded or not: no need to fold the names. Only a name with the token's punctuation marks
    // and, for each of its words ("acme", "22"), a word that holds it can hold the token.
    const texts = LETTER.test(token) ? index.foldedParts : index.partTexts;
    const marks = punctuationOf(token);
    const pieces = token
      .split(SEPARATORS)
      .filter(Boolean)
      .map((piece) => partsFound(index, piece));
    for (let part = 0; part < found.length; part++) {
      if (((index.punctuation[part] ?? 0) & marks) !== marks) continue;
      if (pieces.some((piece) => piece[part] === 0)) continue;
      if ((texts[part] ?? '').includes(token)) found[part] = 1;
    }
    return found;
  }
  const fuzzy = token.length >= FUZZY_FROM;
  const { dictionary, wordStart, wordParts } = index;
  for (let word = 0; word < dictionary.length; word++) {
    const text = dictionary[word] ?? '';
    if (!text.includes(token) && !(fuzzy && nearPrefix(token, text))) continue;
    const grade: Grade = text === token ? 3 : text.startsWith(token) ? 2 : 1;
    const to = wordStart[word + 1] ?? 0;
    for (let at = wordStart[word] ?? 0; at < to; at++) {
      const part = wordParts[at] ?? 0;
      if (grade > (found[part] ?? 0)) found[part] = grade;
    }
  }
  return found;
}

/**
 * The items a token finds, those with a part it finds, each graded by its best part. From the
 * parts' item lists when those are short (a word of a few names), else item by item (a letter
 * found in most names). Worked out once per token and kept.
 */
function itemsFound(index: SearchIndex, token: string): TokenItems {
  let found = index.tokenItems.get(token);
  if (!found) {
    const parts = partsFound(index, token);
    const { partStart, partIds, partItemStart, partItems } = index;
    const count = index.keys.length;
    const bits = new Uint32Array((count + 31) >>> 5);
    const grades = new Uint8Array(count);
    let listed = 0;
    for (let part = 0; part < parts.length && listed < count; part++) {
      if (parts[part] !== 0) listed += (partItemStart[part + 1] ?? 0) - (partItemStart[part] ?? 0);
    }
    if (listed < count) {
      for (let part = 0; part < parts.length; part++) {
        const grade = parts[part] ?? 0;
        if (grade === 0) continue;
        const to = partItemStart[part + 1] ?? 0;
        for (let at = partItemStart[part] ?? 0; at < to; at++) {
          const item = partItems[at] ?? 0;
          if (grade > (grades[item] ?? 0)) grades[item] = grade;
        }
      }
    } else {
      for (let item = 0; item < count; item++) {
        const to = partStart[item + 1] ?? 0;
        let best = 0;
        for (let at = partStart[item] ?? 0; at < to; at++) best = Math.max(best, parts[partIds[at] ?? 0] ?? 0);
        grades[item] = best;
      }
    }
    for (let item = 0; item < count; item++) {
      if (grades[item] !== 0) bits[item >>> 5] = (bits[item >>> 5] ?? 0) | (1 << (item & 31));
    }
    found = { bits, grades };
    if (index.tokenItems.size >= TOKENS_KEPT) index.tokenItems.clear();
    index.tokenItems.set(token, found);
  }
  return found;
}

export function tokensOf(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
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

/** The positions matching every token of `query`. */
export function search(index: SearchIndex, query: string): SearchState {
  const tokens = tokensOf(query);
  if (tokens.length === 0) return { query, hits: new Int32Array(0), grades: new Uint8Array(0) };
  const found = [...new Set(tokens)].map((token) => itemsFound(index, token));
  const [first, ...others] = found.map((token) => token.bits);
  // Thirty-two items at a time: the tokens' sets are intersected word by word.
  const all = Uint32Array.from(first ?? []);
  for (const set of others)
    for (let word = 0; word < all.length; word++) all[word] = (all[word] ?? 0) & (set[word] ?? 0);
  let count = 0;
  for (const word of all) count += bitCount(word);
  const hits = new Int32Array(count);
  let at = 0;
  for (let word = 0; word < all.length; word++) {
    let rest = all[word] ?? 0;
    while (rest !== 0) {
      const low = rest & -rest;
      hits[at++] = (word << 5) + 31 - Math.clz32(low);
      rest ^= low;
    }
  }
  const grades = new Uint8Array(count);
  for (const token of found) {
    for (let hit = 0; hit < count; hit++)
      grades[hit] = Math.min(255, (grades[hit] ?? 0) + (token.grades[hits[hit] ?? 0] ?? 1) - 1);
  }
  return { query, hits, grades };
}

function bitCount(word: number): number {
  let rest = word - ((word >>> 1) & 0x55555555);
  rest = (rest & 0x33333333) + ((rest >>> 2) & 0x33333333);
  return (((rest + (rest >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
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
