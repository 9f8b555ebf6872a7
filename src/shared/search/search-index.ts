/**
 * The search index: every distinct name (a "part") once, folded and split into words once,
 * with the links a keystroke follows in either direction (item → parts → words, word → parts
 * → items). Built when the window is idle after a load, never on a keystroke.
 */

import type { DataView } from '../entities';
import { DistinctStrings } from './distinct-strings';
import { fold } from './fold';
import type { TokenGrades } from './search-tokens';

export interface Searchable {
  /** The item's own name and, for context, its project's and client's. */
  parts: readonly string[];
}

export interface SearchIndex {
  /**
   * How many items: a hit is an item's position in what was indexed (for a view, its projects
   * then its tasks). No key per item: 110,000 strings the collector would mark on every full collection.
   */
  size: number;
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
  /** Each part's words, partWords[partWordStart[p] … partWordStart[p + 1]): a part is graded from its words' grades. */
  partWordStart: Int32Array;
  partWords: Int32Array;
  /** For each word, how many items its parts list: what a token that finds it can find, at most. */
  wordReach: Int32Array;
  /**
   * Per token, how each part matches it, worked out as far as asked (search-tokens.ts). Each
   * keystroke changes one token; the others are read from here.
   */
  tokens: Map<string, TokenGrades>;
  /** Each part folded, for a token with punctuation in it. */
  foldedParts: string[];
  /** Which of ASCII's 32 punctuation marks each part holds, one bit each: most parts are passed over on that alone. */
  punctuation: Int32Array;
}

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** The ASCII punctuation marks in `text`, as bits (other characters add none). */
export function punctuationOf(text: string): number {
  let bits = 0;
  for (let at = 0; at < text.length; at++) {
    const mark = PUNCTUATION.indexOf(text.charAt(at));
    if (mark >= 0) bits |= 1 << mark;
  }
  return bits;
}

export const SEPARATORS = /[^\p{L}\p{N}]+/u;

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
  // Not a Map: it would put every name in V8's string table, which each full collection walks.
  const parts = new DistinctStrings();
  const partTexts = parts.texts;
  const foldedParts: string[] = [];
  const partsOfWord: number[][] = [];
  const wordsOfPart: number[][] = [];
  const partOf = (part: string): number => {
    const at = parts.idOf(part);
    // Seen before: folded and split already.
    if (at < foldedParts.length) return at;
    const text = fold(part);
    foldedParts.push(text);
    const words: number[] = [];
    for (const word of new Set(text.split(SEPARATORS).filter(Boolean))) {
      let id = wordAt.get(word);
      if (id === undefined) {
        id = dictionary.push(word) - 1;
        wordAt.set(word, id);
        partsOfWord.push([]);
      }
      partsOfWord[id]?.push(at);
      words.push(id);
    }
    wordsOfPart.push(words);
    return at;
  };
  const itemParts = items.map((item) => item.parts.map(partOf));
  const byItem = flatten(itemParts);
  const byWord = flatten(partsOfWord);
  const byPart = flatten(wordsOfPart);
  const itemsOfPart: number[][] = partTexts.map(() => []);
  itemParts.forEach((list, item) => {
    for (const part of new Set(list)) itemsOfPart[part]?.push(item);
  });
  const partItems = flatten(itemsOfPart);
  const itemCount = (part: number) => (partItems.start[part + 1] ?? 0) - (partItems.start[part] ?? 0);
  return {
    size: items.length,
    partTexts,
    partStart: byItem.start,
    partIds: byItem.values,
    partItemStart: partItems.start,
    partItems: partItems.values,
    dictionary,
    wordStart: byWord.start,
    wordParts: byWord.values,
    partWordStart: byPart.start,
    partWords: byPart.values,
    wordReach: Int32Array.from(partsOfWord, (parts) => parts.reduce((sum, part) => sum + itemCount(part), 0)),
    tokens: new Map(),
    foldedParts,
    // Folded too: a few letters take apart into ASCII punctuation (the Greek question mark is ";").
    punctuation: Int32Array.from(partTexts, (text, at) => punctuationOf(text) | punctuationOf(foldedParts[at] ?? '')),
  };
}

/**
 * The view's projects, then its tasks, in one index (the view's order, as Matches counts
 * items), each with its project's and client's names for context.
 */
export function indexView(view: Pick<DataView, 'projects' | 'tasks'>): SearchIndex {
  const projects = new Map(view.projects.map((project) => [project.id, project]));
  return buildIndex([
    ...view.projects.map((project) => ({ parts: [project.name, project.clientName ?? ''] })),
    ...view.tasks.map((task) => {
      const project = projects.get(task.pid);
      return { parts: [task.name, project?.name ?? '', project?.clientName ?? ''] };
    }),
  ]);
}
