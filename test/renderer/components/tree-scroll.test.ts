// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listRehearsal } from '../../../src/renderer/src/components/list/list-rehearsal';
import { prepareView, rowElementId, type Row } from '../../../src/renderer/src/lib/list/tree';
import { indexView } from '../../../src/renderer/src/lib/list/search';
import { typeKey } from '../../../src/renderer/src/lib/list/warm-up';
import { largeView } from '../../support/large-view';
import { spyRowActions } from '../../support/row-actions';

const actions = spyRowActions();
afterEach(() => vi.clearAllMocks());

describe('the tree, scrolled', () => {
  it('hands only the rows that come on screen to slots: the rows that stay run nothing again', async () => {
    const view = largeView(200, 2_000);
    const list = { view, prepared: prepareView(view), index: indexView(view), words: undefined };
    // Mounted outside the page, as the warm-up's rehearsal is: the list's own tree and rows.
    const outside = document.createElement('div');
    const rehearsal = listRehearsal(actions, () => null, outside);
    const word = view.projects[0]?.name.split(' ')[0] ?? expect.unreachable();
    const rows = typeKey(list, { text: word.slice(0, 2), mine: false }, null).rows ?? expect.unreachable();
    expect(rows.length).toBeGreaterThan(100);
    rehearsal.show(rows, '');
    const tree = outside.querySelector<HTMLElement>('[role="tree"]') ?? expect.unreachable();
    // happy-dom lays nothing out and holds the scroll position at its own idea of the end: a
    // plain property stands in for the browser's.
    Object.defineProperty(tree, 'scrollTop', { value: 0, writable: true });
    /** Scrolls the tree to `top` as the browser does: the position, then the scroll event. */
    const scrollTo = (top: number) => {
      tree.scrollTop = top;
      tree.dispatchEvent(new Event('scroll'));
      flushSync();
    };
    /** Each slot's place in the list (its top, in rows of 30 px), in the page's slot order. */
    const places = () =>
      [...outside.querySelectorAll<HTMLElement>('.row.line')].map((line) => Number.parseFloat(line.style.top) / 30);
    const owned = () => tree.getAttribute('aria-owns')?.split(' ') ?? [];
    /** Slots hidden whole, header and line: parked until the fill. */
    const parked = () =>
      [...outside.querySelectorAll<HTMLElement>('.row.line[hidden]')].filter(
        (line) => line.previousElementSibling?.hasAttribute('hidden') === true,
      );
    /** Waits for `count` animation frames, then for Svelte's updates. */
    const frames = async (count: number) => {
      for (let at = 0; at < count; at++) await new Promise((resolve) => requestAnimationFrame(resolve));
      flushSync();
    };
    /** The ids of `count` rows of a list from its row `first` on: the order assistive tech reads. */
    const ids = (from: typeof rows, first: number, count: number) =>
      Array.from({ length: count }, (_, at) => rowElementId(from.at(first + at) as Row));

    // Past the overscan above the screen (4 rows of 30 px), where a scroll hands slots new rows.
    scrollTo(240);
    const before = places();
    const slots = before.length;
    expect(slots).toBeGreaterThan(20);
    expect(owned()).toEqual(ids(rows, 4, slots));

    // Four rows further, as one frame of a quick scroll moves.
    vi.clearAllMocks();
    scrollTo(360);
    // A row reads whether the timer runs on it once, when it is handed to a slot: the four
    // that came on screen did, the others kept their rows and read nothing again.
    expect(actions.timing).toHaveBeenCalledTimes(4);
    // The four slots the first rows left hold the four that came, the others stay where they
    // were; the tree's order moves on by four.
    const moved = places().filter((place, slot) => place !== before[slot]);
    expect(moved.sort((a, b) => a - b)).toEqual([slots + 4, slots + 5, slots + 6, slots + 7]);
    expect(owned()).toEqual(ids(rows, 8, slots));

    // A new list (the next key) at the same place: the rows on screen (12 to 25: 400 px
    // unmeasured) show their rows of it at once; the overscan's slots that held other rows are
    // parked, hidden and without ids, until the frame after.
    const next = typeKey(list, { text: word.slice(0, 3), mine: false }, null).rows ?? expect.unreachable();
    expect(next.length).toBeGreaterThan(100);
    rehearsal.show(next, '');
    const screen = ids(next, 12, 14);
    expect(owned()).toEqual(expect.arrayContaining(screen));
    expect(parked().length).toBeGreaterThan(0);
    for (const row of parked()) expect(row.querySelector('[id]')).toBeNull();
    expect(owned().length + parked().length).toBe(slots);
    // A scroll before the fill shows every row it brings on screen.
    scrollTo(480);
    expect(owned()).toEqual(expect.arrayContaining(ids(next, 16, 14)));
    await frames(2);
    expect(parked()).toEqual([]);
    expect(owned()).toEqual(ids(next, 12, slots));
    expect(places().toSorted((a, b) => a - b)).toEqual(Array.from({ length: slots }, (_, at) => 12 + at));
    rehearsal.end();
  });
});
