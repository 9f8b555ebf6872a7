import type { DataView } from '../../../../shared/entities';
import { isQuickAdd } from '../../../../shared/quick-add/parse';
import type { QuickAddPlan } from '../../../../shared/quick-add/plan';
import { taskLock } from '../../../../shared/rights';
import { fold } from '../../../../shared/search/fold';
import { AssignedMatches, tasksOf } from './assigned-matches';
import type { Matches } from './matches';
import { planInList } from './quick-add-plan';
import { matchesFor } from './query-matches';
import { RowList } from './row-list';
import { matchQuery, type Query, type SearchIndex } from './search';
import type { TaskWords } from './task-words';
import type { PreparedView } from './tree';

/** Rows a warm-up key makes: a screen and its overscan. */
const SCREEN_ROWS = 40;

const wordsOf = (name: string): string[] => fold(name).split(/[^\p{L}\p{N}]+/u);

/** A key the warm-up types, with "Assigned to me" ticked or not. */
export interface WarmUpKey {
  text: string;
  mine: boolean;
}

/**
 * Keys typed while the window is idle after a load, so that a person's first keys run compiled
 * code: V8 compiles a function once it has run a while, and until then a keystroke on a large
 * list costs several times what it costs later. Every kind of key a person makes comes early:
 * "Assigned to me" (no search, then with one), a wide search (a letter or two), narrow ones,
 * ones typed on from the key before, a typo, and a second word that finds tasks (opening their
 * projects), and a quick-add line (its `@` part is searched on the same index: typed cold, a
 * first quick-add's keys took up to 26 ms, 3–6 once compiled). Compiled code expects only what
 * it has seen: a kind first seen after it was compiled throws it away, and the next key pays
 * again. So the last round types the first word once more, compiled with everything seen.
 */
export function warmUpKeys(view: Pick<DataView, 'projects' | 'tasks' | 'rights'>, withMine: boolean): WarmUpKey[] {
  const { first, second } = warmUpWords(view);
  // One letter doubled: a typo the search forgives in a word of four letters or more.
  const typo = `${first.slice(0, 3)}${first.slice(2)}`;
  return [
    ...(withMine ? keys([''], true) : []),
    ...keys(typing(first)),
    ...keys(typing(`${first} ${second}`, first.length + 2)),
    ...keys(typing(typo)),
    ...(withMine ? keys(typing(first).slice(0, 3), true) : []),
    // A quick-add line: a task's name, a project's words after `@`, an estimate.
    ...keys(typing(`+${second} @${quickAddPlace(view) ?? first} ~1h`)),
    ...keys(typing(first)),
  ];
}

/**
 * Keys typed when the popover is shown after a rest, or a pointer or key comes after one: the
 * first word, key by key, then "Assigned to me" ticked and the word again. While the window
 * was idle the browser gave memory back (V8 shrinks an idle page's heap), and a first key or
 * tick would pay to take it again; typed while the person looks at the list, these pay instead.
 */
export function shownKeys(view: Pick<DataView, 'projects' | 'tasks'>): WarmUpKey[] {
  const { first } = warmUpWords(view);
  return [...keys(typing(first)), ...keys(['', ...typing(first)], true)];
}

/** A long word of the first projects' names and one of the first tasks'. */
function warmUpWords(view: Pick<DataView, 'projects' | 'tasks'>): { first: string; second: string } {
  const long = (names: { name: string }[]) =>
    names.slice(0, 50).flatMap((item) => wordsOf(item.name).filter((word) => word.length >= 4))[0];
  const first = long(view.projects) ?? 'list';
  return { first, second: long(view.tasks) ?? first };
}

/** Letters at most in the warm-up's `@` part: a key each. */
const PLACE_LETTERS = 40;

/**
 * The words of an early project that may take tasks (active, tasks on its plan, the user may
 * change it), for the warm-up's `@` part, so its plan goes all the way to "New task": the
 * whole name (as far as 40 letters go) names it better than a word of it would.
 */
function quickAddPlace(view: Pick<DataView, 'projects' | 'rights'>): string | undefined {
  // The refusals the plan itself checks first (quick-add/plan.ts).
  const takesTasks = view.projects.slice(0, 50).find((project) => taskLock(view.rights[project.wid], project) === null);
  let place = '';
  for (const word of wordsOf(takesTasks?.name ?? '')) {
    if (word === '') continue;
    if (place.length + word.length >= PLACE_LETTERS) break;
    place = place ? `${place} ${word}` : word;
  }
  return place || undefined;
}

/** `text` typed key by key from its `from`th letter: "abc" → "a", "ab", "abc". */
const typing = (text: string, from = 1): string[] =>
  Array.from({ length: text.length - from + 1 }, (_, at) => text.slice(0, from + at));

const keys = (texts: string[], mine = false): WarmUpKey[] => texts.map((text) => ({ text, mine }));

/** What the list is while the warm-up types on it. */
export interface WarmUpList {
  view: DataView;
  prepared: PreparedView;
  index: SearchIndex;
  words: TaskWords | undefined;
}

/**
 * What a key does to the list: the search, the count and the first screen's rows; with `mine`,
 * narrowed to the user's tasks as the list does; a quick-add line planned as its preview does.
 * Returns the query (the next key types on from it; null for an empty box), the rows (null
 * for the whole list, which needs no warming, and for a quick-add, which leaves it alone) and
 * a quick-add's plan.
 */
export function typeKey(
  list: WarmUpList,
  key: WarmUpKey,
  previous: Query | null,
): { query: Query | null; rows: RowList | null; plan?: QuickAddPlan | null } {
  const { view, prepared, index, words } = list;
  // A quick-add line searches nothing: the list stays as the search before it left it.
  if (isQuickAdd(key.text)) return { query: previous, rows: null, plan: planInList(list, key.text, null) };
  const query = key.text.trim() ? matchQuery(index, key.text, previous) : null;
  const found = query ? matchesFor(prepared, query, words) : undefined;
  const me = view.user?.id;
  const matches = key.mine && me !== undefined ? new AssignedMatches(tasksOf(view, prepared, me), found) : found;
  return { query, rows: matches ? showScreen(view, prepared, matches) : null };
}

/** As the list does: its rows counted, the kinds (keyboard moves), the rows on screen, a row found by key. */
function showScreen(view: DataView, prepared: PreparedView, matches: Matches): RowList {
  const rows = new RowList(view, prepared, {
    workspaceId: 'all',
    showArchived: false,
    showDone: false,
    expanded: new Set(),
    matches,
  });
  for (let at = 0; at < Math.min(rows.length, SCREEN_ROWS); at++) if (rows.kindAt(at)) rows.at(at);
  rows.indexOf(rows.at(Math.min(rows.length - 1, SCREEN_ROWS))?.key ?? '');
  return rows;
}
