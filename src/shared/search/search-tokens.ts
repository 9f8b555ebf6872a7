/**
 * How one token of a query matches the index's names. A word token is compared with the
 * dictionary once (a few thousand words, not 110,000 items); a name is graded from its words
 * only when an item that shows it is looked at, and kept. So a one-letter token, which most
 * names match, costs what the rows looked at cost, not a pass over every item.
 */

import { keepShape } from '../keep-shape';
import { fold } from './fold';
import { nearPrefix } from './near-prefix';
import { punctuationOf, SEPARATORS, type SearchIndex } from './search-index';

/** Typos are forgiven from this many letters on; shorter words must match as they are. */
const FUZZY_FROM = 4;

/**
 * How many tokens' grades are kept (a few hundred kB each on a 110,000-item account), the
 * least recently asked for dropped first: a long query's other words are asked on every key.
 */
const TOKENS_KEPT = 32;

/**
 * How well a token matches a name: 3 a whole word, 2 the start of a word, 1 inside a word or one
 * typo away (or a token with punctuation, found as it is), 0 not at all.
 */
export type Grade = 0 | 1 | 2 | 3;

export interface TokenGrades {
  /** Per part: 0 while not worked out, else 1 + its Grade. */
  parts: Uint8Array;
  /** A word token's Grade for each dictionary word; null for a token with punctuation (its parts are all worked out at once). */
  words: Uint8Array | null;
  /** The best Grade any part has: no item does better on this token. */
  best: Grade;
  /** How many items the parts it finds list, repeats counted: at least as many as it finds. */
  reach: number;
  /** The items it finds, ascending: worked out the first time they are asked for, then kept. */
  items: Int32Array | undefined;
  /** Every part it finds is graded (its items were listed): a part still at 0 finds nothing. */
  complete: boolean;
  /** Beside `items`, each one's grade: worked out the first time they are asked for, then kept. */
  itemGrades: Uint8Array | undefined;
}

