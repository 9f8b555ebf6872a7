// A row that leaves the list (archived, done, deleted) takes neither the selection nor focus
// with it: focus is on the list, on the next row (the one before when it was the last), or on
// the search box when nothing is left; never on the page's body (issue #21, item 10).
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signIn } from '../support/app-page';

const itemIn = (page: Page) => (name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

/** Focus is on the list, and the row it points at (its active descendant) is `name`. */
async function expectFocusOnRow(page: Page, name: string): Promise<void> {
  const tree = page.getByRole('tree');
  const row = itemIn(page)(name);
  await expect(tree).toBeFocused();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(tree).toHaveAttribute('aria-activedescendant', (await row.getAttribute('id')) ?? 'no id');
}

async function showWorkspace(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: name });
}

test('archive by keyboard (Ctrl/Cmd+E): focus is on the next row', async ({ app: { page } }) => {
  await signIn(page);
  await showWorkspace(page, 'Demo Studio');
  const item = itemIn(page);
  await item('Hiring').click();
  await page.keyboard.press('ControlOrMeta+e');
  await expect(item('Hiring')).toHaveCount(0);
  await expectFocusOnRow(page, 'Internal tools');
});

test('archive with the row’s button, on the last row: focus is on the row before it', async ({ app: { page } }) => {
  await signIn(page);
  await showWorkspace(page, 'Demo Studio');
  const item = itemIn(page);
  await item('Internal tools').click();
  await item('Internal tools').getByRole('button', { name: 'Archive' }).click();
  await expect(item('Internal tools')).toHaveCount(0);
  await expectFocusOnRow(page, 'Hiring');
});

test('done with a task’s checkbox: focus is on the next row; Undo leaves it on the list', async ({ app: { page } }) => {
  await signIn(page);
  await showWorkspace(page, 'Demo Studio');
  const item = itemIn(page);
  await item('Website redesign').click();
  await page.keyboard.press('ArrowRight');
  // Its open tasks by name: Accessibility review, Visual design; then the next project.
  await item('Visual design').getByRole('checkbox', { name: 'Done' }).click();
  await expect(item('Visual design')).toHaveCount(0);
  await expectFocusOnRow(page, 'Mobile app');
  // Undo brings it back; its toast goes, and focus with it to the list.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(item('Visual design')).toBeVisible();
  await expect(page.getByRole('tree')).toBeFocused();
});

test('delete after confirming by keyboard: focus is on the next row', async ({ app: { page } }) => {
  await signIn(page);
  await showWorkspace(page, 'Demo Studio');
  const item = itemIn(page);
  await item('Website redesign').click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete project' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(item('Website redesign')).toHaveCount(0);
  await expectFocusOnRow(page, 'Mobile app');
});

test('the only row archived: focus is on the search box', async ({ app: { page } }) => {
  await signIn(page);
  await showWorkspace(page, 'Dana Consulting');
  const item = itemIn(page);
  await item('Security audit').click();
  await page.keyboard.press('ControlOrMeta+e');
  await expect(page.getByText('No active projects here.')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search projects and tasks' })).toBeFocused();
});
