// Searching as people type: key by key, with typos, and the best match listed first.
import { expect, test } from '../fixtures';
import { signIn } from '../support/app-page';
import { treeItemNames as listed } from '../support/tree-order';

test('typed key by key with typos, a query finds the project and the task it means', async ({ app: { page } }) => {
  await signIn(page);
  const search = page.getByRole('searchbox', { name: 'Search projects and tasks' });

  // Two typos: letters swapped in the first word, one missing in the second.
  await search.pressSequentially('moblie onbording');
  await expect(page.getByRole('treeitem', { name: 'Onboarding flow' })).toBeVisible();
  expect(await listed(page)).toEqual(['Mobile app', 'Onboarding flow']);

  // A swap in the first letters, typed one key at a time; the task is done, so done tasks are shown.
  await search.clear();
  await page.getByRole('checkbox', { name: 'Show done tasks' }).check();
  await search.pressSequentially('wrieframes');
  await expect(page.getByRole('treeitem', { name: 'Wireframes' })).toBeVisible();
  expect(await listed(page)).toEqual(['Website redesign', 'Wireframes']);
});

test('the best match comes first: a whole word before a word that only contains it', async ({ app: { page } }) => {
  await signIn(page);
  // "design" is a word of "Visual design"; the project "Website redesign" (and so each of its
  // tasks) only contains it. In name order "Accessibility review" would come first.
  await page.getByRole('searchbox', { name: 'Search projects and tasks' }).pressSequentially('design');
  await expect(page.getByRole('treeitem', { name: 'Visual design' })).toBeVisible();
  expect(await listed(page)).toEqual(['Website redesign', 'Visual design', 'Accessibility review']);
});
