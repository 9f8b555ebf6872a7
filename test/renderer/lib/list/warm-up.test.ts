import { describe, expect, it } from 'vitest';
import { indexView, type Query } from '../../../../src/renderer/src/lib/list/search';
import { taskWords } from '../../../../src/renderer/src/lib/list/task-words';
import { prepareView } from '../../../../src/renderer/src/lib/list/tree';
import { tickAssignedToMe, typeKey, warmUpKeys } from '../../../../src/renderer/src/lib/list/warm-up';
import { largeView } from '../../../support/large-view';

describe('the idle warm-up', () => {
  it('types a word of the list key by key, then a second word: wide, narrow, typed-on and two-word searches', () => {
    const view = largeView(2_000, 20_000);
    const [prepared, index] = [prepareView(view), indexView(view)];
    const list = { view, prepared, index, words: taskWords(index, prepared) };
    const keys = warmUpKeys(view);
    expect(keys[0]).toHaveLength(1);
    keys.slice(1).forEach((key, at) => expect(key.startsWith(keys[at] ?? '')).toBe(true));

    const queries: Query[] = [];
    for (const key of keys) {
      const query = typeKey(list, key, queries.at(-1) ?? null);
      if (query) queries.push(query);
    }
    expect(queries).toHaveLength(keys.length);
    // The first letter is a wide search, answered project by project; the word narrows it.
    expect(queries[0]?.candidates).toBeNull();
    expect(queries.some((query) => query.candidates !== null)).toBe(true);
    // Some keys look only at what the key before found, and the last has two words.
    expect(queries.some((query, at) => at > 0 && query.candidates === queries[at - 1]?.hits()?.items)).toBe(true);
    expect(queries.at(-1)?.tokenCount).toBe(2);
  });

  it('ticks “Assigned to me” last: the user’s tasks’ projects listed, nobody else’s', () => {
    const base = largeView(2_000, 20_000);
    // Every seventh task the user's (id 5), as the large bench account gives a share of them.
    const view = { ...base, tasks: base.tasks.map((task, at) => ({ ...task, assigneeId: at % 7 === 0 ? 5 : null })) };
    const prepared = prepareView(view);
    const owners = new Set(view.tasks.filter((task) => task.assigneeId === 5 && task.active).map((task) => task.pid));
    const active = view.projects.filter((project) => project.active && owners.has(project.id));
    // Each such project a row (closed: more than 1,000 tasks match), under its client's header.
    expect(active.length).toBeGreaterThan(100);
    expect(tickAssignedToMe({ view, prepared }, 5)).toBeGreaterThanOrEqual(active.length);
    expect(tickAssignedToMe({ view, prepared }, 99)).toBe(0);
  });
});
