/**
 * The queries `npm run bench:ui` types, for items of its generated account, and the check
 * that each finds its item with the renderer's own search code.
 */
import { buildIndex, search } from '../src/renderer/src/lib/list/search';
import { largeAccountNames } from '../tools/sandbox/fixture';
import { seededRandom, withTypo } from '../tools/sandbox/names';
import { compareSearchLibraries } from './search-libraries';

export interface BenchQuery {
  query: string;
  /** The item it is meant to find, as the list keys it. */
  target: string;
}

/**
 * Queries as people type them for items of the generated account: a whole name, a task with
 * its project, words out of order with a typo, a name typed without its accents, a client
 * and a project. Each must find its item (checked with the renderer's own search code).
 */
export function benchQueries(
  projectCount: number,
  taskCount: number,
): {
  queries: BenchQuery[];
  /** Quick-add lines (`+name @place ~estimate`), typed key by key like the queries; `place` is the name the preview must name. */
  quickAdds: { line: string; place: string }[];
  check: (query: BenchQuery) => number;
  compare: (write: (line: string) => void) => void;
} {
  const names = largeAccountNames(projectCount, taskCount);
  const random = seededRandom(11);
  const project = (at: number) => names.projects[at] ?? '';
  const clientOf = (at: number) => names.clients[at % names.clients.length] ?? '';
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const lastTask = taskCount - 1;
  const typoAt = 77;
  const typoWords = words(project(typoAt)).reverse();
  const long = typoWords.findIndex((word) => word.length >= 5);
  const withOneTypo = typoWords.map((word, at) => (at === long ? withTypo(random, word) : word)).join(' ');
  const accented = names.projects.findIndex((name) => /\P{ASCII}/u.test(name));
  const queries: BenchQuery[] = [
    { query: project(42).toLowerCase(), target: 'p:42' },
    {
      query: `${names.tasks[lastTask] ?? ''} ${words(project(lastTask % projectCount))[0] ?? ''}`,
      target: `t:${lastTask}`,
    },
    { query: withOneTypo, target: `p:${typoAt}` },
    {
      query: project(accented).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
      target: `p:${accented}`,
    },
    { query: `${words(clientOf(12))[0] ?? ''} ${words(project(12)).at(-1) ?? ''}`, target: 'p:12' },
  ];
  // A task for an active project named with one typo, and a project for a client by its first word.
  // A name of three words or more, active (every tenth is archived): two-word names have twins in other orders.
  const taskPlace = names.projects.findIndex((name, at) => at >= 40 && at % 10 !== 9 && words(name).length >= 3);
  const clientPlace = 12;
  const quickAdds = [
    {
      line: `+Fix login bug @${words(project(taskPlace))
        .map((word, at) => (at === 0 ? withTypo(random, word) : word))
        .join(' ')} ~2h`,
      place: project(taskPlace),
    },
    { line: `+Onboarding flow @${clientOf(clientPlace)}`, place: clientOf(clientPlace) },
  ];
  // The index the popover builds: a project with its client, a task with its project and client.
  const items = [
    ...names.projects.map((name, at) => ({ key: `p:${at}`, parts: [name, clientOf(at)] })),
    ...names.tasks.map((name, at) => ({
      key: `t:${at}`,
      parts: [name, project(at % projectCount), clientOf(at % projectCount)],
    })),
  ];
  const index = buildIndex(items);
  return {
    queries,
    quickAdds,
    check: ({ query, target }) => {
      const hits = [...search(index, query).hits].map((at) => items[at]?.key);
      return hits.includes(target) ? hits.length : 0;
    },
    compare: (write) =>
      compareSearchLibraries(
        index,
        items.map((item) => item.parts),
        queries.map(({ query, target }) => ({ query, target: items.findIndex((item) => item.key === target) })),
        write,
      ),
  };
}