export function tokensOf(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

const WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Whether token `text` can only find what token `old` finds: it is `old`, or `old` typed on (a
 * word that contains or is one typo from the longer one does for the shorter one), both on the
 * same side of four letters, where typos start to count.
 */
export function narrows(text: string, old: string): boolean {
  if (text === old) return true;
  return (
    WORD.test(text) && WORD.test(old) && text.startsWith(old) && text.length >= FUZZY_FROM === old.length >= FUZZY_FROM
  );
}
const LETTER = /[\p{L}\p{N}]/u;

/** The grades of `token`, from the index's kept ones or worked out now. */
export function tokenGrades(index: SearchIndex, token: string): TokenGrades {
  const { tokens } = index;
  let grades = tokens.get(token);
  if (grades) tokens.delete(token);
  else if (WORD.test(token)) {
    grades = wordToken(index, token, tokens.size >= TOKENS_KEPT ? bufferOf(dropLeastRecent(tokens)) : undefined);
  } else {
    // Its pieces are asked for (and kept) first; only then does the least recent one go, so a
    // piece is not dropped to make room for the token that is about to ask for it.
    grades = punctuatedToken(index, token);
    if (tokens.size >= TOKENS_KEPT) dropLeastRecent(tokens);
  }
  tokens.set(token, grades);
  return grades;
}

/** The `parts` of a token no longer kept: read as "not worked out", so each part is graded when asked (and not kept). */
const GIVEN_UP = new Uint8Array(0);

/** Drops the least recently asked for token (a Map lists its keys in the order they were set) and returns it. */
function dropLeastRecent(tokens: Map<string, TokenGrades>): TokenGrades | undefined {
  const [token, grades] = tokens.entries().next().value ?? [];
  if (token !== undefined) tokens.delete(token);
  return grades;
}

/**
 * A dropped token's parts' buffer, cleared, for a new word token: nearly every key makes a new
 * token, and a new buffer a key counts against the page's memory until a full collection
 * (10–30 ms of a key). A query still holding the dropped token stays right, only slower: it
 * grades each part as it is asked for, from the token's words, and keeps none. A token with
 * punctuation keeps its buffer (every part is worked out, and it has no words to work them out
 * again): undefined then.
 */
function bufferOf(dropped: TokenGrades | undefined): Uint8Array | undefined {
  if (!dropped?.words || dropped.parts === GIVEN_UP) return undefined;
  const { parts } = dropped;
  dropped.parts = GIVEN_UP;
  dropped.complete = false;
  return parts.fill(0);
}

/**
 * A word token grades each dictionary word: a word that contains it or, from four letters on,
 * one it is one typo away from. Names are graded later, as they are looked at.
 */
function wordToken(index: SearchIndex, token: string, spare: Uint8Array | undefined): TokenGrades {
  const { dictionary, wordReach } = index;
  const fuzzy = token.length >= FUZZY_FROM;
  const words = new Uint8Array(dictionary.length);
  let best: Grade = 0;
  let reach = 0;
  for (let word = 0; word < dictionary.length; word++) {
    const text = dictionary[word] ?? '';
    if (!text.includes(token) && !(fuzzy && nearPrefix(token, text))) continue;
    const grade: Grade = text === token ? 3 : text.startsWith(token) ? 2 : 1;
    words[word] = grade;
    if (grade > best) best = grade;
    reach += wordReach[word] ?? 0;
  }
  const parts = spare?.length === index.partTexts.length ? spare : new Uint8Array(index.partTexts.length);
  return newGrades(parts, words, best, reach, false);
}

/**
 * A token with punctuation ("acme-22", "/") finds the names that contain it as it is. It has
 * no space, so it cannot span two parts. Punctuation alone ("/", "&") reads the same folded or
 * not: no need to fold the names. Only a name with the token's punctuation marks and, for each
 * of its words ("acme", "22"), a word that holds it can hold the token.
 */
function punctuatedToken(index: SearchIndex, token: string): TokenGrades {
  const { partTexts, foldedParts, punctuation, partItemStart } = index;
  const texts = LETTER.test(token) ? foldedParts : partTexts;
  const marks = punctuationOf(token);
  const pieces = token
    .split(SEPARATORS)
    .filter(Boolean)
    .map((piece) => tokenGrades(index, piece));
  // Every part is worked out here: 1 is "no match".
  const parts = new Uint8Array(partTexts.length).fill(1);
  let best: Grade = 0;
  let reach = 0;
  next: for (let part = 0; part < parts.length; part++) {
    if (((punctuation[part] ?? 0) & marks) !== marks) continue;
    for (const piece of pieces) if (partGrade(index, piece, part) === 0) continue next;
    if (!(texts[part] ?? '').includes(token)) continue;
    parts[part] = 2;
    best = 1;
    reach += (partItemStart[part + 1] ?? 0) - (partItemStart[part] ?? 0);
  }
  return newGrades(parts, null, best, reach, true);
}

/** Every TokenGrades is made here, so all have one shape (see WRITTEN). */
function newGrades(
  parts: Uint8Array,
  words: Uint8Array | null,
  best: Grade,
  reach: number,
  complete: boolean,
): TokenGrades {
  return { parts, words, best, reach, items: undefined, complete, itemGrades: undefined };
}

/**
 * V8 takes a field that has not been written since its object was made for a constant, and a
 * field that has only held one kind of object for that kind, and throws away the code compiled
 * on either the first time it no longer holds: `bufferOf` writes `parts` when the 33rd token
 * comes, in the middle of someone's typing (10 search functions were thrown away on the fifth
 * key of the first query, 13 on the first token with punctuation). Each field is written here,
 * once with something of another kind, on an object kept so that its shape stays, before any
 * code is compiled.
 */
const WRITTEN: Record<keyof TokenGrades, unknown> = newGrades(GIVEN_UP, null, 0, 0, false);
for (const field of ['parts', 'words', 'items', 'itemGrades', 'complete'] as const) {
  WRITTEN[field] = null;
  WRITTEN[field] = GIVEN_UP;
}
keepShape(WRITTEN, newGrades);

/** How well `part` matches the token: its best word's grade, worked out once. */
export function partGrade(index: SearchIndex, grades: TokenGrades, part: number): Grade {
  const known = grades.parts[part] ?? 0;
  if (known !== 0) return (known - 1) as Grade;
  if (grades.complete) {
    grades.parts[part] = 1;
    return 0;
  }
  const { words } = grades;
  let best = 0;
  if (words) {
    const { partWordStart, partWords } = index;
    const to = partWordStart[part + 1] ?? 0;
    for (let at = partWordStart[part] ?? 0; at < to; at++) best = Math.max(best, words[partWords[at] ?? 0] ?? 0);
  }
  grades.parts[part] = best + 1;
  return best as Grade;
}

/** `itemsFound`'s set of items, one bit each: kept between calls, and left empty by each. */
let foundBits = new Uint32Array(0);

/**
 * The items the token finds, ascending: those listed under a part that holds a word it finds.
 * Walks what the token reaches, so it is asked for only when that is a small share of the items.
 */
export function itemsFound(index: SearchIndex, grades: TokenGrades): Int32Array {
  if (grades.items) return grades.items;
  const { partItemStart, partItems, wordStart, wordParts } = index;
  const length = (index.size + 31) >>> 5;
  if (foundBits.length < length) foundBits = new Uint32Array(length);
  const bits = foundBits;
  const list = (part: number) => {
    const to = partItemStart[part + 1] ?? 0;
    for (let at = partItemStart[part] ?? 0; at < to; at++) {
      const item = partItems[at] ?? 0;
      bits[item >>> 5] = (bits[item >>> 5] ?? 0) | (1 << (item & 31));
    }
  };
  const { words, parts } = grades;
  if (words) {
    // Each part a word it finds is in is graded on the way (its best word's grade), so the
    // parts not reached need no look at their words afterwards. A part with two such words is
    // listed twice: the bits are the same, and no array as long as the parts says which were.
    for (let word = 0; word < words.length; word++) {
      const grade = 1 + (words[word] ?? 0);
      if (grade === 1) continue;
      const to = wordStart[word + 1] ?? 0;
      for (let at = wordStart[word] ?? 0; at < to; at++) {
        const part = wordParts[at] ?? 0;
        if (grade > (parts[part] ?? 0)) parts[part] = grade;
        list(part);
      }
    }
    // A token whose parts are no longer kept (bufferOf) cannot say the others find nothing.
    grades.complete = grades.parts !== GIVEN_UP;
  } else {
    for (let part = 0; part < parts.length; part++) if ((parts[part] ?? 0) > 1) list(part);
  }
  let count = 0;
  for (let word = 0; word < length; word++) count += bitCount(bits[word] ?? 0);
  const items = new Int32Array(count);
  let at = 0;
  for (let word = 0; word < length; word++) {
    let rest = bits[word] ?? 0;
    bits[word] = 0;
    while (rest !== 0) {
      const low = rest & -rest;
      items[at++] = (word << 5) + 31 - Math.clz32(low);
      rest ^= low;
    }
  }
  grades.items = items;
  return items;
}

function bitCount(word: number): number {
  let rest = word - ((word >>> 1) & 0x55555555);
  rest = (rest & 0x33333333) + ((rest >>> 2) & 0x33333333);
  return (((rest + (rest >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * How well the token matches each of its items (`itemsFound`, in that order): an item's best
 * part. Kept with the token, so a word typed on past it (a second word after it) is not graded
 * again on every key.
 */
export function itemGradesOf(index: SearchIndex, grades: TokenGrades): Uint8Array {
  if (grades.itemGrades) return grades.itemGrades;
  const items = itemsFound(index, grades);
  const { partStart, partIds } = index;
  const graded = new Uint8Array(items.length);
  items.forEach((item, at) => {
    let best = 0;
    for (let part = partStart[item] ?? 0; part < (partStart[item + 1] ?? 0); part++)
      best = Math.max(best, partGrade(index, grades, partIds[part] ?? 0));
    graded[at] = best;
  });
  grades.itemGrades = graded;
  return graded;
}
