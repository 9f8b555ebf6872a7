import type { DataView } from '../../../../shared/entities';
import { fold } from '../../../../shared/search/fold';
import { AssignedMatches, tasksOf } from './assigned-matches';
import type { Matches } from './matches';
import { matchesFor } from './query-matches';
import { RowList } from './row-list';
import { matchQuery, type Query, type SearchIndex } from './search';
import type { TaskWords } from './task-words';
import type { PreparedView } from './tree';

/** Rows a warm-up key makes: a screen and its overscan. */
const SCREEN_ROWS = 40;

const wordsOf = (name: string): string[] => fold(name).split(/[^\p{L}\p{N}]+/u);

/**
 * Keys typed while the window is idle after a load, so that a person's first keys run compiled
 * code: V8 compiles a function once it has run a while, and until then a keystroke on a large
 * list costs several times what it costs later. A word of the list typed key by key, then a
 * word of a task after it: wide searches (a letter or two), narrow ones, ones typed on from
 * the key before, and two words.
 */
export function warmUpKeys(view: Pick<DataView, 'projects' | 'tasks'>): string[] {
  const long = (names: { name: string }[]) =>
    names.slice(0, 50).flatMap((item) => wordsOf(item.name).filter((word) => word.length >= 4))[0];
  const first = long(view.projects) ?? 'list';
  const second = long(view.tasks) ?? first;
  const typing = (text: string, from = 1) =>
    Array.from({ length: text.length - from + 1 }, (_, at) => text.slice(0, from + at));
  return [...typing(first), ...typing(`${first} ${second}`, first.length + 2)];
}

/** What a key does to the list, its result dropped: the search, the count and the first screen's rows. */
export function typeKey(
  list: { view: DataView; prepared: PreparedView; index: SearchIndex; words: TaskWords | undefined },
  key: string,
  previous: Query | null,
): Query | null {
  const { view, prepared, index, words } = list;
  const query = matchQuery(index, key, previous);
  if (!query) return null;
  showScreen(view, prepared, matchesFor(view, prepared, query, words));
  return query;
}

/** "Assigned to me" ticked, its rows dropped (their count returned): its code compiled before a person ticks it. */
export function tickAssignedToMe(list: { view: DataView; prepared: PreparedView }, me: number): number {
  const { view, prepared } = list;
  return showScreen(view, prepared, new AssignedMatches(tasksOf(view, prepared, me), undefined));
}

/** As the list does: its rows counted, the kinds (keyboard moves), the rows on screen, a row found by key. */
function showScreen(view: DataView, prepared: PreparedView, matches: Matches): number {
  const rows = new RowList(view, prepared, {
    workspaceId: 'all',
    showArchived: false,
    showDone: false,
    expanded: new Set(),
    matches,
  });
  for (let at = 0; at < Math.min(rows.length, SCREEN_ROWS); at++) if (rows.kindAt(at)) rows.at(at);
  rows.indexOf(rows.at(Math.min(rows.length - 1, SCREEN_ROWS))?.key ?? '');
  return rows.length;
}
