/**
 * Which project or client the words of an `@` part name, with the app's own search (typos,
 * accents, any word order: ../search). A project is scored on its name and its client's; a
 * client on its name. Best first: the words are the name exactly, then the higher score, then
 * the name with fewer words besides those typed, then active before archived, then a project
 * before a client. So `@acme` names the client Acme Corp unless a project's own name says
 * "acme" too, `@acme web` its Website redesign, and `@reserch interviews` the project
 * "Research interviews" over "Interviews: roadmap research".
 */

import type { CachedClient, DataView } from '../entities';
import { matchQuery, type Query } from '../search/query';
import { buildIndex, type SearchIndex } from '../search/search-index';
import { partGrade, tokenGrades, tokensOf } from '../search/search-tokens';

type ViewProject = DataView['projects'][number];

/**
 * What the matcher reads: a list's projects (with their clients' names) and its clients, and,
 * where the caller has one, the list's search index (indexView's: its first items are these
 * projects, with the same names), so no second index is built for them.
 */
export interface PlaceList extends Pick<DataView, 'projects' | 'clients'> {
  index?: SearchIndex | null | undefined;
}

export type PlaceMatch =
  | { kind: 'project'; project: ViewProject }
  | { kind: 'client'; client: CachedClient }
  | { kind: 'none' }
  /** Several are as good: how many, and the first few's names (a project's with its client's). */
  | { kind: 'ambiguous'; count: number; names: string[] };

/** How many names an ambiguous match lists. */
const NAMED = 3;

/** Items and an index whose first items they are, and the query typed last on it (the next key looks only at what it found). */
interface Indexed<T> {
  items: readonly T[];
  index: SearchIndex;
  last: Query | null;
}

// By the list's arrays: a list keeps its projects array while they do not change, so a
// keystroke reuses the index; the clients (a few dozen) are indexed again when they change.
const indexes = new WeakMap<object, Indexed<unknown>>();

function indexed<T>(items: readonly T[], parts: (item: T) => string[], given?: SearchIndex | null): Indexed<T> {
  const kept = indexes.get(given ?? items) as Indexed<T> | undefined;
  if (kept && kept.items === items) return kept;
  const index = given ?? buildIndex(items.map((item) => ({ parts: parts(item) })));
  const entry: Indexed<T> = { items, index, last: null };
  indexes.set(given ?? items, entry);
  return entry;
}

/** One found item and how it ranks: each field beats the ones after it. */
interface Found {
  exact: boolean;
  score: number;
  /** Words of its name beyond the words typed: a name the words say more of ranks first. */
  extra: number;
  active: boolean;
  project: boolean;
  match: Exclude<PlaceMatch, { kind: 'none' | 'ambiguous' }>;
}

/** The first two of `compare`'s fields: an item below the best on these needs no more looking at. */
const compareScores = (a: Pick<Found, 'exact' | 'score'>, b: Found): number =>
  Number(a.exact) - Number(b.exact) || a.score - b.score;

/** Above zero when `a` ranks before `b`, zero when they tie. */
function compare(a: Found, b: Found): number {
  return (
    compareScores(a, b) ||
    b.extra - a.extra ||
    Number(a.active) - Number(b.active) ||
    Number(a.project) - Number(b.project)
  );
}

/** The words as one folded string, single-spaced: what an exact match compares. */
const wordsOf = (text: string): string => tokensOf(text).join(' ');

/**
 * Whether `name` is exactly the words typed. Where every token is a word, only a score at the
 * ceiling (each a whole word of the names) can be: the names are folded for those alone, not
 * for every match. A token with punctuation ("r&d") scores lower however well it matches.
 */
function isExact(name: string, score: number, tokens: readonly string[], words: string): boolean {
  const couldBe = score >= 2 * tokens.length || tokens.some((token) => /[^\p{L}\p{N}]/u.test(token));
  return couldBe && wordsOf(name) === words;
}

/**
 * Each of the entry's items that matches `text` (restricted to `accept`), scored. A narrow
 * query names its few candidates (an index's later items, a list's tasks, are passed over); a
 * wide one (a letter or two) is asked item by item.
 */
function scored<T>(
  entry: Indexed<T>,
  text: string,
  accept: (item: T) => boolean,
  visit: (item: T, at: number, score: number) => void,
): void {
  const query = matchQuery(entry.index, text, entry.last);
  entry.last = query;
  if (!query) return;
  const hits = query.hits();
  if (hits) {
    hits.items.forEach((at, hit) => {
      const item = entry.items[at];
      if (item !== undefined && accept(item)) visit(item, at, hits.scores[hit] ?? 0);
    });
    return;
  }
  entry.items.forEach((item, at) => {
    if (!accept(item)) return;
    const score = query.score(at);
    if (score >= 0) visit(item, at, score);
  });
}

