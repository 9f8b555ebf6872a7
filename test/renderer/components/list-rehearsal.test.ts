// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listRehearsal } from '../../../src/renderer/src/components/list/list-rehearsal';
import { prepareView } from '../../../src/renderer/src/lib/list/tree';
import { indexView } from '../../../src/renderer/src/lib/list/search';
import { typeKey } from '../../../src/renderer/src/lib/list/warm-up';
import { largeView } from '../../support/large-view';
import { spyRowActions } from '../../support/row-actions';

/** The row actions, each a spy: the rehearsal's rows may read through them, never act. */
const actions = spyRowActions();
const READS = new Set(['timing', 'trackedToday', 'assignee']);

/** A highlight and a static range as the browser's CSS Custom Highlight API has them (happy-dom has neither). */
class RangeSet extends Set<unknown> {}
class Span {
  constructor(readonly init: StaticRangeInit) {}
}
const registry = new Map<string, RangeSet>();
beforeEach(() => {
  vi.stubGlobal('Highlight', RangeSet);
  vi.stubGlobal('StaticRange', Span);
  vi.stubGlobal('CSS', { highlights: registry });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe("the warm-up's rehearsal of the list", () => {
  it("shows each key's rows in a tree outside the page, as the list would, and takes it away at the end", () => {
    const view = largeView(200, 2_000);
    const list = { view, prepared: prepareView(view), index: indexView(view), words: undefined };
    const outside = document.createElement('div');
    const rehearsal = listRehearsal(actions, () => null, outside);

    const word = view.projects[0]?.name.split(' ')[0] ?? expect.unreachable();
    const first = typeKey(list, { text: word.slice(0, 2), mine: false }, null);
    rehearsal.show(first.rows ?? expect.unreachable(), word.slice(0, 2));
    const slots = () => [...outside.querySelectorAll('[role="treeitem"]')];
    /** The items' names (a slot showing a header has none), in the tree's slot order. */
    const names = () => slots().flatMap((item) => item.getAttribute('aria-label') ?? []);
    const shown = names();
    // A screen of rows and its overscan, as the list shows them: the first rows the key made, in slots.
    expect(slots().length).toBeGreaterThan(20);
    const rows = first.rows ?? expect.unreachable();
    const listed = Array.from({ length: slots().length }, (_, at) => rows.at(at)).flatMap((row) =>
      row?.kind === 'project' ? [row.project.name] : row?.kind === 'task' ? [row.task.name] : [],
    );
    expect(new Set(shown)).toEqual(new Set(listed));

    // The next key replaces them.
    const next = typeKey(list, { text: word, mine: false }, first.query);
    rehearsal.show(next.rows ?? expect.unreachable(), word);
    expect(names()).not.toEqual(shown);
    expect(names().length).toBeGreaterThan(0);
    expect(outside.isConnected).toBe(false);
    // Its rows only read through the actions, and the page's search highlight is never touched.
    const called = Object.entries(actions).filter(([, spy]) => spy.mock.calls.length > 0);
    expect(called.map(([name]) => name).sort()).toEqual([...READS].sort());
    expect(registry.size).toBe(0);

    rehearsal.end();
    expect(outside.childElementCount).toBe(0);
    // Ending twice, or before anything was shown, is harmless.
    rehearsal.end();
    listRehearsal(actions, () => null, document.createElement('div')).end();
  });
});
