// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listRehearsal } from '../../../src/renderer/src/components/list/list-rehearsal';
import ProjectTree from '../../../src/renderer/src/components/list/ProjectTree.svelte';
import { RehearsalList } from '../../../src/renderer/src/lib/rehearsal-list.svelte';
import { HIGHLIGHT_CONTEXT } from '../../../src/renderer/src/lib/list/search-highlight';
import { prepareView, rowElementId, type Row } from '../../../src/renderer/src/lib/list/tree';
import { indexView } from '../../../src/renderer/src/lib/list/search';
import { typeKey } from '../../../src/renderer/src/lib/list/warm-up';
import { largeView } from '../../support/large-view';
import { spyRowActions } from '../../support/row-actions';

const actions = spyRowActions();
afterEach(() => {
  vi.clearAllMocks();
  document.body.replaceChildren();
});

type Rows = NonNullable<ReturnType<typeof typeKey>['rows']>;

/**
 * A large list's tree (the list's own tree and rows) mounted on `target`: outside the page by
 * the warm-up's rehearsal, or in it (`inPage`) as the popover's, whose selection a test may set.
 */
function mountTree(target: HTMLElement, inPage = false) {
  const view = largeView(200, 2_000);
  const list = { view, prepared: prepareView(view), index: indexView(view), words: undefined };
  const word = view.projects[0]?.name.split(' ')[0] ?? expect.unreachable();
  /** The list a search for `text` shows. */
  const typed = (text: string): Rows => typeKey(list, { text, mine: false }, null).rows ?? expect.unreachable();
  const shown = new RehearsalList();
  const mounted = inPage
    ? mount(ProjectTree, {
        target,
        props: { data: shown, actions, lockedReason: () => null },
        context: new Map([[HIGHLIGHT_CONTEXT, null]]),
      })
    : null;
  const rehearsal = mounted
    ? {
        show: (rows: Rows) => {
          shown.rows = rows;
          flushSync();
        },
        end: () => void unmount(mounted),
      }
    : listRehearsal(actions, () => null, target);
  rehearsal.show(typed(word.slice(0, 2)), '');
  const tree = target.querySelector<HTMLElement>('[role="tree"]') ?? expect.unreachable();
  // happy-dom lays nothing out and holds the scroll position at its own idea of the end: a
  // plain property stands in for the browser's.
  Object.defineProperty(tree, 'scrollTop', { value: 0, writable: true });
  return {
    word,
    names: view.projects.map((project) => project.name),
    typed,
    rehearsal,
    /** Selects the row with `key`, as a click or an arrow key would. */
    select: (key: string) => (shown.selectedKey = key),
    activeDescendant: () => tree.getAttribute('aria-activedescendant'),
    /** Scrolls the tree to `top` as the browser does: the position, then the scroll event. */
    scrollTo: (top: number) => {
      tree.scrollTop = top;
      tree.dispatchEvent(new Event('scroll'));
      flushSync();
    },
    /** Each slot's place in the list (its top, in rows of 30 px), in the page's slot order. */
    places: () =>
      [...target.querySelectorAll<HTMLElement>('.row.line')].map((line) => Number.parseFloat(line.style.top) / 30),
    owned: () => tree.getAttribute('aria-owns')?.split(' ') ?? [],
    /** Slots hidden whole, header and line: parked until the fill. */
    parked: () =>
      [...target.querySelectorAll<HTMLElement>('.row.line[hidden]')].filter(
        (line) => line.previousElementSibling?.hasAttribute('hidden') === true,
      ),
    /** The ids of `count` rows of a list from its row `first` on: the order assistive tech reads. */
    ids: (from: Rows, first: number, count: number) =>
      Array.from({ length: count }, (_, at) => rowElementId(from.at(first + at) as Row)),
  };
}

/** Waits for `count` animation frames, then for Svelte's updates. */
async function frames(count: number): Promise<void> {
  for (let at = 0; at < count; at++) await new Promise((resolve) => requestAnimationFrame(resolve));
  flushSync();
}

