import type { Page } from '@playwright/test';

/**
 * The names of the tree's items in the order the tree lists them: its `aria-owns`, the order
 * assistive tech reads. The page keeps its rows in the order of their slots, which a new list
 * may hand other places (ProjectTree.svelte), so the page's order is not the list's.
 */
export const treeItemNames = (page: Page): Promise<string[]> =>
  page.getByRole('tree').evaluate((tree) =>
    (tree.getAttribute('aria-owns') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((element) => element?.getAttribute('role') === 'treeitem')
      .map((element) => element?.getAttribute('aria-label') ?? ''),
  );
