import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signIn } from '../support/app-page';

/** axe on the page as it is now: WCAG 2.1 A and AA, no violations allowed. */
async function checkView(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = violations.map((violation) => ({
    view,
    rule: violation.id,
    help: violation.help,
    where: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(found, `${view}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every view passes axe (${scheme})`, async ({ app: { page } }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await checkView(page, 'sign-in with a token');
    await page.getByRole('button', { name: 'Use email and password' }).click();
    await checkView(page, 'sign-in with email and password');
    await page.getByRole('button', { name: 'Use an API token' }).click();

    await signIn(page);
    await checkView(page, 'the list');
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem', { name: 'Website redesign', exact: true }).click();
    await page.keyboard.press('ArrowRight');
    await checkView(page, 'the list, a project open and selected');

    await page.getByRole('searchbox', { name: 'Search projects and tasks' }).pressSequentially('wirefram');
    await checkView(page, 'search results');
    await page.getByRole('searchbox', { name: 'Search projects and tasks' }).pressSequentially('zzz');
    await checkView(page, 'nothing matches');
    await page.getByRole('button', { name: 'Clear search' }).click();

    await page.getByRole('button', { name: 'New project' }).click();
    await checkView(page, 'new project form');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New task' }).click();
    await checkView(page, 'new task form');
    await page.keyboard.press('Escape');

    const internal = tree.getByRole('treeitem', { name: 'Internal tools', exact: true });
    await internal.click();
    await internal.getByRole('button', { name: 'Delete' }).click();
    await checkView(page, 'delete confirmation');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await internal.click();
    await internal.getByRole('button', { name: 'Archive' }).click();
    await checkView(page, 'undo toast');

    await page.getByRole('button', { name: 'Settings' }).click();
    await checkView(page, 'settings');
  });
}