/** The stretch of `whole` as long as `part` from where `part`'s first item is: `part` itself if it is there whole and in order. */
const runOf = (whole: string[], part: string[]) =>
  whole.slice(whole.indexOf(part[0] ?? ''), whole.indexOf(part[0] ?? '') + part.length);

describe('the tree, scrolled', () => {
  it('hands only the rows that come on screen to slots: the rows that stay run nothing again', () => {
    // Outside the page, as the warm-up's rehearsal is.
    const outside = document.createElement('div');
    const { typed, word, rehearsal, scrollTo, places, owned, parked, ids } = mountTree(outside);
    const rows = typed(word.slice(0, 2));
    expect(rows.length).toBeGreaterThan(100);

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

    // A new list (the next key) at the same place: every slot shows its row of the new list
    // at once (outside the page, the rehearsal has no frames to wait for).
    const next = typed(word.slice(0, 3));
    expect(next.length).toBeGreaterThan(100);
    rehearsal.show(next, '');
    expect(parked()).toEqual([]);
    expect(owned()).toEqual(ids(next, 8, slots));
    expect(places().toSorted((a, b) => a - b)).toEqual(Array.from({ length: slots }, (_, at) => 8 + at));
    rehearsal.end();
  });

  it('in the page, a new list shows the rows on screen at once and the overscan’s two frames later', async () => {
    const target = document.body.appendChild(document.createElement('div'));
    const { typed, word, names, rehearsal, select, activeDescendant, scrollTo, places, owned, parked, ids } = mountTree(
      target,
      true,
    );
    // In the page, the first screen's overscan comes after its first frame.
    await frames(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    scrollTo(360);
    const slots = places().length;
    expect(owned()).toEqual(ids(typed(word.slice(0, 2)), 8, slots));

    // The next key: the rows on screen (12 to 25: 400 px, unmeasured) are its rows, in order;
    // the overscan's slots whose rows change are parked: hidden, without ids, not owned.
    vi.clearAllMocks();
    const next = typed(word.slice(0, 3));
    rehearsal.show(next, '');
    const screen = ids(next, 12, 14);
    expect(runOf(owned(), screen)).toEqual(screen);
    expect(parked().length).toBeGreaterThan(0);
    for (const line of parked()) {
      expect(line.querySelector('[id]')).toBeNull();
      expect(line.previousElementSibling?.id).toBe('');
    }
    expect(owned().length + parked().length).toBe(slots);
    // Only rows handed to slots on screen read anything.
    expect(vi.mocked(actions.timing).mock.calls.length).toBeGreaterThan(0);
    expect(vi.mocked(actions.timing).mock.calls.length).toBeLessThanOrEqual(14);

    // Another key before the fill, then a scroll: the rows on screen are always the list's.
    const after = typed(word.slice(0, 4));
    rehearsal.show(after, '');
    expect(runOf(owned(), ids(after, 12, 14))).toEqual(ids(after, 12, 14));
    scrollTo(480);
    expect(runOf(owned(), ids(after, 16, 14))).toEqual(ids(after, 16, 14));
    expect(parked().length).toBeGreaterThan(0);

    // The fill: every slot holds its row of the list.
    await frames(2);
    expect(parked()).toEqual([]);
    expect(owned()).toEqual(ids(after, 12, slots));
    expect(places().toSorted((a, b) => a - b)).toEqual(Array.from({ length: slots }, (_, at) => 12 + at));

    // The slot that will hold the selected row, off screen, is not parked: it is shown, and the
    // tree's active descendant.
    const again = typed(word.slice(0, 2));
    const chosen = again.at(33) ?? expect.unreachable();
    select(chosen.key);
    rehearsal.show(again, '');
    expect(parked().length).toBeGreaterThan(0);
    expect(document.getElementById(rowElementId(chosen))).not.toBeNull();
    expect(activeDescendant()).toBe(rowElementId(chosen));
    await frames(2);

    // A list that gets shorter while scrolled near its end: the rows the browser's clamped
    // position shows are not parked (the scroll event with that position comes a frame later).
    const near = names.map((name) => typed(name)).find((found) => found.length >= 16 && found.length <= 24);
    if (!near) expect.unreachable('no name finds 16 to 24 rows');
    rehearsal.show(near, '');
    expect(parked()).toEqual([]);
    expect(owned()).toEqual(ids(near, 12, near.length - 12));
    select('');

    // A short list (here one that finds nothing) leaves slots empty; a long one after it has
    // its screen's rows at once and fills the rest at the fill.
    scrollTo(0);
    const short = typed('zqxjk');
    rehearsal.show(short, '');
    expect(short.length).toBeLessThan(slots);
    const long = typed(word.slice(0, 2));
    rehearsal.show(long, '');
    expect(owned()).toEqual(expect.arrayContaining(ids(long, 0, 14)));
    await frames(2);
    expect(owned()).toEqual(ids(long, 0, slots));

    // Ended with a fill waiting: the fill's frame is cancelled.
    const cancel = vi.spyOn(window, 'cancelAnimationFrame');
    rehearsal.show(next, '');
    rehearsal.end();
    expect(cancel).toHaveBeenCalled();
    cancel.mockRestore();
    await frames(2);
    expect(target.querySelector('[role="tree"]')).toBeNull();
  });

  it('in the page, a key keeps each row still on screen in the element that showed it: it only moves', async () => {
    const target = document.body.appendChild(document.createElement('div'));
    const { typed, word, names, rehearsal, owned, ids } = mountTree(target, true);
    await frames(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Two lists of which the second shows some of the first's screen rows, at other places.
    const pairs = names.flatMap((name) => {
      const [a, b] = [typed(name.slice(0, 3)), typed(name.slice(0, 5))];
      const before = ids(a, 0, Math.min(14, a.length));
      const after = ids(b, 0, Math.min(14, b.length));
      const moved = after.filter((id, at) => before.includes(id) && before.indexOf(id) !== at);
      return moved.length >= 2 && after.length > moved.length
        ? [{ a, b, text: name.slice(0, 5), before, after, moved }]
        : [];
    });
    const { a, b, text, before, after, moved } = pairs[0] ?? expect.unreachable(`no two lists of “${word}…” move rows`);
    rehearsal.show(a, '');
    await frames(2);
    const lineOf = (id: string) => document.getElementById(id)?.closest('.row') ?? expect.unreachable(id);
    const lines = new Map(before.map((id) => [id, lineOf(id)]));

    vi.clearAllMocks();
    rehearsal.show(b, '');
    expect(runOf(owned(), after)).toEqual(after);
    for (const id of moved) {
      expect(lineOf(id), id).toBe(lines.get(id));
      expect(Number.parseFloat((lineOf(id) as HTMLElement).style.top) / 30).toBe(after.indexOf(id));
    }
    // Only the rows new to the screen (or made anew by the list) read anything.
    const kept = new Set(before.map((_, at) => a.at(at)));
    const made = after.filter((_, at) => !kept.has(b.at(at))).length;
    expect(vi.mocked(actions.timing).mock.calls.length).toBeLessThanOrEqual(made);
    expect(made).toBeLessThan(after.length);

    // A new list that shows the same rows (a key that narrows nothing on screen) leaves the page alone.
    await frames(2);
    const changes = new MutationObserver(() => {});
    changes.observe(target, { subtree: true, attributes: true, characterData: true, childList: true });
    vi.clearAllMocks();
    const again = typed(text);
    expect(again).not.toBe(b);
    rehearsal.show(again, '');
    expect(changes.takeRecords()).toEqual([]);
    expect(actions.timing).not.toHaveBeenCalled();
    rehearsal.end();
  });
});
