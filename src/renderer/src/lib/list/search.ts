/**
 * Search across project, client and task names, tolerant of word order, of accents
 * ("uberarbeitung" finds "Überarbeitung") and of one typo per word (a wrong, missing, extra or
 * swapped letter) once a word has four letters. Built to keep up with typing on 100,000-item
 * accounts: names are folded once, and a query that extends the previous one only re-checks
 * the previous matches, where that gives the same answer as a fresh search.
 */

/** Lower case without accents: "Überarbeitung" → "uberarbeitung" (one letter stays one letter). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Most names are printable ASCII: nothing to take apart. The rest go letter by letter,
  // each distinct letter taken apart once (several times faster than the whole name each time).
  if (ASCII.test(lower)) return lower;
  let folded = '';
  for (const letter of lower) folded += letter.charCodeAt(0) < 128 ? letter : foldLetter(letter);
  return folded;
}

const foldedLetters = new Map<string, string>();

function foldLetter(letter: string): string {
  let folded = foldedLetters.get(letter);
  if (folded === undefined) {
    folded = letter.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    foldedLetters.set(letter, folded);
  }
  return folded;
}

const ASCII = /^[ -~]*$/;

/** Typos are forgiven from this many letters on; shorter words must match as they are. */
const FUZZY_FROM = 4;

export interface Searchable {
  key: string;
  /** The item's own name and, for context, its project's and client's. */
  parts: readonly string[];
}

export interface SearchIndex {
  keys: string[];
  /** Each item's parts, for a token with punctuation in it (looked for in the whole text). */
  parts: (readonly string[])[];
  /** Every distinct word once: a typo is looked up among these, not in every item. */
  dictionary: string[];
  /** Each item's words, as positions in the dictionary: item i's are wordIds[wordStart[i] … wordStart[i + 1]). */
  wordStart: Int32Array;
  wordIds: Int32Array;
  /** Per token, which dictionary words it finds (1) or not (0): a small cache across keystrokes. */
  found: Map<string, Uint8Array>;
  /** Folded whole texts, made only when a token with punctuation asks for them. */
  texts: (string | undefined)[];
}

/**
 * Names repeat (a project's name is part of each of its tasks' text), so each distinct part
 * is folded and split once; on a 110,000-item account that is most of the work saved.
 */
export function buildIndex(items: readonly Searchable[]): SearchIndex {
  const keys = new Array<string>(items.length);
  const parts = new Array<readonly string[]>(items.length);
  const wordStart = new Int32Array(items.length + 1);
  let wordIds = new Int32Array(items.length * 8);
  let used = 0;
  const dictionary: string[] = [];
  const positions = new Map<string, number>();
  const partWords = new Map<string, number[]>();
  const wordsOf = (part: string): number[] => {
    let ids = partWords.get(part);
    if (!ids) {
      ids = fold(part)
        .split(SEPARATORS)
        .filter(Boolean)
        .map((word) => {
          let at = positions.get(word);
          if (at === undefined) {
            at = dictionary.push(word) - 1;
            positions.set(word, at);
          }
          return at;
        });
      partWords.set(part, ids);
    }
    return ids;
  };
  items.forEach((item, index) => {
    keys[index] = item.key;
    parts[index] = item.parts;
    wordStart[index] = used;
    for (const part of item.parts) {
      for (const word of wordsOf(part)) {
        if (used === wordIds.length) {
          const grown = new Int32Array(wordIds.length * 2);
          grown.set(wordIds);
          wordIds = grown;
        }
        wordIds[used++] = word;
      }
    }
  });
  wordStart[items.length] = used;
  return {
    keys,
    parts,
    dictionary,
    wordStart,
    wordIds,
    found: new Map(),
    texts: new Array<string | undefined>(items.length),
  };
}

function textOf(index: SearchIndex, at: number): string {
  let text = index.texts[at];
  if (text === undefined) {
    text = fold((index.parts[at] ?? []).join(' '));
    index.texts[at] = text;
  }
  return text;
}

const WORD = /^[\p{L}\p{N}]+$/u;
const LETTER = /[\p{L}\p{N}]/u;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * Which dictionary words a token finds: those that contain it and, from four letters on,
 * those it is one typo away from. Worked out once per token over the distinct words, so a
 * keystroke costs a lookup per item. Undefined for a token with punctuation in it ("acme-22"):
 * that one is looked for in the item's whole text.
 */
function wordsFound(index: SearchIndex, token: string): Uint8Array | undefined {
  if (!WORD.test(token)) return undefined;
  let found = index.found.get(token);
  if (!found) {
    found = new Uint8Array(index.dictionary.length);
    const fuzzy = token.length >= FUZZY_FROM;
    for (let at = 0; at < index.dictionary.length; at++) {
      const word = index.dictionary[at] ?? '';
      if (word.includes(token) || (fuzzy && nearPrefix(token, word))) found[at] = 1;
    }
    if (index.found.size > 200) index.found.clear();
    index.found.set(token, found);
  }
  return found;
}

export function tokensOf(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** True when `token` is within one edit (Damerau) of some prefix of `word`. */
export function nearPrefix(token: string, word: string): boolean {
  const n = token.length;
  // One edit leaves the first letter, or one of the first two moved: most words fail this at once.
  const [t0, t1, w0, w1] = [token.charCodeAt(0), token.charCodeAt(1), word.charCodeAt(0), word.charCodeAt(1)];
  if (t0 !== w0 && t1 !== w1 && t1 !== w0 && t0 !== w1) return false;
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

function matches(index: SearchIndex, at: number, tokens: string[], found: (Uint8Array | undefined)[]): boolean {
  const { wordStart, wordIds } = index;
  const from = wordStart[at] ?? 0;
  const to = wordStart[at + 1] ?? 0;
  for (let position = 0; position < tokens.length; position++) {
    const words = found[position];
    if (!words) {
      const token = tokens[position] ?? '';
      // Punctuation alone ("/", "&") reads the same folded or not: no need to fold the names.
      const text = LETTER.test(token) ? textOf(index, at) : (index.parts[at] ?? []).join(' ');
      if (!text.includes(token)) return false;
      continue;
    }
    let any = false;
    for (let word = from; word < to; word++) {
      if (words[wordIds[word] ?? 0] === 1) {
        any = true;
        break;
      }
    }
    if (!any) return false;
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
  const found = tokens.map((token) => wordsFound(index, token));
  const hits: number[] = [];
  if (candidates) {
    for (const at of candidates) if (matches(index, at, tokens, found)) hits.push(at);
  } else {
    for (let at = 0; at < index.keys.length; at++) if (matches(index, at, tokens, found)) hits.push(at);
  }
  return { query, hits };
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
