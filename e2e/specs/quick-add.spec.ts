import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { onToggl, runningAtToggl, signIn } from '../support/app-page';
import { OUTBOX_DRAIN } from '../support/timeouts';

// Quick add (README, "Quick add"): typed key by key into the search box, as a person types,
// by keyboard alone; the preview is read before every Enter.

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search projects and tasks' });
const preview = (page: Page) => page.getByRole('status', { name: 'Quick add' });
const item = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

/** Focuses the search box with "/" (as a keyboard user does) and types `line` a key at a time. */
async function typeLine(page: Page, line: string): Promise<void> {
  await page.getByRole('tree').focus();
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await searchBox(page).pressSequentially(line, { delay: 15 });
}

test('Enter makes the task the preview names, with its estimate; the new row is selected, focus stays in the box', async ({
  app: { page },
  sandbox,
}) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  // Always in the page, empty while the box holds no quick-add.
  await expect(preview(page)).toHaveText('');
  await typeLine(page, '+Fix login bug @webiste redesgn ~2h');
  await expect(preview(page)).toHaveText('New task “Fix login bug” in Website redesign · est. 2 h');
  // A quick-add searches nothing: the list still shows every project.
  await expect(item(page, 'Mobile app')).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(searchBox(page)).toHaveValue('');
  await expect(preview(page)).toHaveText('');
  await expect(searchBox(page)).toBeFocused();
  const row = item(page, 'Fix login bug');
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => toggl.task('Fix login bug')?.estimated_seconds).toBe(7200);
  expect(toggl.task('Fix login bug')?.project_id).toBe(toggl.project('Website redesign')?.id);
});

test('Shift+Enter makes a project for the client the words name, and starts a timer on it', async ({
  app: { page },
  sandbox,
}) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  await typeLine(page, '+Onboarding flow @acme');
  await expect(preview(page)).toHaveText('New project “Onboarding flow” for Acme Corp');
  await page.keyboard.press('Shift+Enter');
  await expect(searchBox(page)).toHaveValue('');
  await expect(searchBox(page)).toBeFocused();
  await expect(item(page, 'Onboarding flow')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Running entry' })).toContainText('Onboarding flow');
  await expect
    .poll(() => toggl.project('Onboarding flow')?.client_id)
    .toBe([...sandbox.state.clients.values()].find((client) => client.name === 'Acme Corp')?.id);
  await expect.poll(() => runningAtToggl(sandbox)[0]?.project_id).toBe(toggl.project('Onboarding flow')?.id);
});

test('Tab takes the @ completion while one shows, then moves focus as always; where Enter would refuse it does nothing', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  await typeLine(page, '+Hero copy @mob');
  await expect(preview(page)).toHaveText('New task “Hero copy” in Mobile app');
  await page.keyboard.press('Tab');
  await expect(searchBox(page)).toHaveValue('+Hero copy @Mobile app');
  await expect(searchBox(page)).toBeFocused();
  // Nothing left to complete: Tab leaves the box.
  await page.keyboard.press('Tab');
  await expect(searchBox(page)).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(searchBox(page)).toBeFocused();

  // A Free workspace's project: the preview says why, and Enter leaves the line as it is.
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await searchBox(page).pressSequentially('+Plant beds @garden', { delay: 15 });
  await expect(preview(page)).toHaveText('Tasks need a paid plan in “Side projects”.');
  await page.keyboard.press('Enter');
  await expect(searchBox(page)).toHaveValue('+Plant beds @garden');
  await searchBox(page).pressSequentially(' @x', { delay: 15 });
  await expect(preview(page)).toHaveText('Give one @ place (this line has 2).');
  expect(onToggl(sandbox).task('Plant beds')).toBeUndefined();
});

test('offline a quick-add queues like a form (pending, its timer too); back online, Refresh sends them', async ({
  app: { page },
  sandbox,
}) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  await sandbox.setDown(true);
  await typeLine(page, '+Offline notes @mobile app ~45m');
  await expect(preview(page)).toHaveText('New task “Offline notes” in Mobile app · est. 45 min');
  await page.keyboard.press('Shift+Enter');
  await expect(searchBox(page)).toHaveValue('');
  await expect(searchBox(page)).toBeFocused();
  const row = item(page, 'Offline notes');
  await expect(row).toHaveAccessibleDescription(/change waiting to reach Toggl/);
  await expect(page.getByRole('region', { name: 'Running entry' })).toContainText('Offline notes');

  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => toggl.task('Offline notes')?.estimated_seconds, { timeout: OUTBOX_DRAIN }).toBe(2700);
  await expect.poll(() => runningAtToggl(sandbox)[0]?.task_id).toBe(toggl.task('Offline notes')?.id);
  await expect(row).not.toHaveAccessibleDescription(/change waiting/);
});
