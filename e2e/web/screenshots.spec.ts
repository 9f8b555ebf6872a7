// The README's screenshots (docs/screenshots: sign-in, list, search, quick add, a form, members), made in
// the browser shell against the sandbox.
// `npm run screenshots` writes them; every e2e run compares them loosely, so a change in how
// the popover looks shows up here, while small font differences do not fail it.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signIn } from '../support/app-page';

test.skip(process.platform !== 'linux', 'the screenshots are made on Linux: fonts elsewhere differ');

const loosely = { maxDiffPixelRatio: 0.03, threshold: 0.3 } as const;

async function shoot(page: Page, name: string): Promise<void> {
  // No hover highlight from wherever the pointer was left.
  await page.mouse.move(0, 0);
  await expect(page).toHaveScreenshot(name, loosely);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the popover, ${scheme}`, async ({ app: { page } }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await shoot(page, `sign-in-${scheme}.png`);
    await signIn(page);
    const tree = page.getByRole('tree');
    await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Demo Studio' });
    await tree.getByRole('treeitem', { name: 'Website redesign', exact: true }).click();
    await page.keyboard.press('ArrowRight');
    await shoot(page, `list-${scheme}.png`);

    await page.getByRole('searchbox', { name: 'Search projects and tasks' }).pressSequentially('mobil onbord');
    await shoot(page, `search-${scheme}.png`);
    await page.keyboard.press('Escape');

    await page
      .getByRole('searchbox', { name: 'Search projects and tasks' })
      .pressSequentially('+Fix login bug @webiste redesgn ~2h');
    await expect(page.getByRole('status', { name: 'Quick add' })).toContainText('Website redesign');
    await shoot(page, `quick-add-${scheme}.png`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('dialog', { name: 'New project' }).getByRole('textbox', { name: 'Name' }).fill('Launch plan');
    await shoot(page, `form-${scheme}.png`);
    await page.keyboard.press('Escape');

    await tree.getByRole('treeitem', { name: 'Mobile app', exact: true }).click();
    await page.keyboard.press('ControlOrMeta+m');
    await expect(page.getByRole('dialog', { name: 'Members of “Mobile app”' }).getByText('Sam Teammate')).toBeVisible();
    await shoot(page, `members-${scheme}.png`);
  });
}