/**
 * The project or client `text` names among `list`'s, in workspace `workspaceId` only when one
 * is given. None when nothing matches; ambiguous when more than one ranks first.
 */
export function matchPlace(list: PlaceList, text: string, workspaceId: number | null = null): PlaceMatch {
  const words = wordsOf(text);
  if (words === '') return { kind: 'none' };
  const inScope = (item: { wid: number }) => workspaceId === null || item.wid === workspaceId;
  let best: Found[] = [];
  const consider = (found: Found) => {
    const order = best[0] ? compare(found, best[0]) : 1;
    if (order > 0) best = [found];
    else if (order === 0) best.push(found);
  };

  const projects = indexed(list.projects, (project) => [project.name, project.clientName ?? ''], list.index);
  const tokens = [...new Set(tokensOf(text))];
  // The words of an item's first part (its own name), from the index: no name is split again.
  const extraWords = ({ index }: Indexed<unknown>, at: number) => {
    const own = index.partIds[index.partStart[at] ?? 0] ?? 0;
    return Math.max(0, (index.partWordStart[own + 1] ?? 0) - (index.partWordStart[own] ?? 0) - tokens.length);
  };
  scored(projects, text, inScope, (project, at, score) => {
    const head = { exact: isExact(project.name, score, tokens, words), score };
    // A wide query finds thousands: only those as good as the best so far have their words counted.
    if (best[0] && compareScores(head, best[0]) < 0) return;
    const found: Found = {
      ...head,
      extra: extraWords(projects, at),
      active: project.active,
      project: true,
      match: { kind: 'project', project },
    };
    // Found through its client's name alone, it is the client that was named.
    const { index } = projects;
    const own = index.partIds[index.partStart[at] ?? 0] ?? 0;
    if (tokens.some((token) => partGrade(index, tokenGrades(index, token), own) > 0)) consider(found);
  });

  const clients = indexed(list.clients, (client) => [client.name]);
  scored(clients, text, inScope, (client, at, score) =>
    consider({
      exact: isExact(client.name, score, tokens, words),
      score,
      extra: extraWords(clients, at),
      active: !client.archived,
      project: false,
      match: { kind: 'client', client },
    }),
  );

  const [first] = best;
  if (!first) return { kind: 'none' };
  if (best.length === 1) return first.match;
  const names = best
    .slice(0, NAMED)
    .map(({ match }) =>
      match.kind === 'project'
        ? `${match.project.name}${match.project.clientName ? ` (${match.project.clientName})` : ''}`
        : `the client ${match.client.name}`,
    );
  return { kind: 'ambiguous', count: best.length, names };
}

export type TaskMatch<T> =
  { kind: 'task'; task: T } | { kind: 'none' } | { kind: 'ambiguous'; count: number; names: string[] };

/**
 * Which of `tasks` (one project's) `text` names, ranked as an `@` part's project is: the name
 * exactly, then the higher score, then one not done. A link's `task=` is read with it.
 */
export function matchTask<T extends { name: string; active: boolean }>(
  tasks: readonly T[],
  text: string,
): TaskMatch<T> {
  const words = wordsOf(text);
  if (words === '') return { kind: 'none' };
  const tokens = [...new Set(tokensOf(text))];
  type Ranked = { exact: boolean; score: number; active: boolean; task: T };
  let best: Ranked[] = [];
  const order = (a: Ranked, b: Ranked) =>
    Number(a.exact) - Number(b.exact) || a.score - b.score || Number(a.active) - Number(b.active);
  // A project's tasks are a few dozen: indexed for this one question.
  scored(
    indexed(tasks, (task) => [task.name]),
    text,
    () => true,
    (task, _at, score) => {
      const found = { exact: isExact(task.name, score, tokens, words), score, active: task.active, task };
      const rank = best[0] ? order(found, best[0]) : 1;
      if (rank > 0) best = [found];
      else if (rank === 0) best.push(found);
    },
  );
  const [first] = best;
  if (!first) return { kind: 'none' };
  if (best.length === 1) return { kind: 'task', task: first.task };
  return { kind: 'ambiguous', count: best.length, names: best.slice(0, NAMED).map(({ task }) => task.name) };
}
