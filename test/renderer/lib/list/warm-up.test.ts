import { describe, expect, it } from 'vitest';
import { indexView, type Query } from '../../../../src/renderer/src/lib/list/search';
import { taskWords } from '../../../../src/renderer/src/lib/list/task-words';
import { prepareView } from '../../../../src/renderer/src/lib/list/tree';
import { typeKey, warmUpKeys } from '../../../../src/renderer/src/lib/list/warm-up';
import { largeView } from '../../../support/large-view';
import { isQuickAdd } from '../../../../src/shared/quick-add/parse';
import { planInList } from '../../../../src/renderer/src/lib/list/quick-add-plan';

describe('the idle warm-up', () => {
  it('types a word of the list key by key, then a task’s word, a typo, and the first word again (searches)', () => {
    const view = largeView(2_000, 20_000);
    const [prepared, index] = [prepareView(view), indexView(view)];
    const list = { view, prepared, index, words: taskWords(index, prepared) };
    const keys = warmUpKeys(view, false).filter((key) => !isQuickAdd(key.text));
    expect(keys.every((key) => !key.mine)).toBe(true);
    const texts = keys.map((key) => key.text);
    // Three rounds start from one letter: the word, its typo, the word again.
    expect(texts.filter((text) => text.length === 1)).toHaveLength(3);
    expect(texts.at(-1)).toBe(texts.find((text) => text.includes(' '))?.split(' ')[0]);

    const queries: (Query | null)[] = [];
    for (const key of keys) queries.push(typeKey(list, key, queries.at(-1) ?? null).query);
    expect(queries.every((query) => query !== null)).toBe(true);
    // The first letter is a wide search, answered project by project; the word narrows it.
    expect(queries[0]?.candidates).toBeNull();
    expect(queries.some((query) => query?.candidates !== null)).toBe(true);
    // Some keys look only at what the key before found; one has two words; the typo finds what the word does.
    expect(queries.some((query, at) => at > 0 && query?.candidates === queries[at - 1]?.hits()?.items)).toBe(true);
    expect(queries.some((query) => query?.tokenCount === 2)).toBe(true);
    const word = texts.at(-1) ?? '';
    // The typo round's last key: the word with one letter doubled.
    const typo = texts.filter((text) => !text.includes(' ') && !word.startsWith(text)).at(-1) ?? '';
    expect(typo).not.toBe(word);
    expect(typo.slice(0, 2) + typo.slice(3)).toBe(word);
    const found = (text: string) => typeKey(list, { text, mine: false }, null).query?.hits()?.items;
    expect(found(typo)).toBeDefined();
    expect(found(typo)).toEqual(found(word));
  });

  it('types a quick-add line key by key before the last round, planned as its preview is, the list left alone', () => {
    const base = largeView(2_000, 20_000);
    // The first project archived: the line names one that may take a task, so its plan goes all the way.
    const view = {
      ...base,
      projects: base.projects.map((project, at) => (at === 0 ? { ...project, active: false } : project)),
    };
    const [prepared, index] = [prepareView(view), indexView(view)];
    const list = { view, prepared, index, words: taskWords(index, prepared) };
    const keys = warmUpKeys(view, false);
    const adding = keys.filter((key) => isQuickAdd(key.text));
    const line = adding.at(-1)?.text ?? expect.unreachable();
    // From its `+` to its estimate, one key at a time, all before the first word's last round.
    expect(adding.map((key) => key.text)).toEqual(
      Array.from({ length: line.length }, (_, at) => line.slice(0, at + 1)),
    );
    expect(line).toMatch(/^\+\S+ @\S.* ~1h$/);
    const lastRound = keys.findLastIndex((key) => key.text.length === 1);
    expect(keys.findLastIndex((key) => isQuickAdd(key.text))).toBeLessThan(lastRound);
    // Each key is planned as the preview plans it, the list left as the search before it had it
    // (the same query, no rows); the whole line makes a task in the second project, estimated.
    const before = typeKey(list, { text: 'a', mine: false }, null).query;
    const typed = adding.map((key) => typeKey(list, key, before));
    for (const [at, key] of typed.entries()) {
      expect(key).toEqual({ query: before, rows: null, plan: planInList(list, adding[at]?.text ?? '', null) });
    }
    const plan = typed.at(-1)?.plan;
    expect(plan?.action).toMatchObject({ kind: 'task', pid: view.projects[1]?.id, estimatedSeconds: 3600 });
    expect(plan?.text).toMatch(/^New task “.+” in .+ · est\. 1 h$/);
  });

  it('ticks “Assigned to me” first, alone and with a search: the user’s tasks’ projects listed, nobody else’s', () => {
    const base = largeView(2_000, 20_000);
    // Every seventh task the user's (id 5), as the large bench account gives a share of them.
    const tasks = base.tasks.map((task, at) => ({ ...task, assigneeId: at % 7 === 0 ? 5 : null }));
    const user = { ...(base.user ?? expect.unreachable()), id: 5 };
    const view = { ...base, tasks, user };
    const [prepared, index] = [prepareView(view), indexView(view)];
    const list = { view, prepared, index, words: taskWords(index, prepared) };
    const keys = warmUpKeys(view, true);
    expect(keys[0]).toEqual({ text: '', mine: true });
    expect(keys.filter((key) => key.mine && key.text !== '').length).toBeGreaterThan(0);
    const owners = new Set(view.tasks.filter((task) => task.assigneeId === 5 && task.active).map((task) => task.pid));
    const active = view.projects.filter((project) => project.active && owners.has(project.id));
    // Each such project a row (closed: more than 1,000 tasks match), under its client's header.
    expect(active.length).toBeGreaterThan(100);
    expect(typeKey(list, { text: '', mine: true }, null).rows?.length).toBeGreaterThanOrEqual(active.length);
    const other = { ...list, view: { ...view, user: { ...user, id: 99 } } };
    expect(typeKey(other, { text: '', mine: true }, null).rows?.length).toBe(0);
  });
});
