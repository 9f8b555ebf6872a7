// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { listRehearsal } from '../../../src/renderer/src/components/list/list-rehearsal';
import type { RowActions } from '../../../src/renderer/src/lib/list/actions';
import { prepareView } from '../../../src/renderer/src/lib/list/tree';
import { indexView } from '../../../src/renderer/src/lib/list/search';
import { typeKey } from '../../../src/renderer/src/lib/list/warm-up';
import { largeView } from '../../support/large-view';

/** What the row buttons would do: nothing here, as nobody can click a tree outside the page. */
const actions: RowActions = {
  select: () => {},
  toggle: () => {},
  edit: () => {},
  setActive: () => {},
  remove: () => {},
  resolve: () => {},
  members: () => {},
  timer: () => {},
  timing: () => false,
  trackedToday: () => 0,
  assignee: () => null,
};

afterEach(() => document.body.replaceChildren());

describe("the warm-up's rehearsal of the list", () => {
  it("shows each key's rows in a tree outside the page, as the list would, and takes it away at the end", () => {
    const view = largeView(200, 2_000);
    const list = { view, prepared: prepareView(view), index: indexView(view), words: undefined };
    document.body.innerHTML = '<div role="tree" aria-label="Projects and tasks"></div>';
    const page = document.body.innerHTML;
    const outside = document.createElement('div');
    const rehearsal = listRehearsal(actions, () => null, outside);

    const word = view.projects[0]?.name.split(' ')[0] ?? expect.unreachable();
    const first = typeKey(list, { text: word.slice(0, 2), mine: false }, null);
    rehearsal.show(first.rows ?? expect.unreachable(), word.slice(0, 2));
    const slots = () => [...outside.querySelectorAll('[role="treeitem"]')];
    /** The items' names (a slot showing a header has none), in the tree's slot order. */
    const names = () => slots().flatMap((item) => item.getAttribute('aria-label') ?? []);
    const shown = names();
    // A popover's worth of rows, as the list shows: the first rows of the list the key made, in slots.
    expect(slots().length).toBeGreaterThan(10);
    const rows = first.rows ?? expect.unreachable();
    const listed = Array.from({ length: slots().length }, (_, at) => rows.at(at)).flatMap((row) =>
      row?.kind === 'project' ? [row.project.name] : row?.kind === 'task' ? [row.task.name] : [],
    );
    expect(new Set(shown)).toEqual(new Set(listed));

    // The next key replaces them; the page itself is never touched.
    const next = typeKey(list, { text: word, mine: false }, first.query);
    rehearsal.show(next.rows ?? expect.unreachable(), word);
    expect(names()).not.toEqual(shown);
    expect(names().length).toBeGreaterThan(0);
    expect(outside.isConnected).toBe(false);
    expect(document.body.innerHTML).toBe(page);

    rehearsal.end();
    expect(outside.childElementCount).toBe(0);
    // Ending twice, or before anything was shown, is harmless.
    rehearsal.end();
    listRehearsal(actions, () => null, document.createElement('div')).end();
  });
});
