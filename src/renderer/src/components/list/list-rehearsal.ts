import { flushSync, mount, unmount } from 'svelte';
import type { RowActions } from '../../lib/list/actions';
import { RehearsalList, type ListRehearsal } from '../../lib/rehearsal-list.svelte';
import { HIGHLIGHT_CONTEXT } from '../../lib/list/search-highlight';
import ProjectTree from './ProjectTree.svelte';

/**
 * The list's own tree and rows, mounted on an element outside the page, updated by the idle
 * warm-up's keys (DataState.#warmUp). V8 compiles code once it has run a while: the warm-up's
 * search alone left the code that updates rows cold, and a person's first query after a load
 * compiled some 150 functions (Svelte's and the rows') as they typed it, its keys slower than
 * the same keys later. Outside the page it is never laid out or painted, its ids clash with
 * none, assistive tech never meets it, and its search hits are marked in a highlight of its
 * own, not the page's. Its rows only read through the actions (nobody can click them); while
 * mounted, a warm-up's few seconds, they follow the timer and the rights as the list's do.
 */
export function listRehearsal(
  actions: RowActions,
  lockedReason: (wid: number, projectId: number) => string | null,
  /** Where the tree is mounted: an element that is not in the page. */
  target: HTMLElement = document.createElement('div'),
): ListRehearsal {
  let shown: { list: RehearsalList; tree: ReturnType<typeof mount> } | null = null;
  return {
    show(rows, searched) {
      if (!shown) {
        const list = new RehearsalList();
        const context = new Map([[HIGHLIGHT_CONTEXT, typeof Highlight === 'function' ? new Highlight() : null]]);
        const props = { data: list, actions, lockedReason };
        shown = { list, tree: mount(ProjectTree, { target, props, context }) };
      }
      shown.list.rows = rows;
      shown.list.searched = searched;
      // Within the idle callback that made the rows, as a person's key updates the list at once.
      flushSync();
    },
    end() {
      if (shown) void unmount(shown.tree);
      shown = null;
    },
  };
}
