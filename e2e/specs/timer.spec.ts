import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { runningAtToggl, signIn } from '../support/app-page';
import { OUTBOX_DRAIN } from '../support/timeouts';

async function selectProject(page: Page, name: string) {
  const row = page.getByRole('tree').getByRole('treeitem', { name, exact: true });
  await row.click();
  return row;
}

test('a timer started on a row ticks in the header, stops there, and continues from the recent entries', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const row = await selectProject(page, 'Website redesign');
  await row.getByRole('button', { name: 'Start timer' }).click();

  const running = page.getByRole('region', { name: 'Running entry' });
  await expect(running).toContainText('Website redesign');
  // In the popover's header, with the totals.
  await expect(page.locator('header').getByRole('region', { name: 'Running entry' })).toBeVisible();
  await expect(page.locator('header').getByTestId('tracked-totals')).toBeVisible();
  const elapsed = running.getByLabel('Elapsed time');
  const first = await elapsed.textContent();
  // It ticks once a second.
  await expect.poll(() => elapsed.textContent()).not.toBe(first);
  await expect.poll(() => runningAtToggl(sandbox).length).toBe(1);
  // The row says so: its button stops it.
  await expect(row.getByRole('button', { name: 'Stop timer' })).toBeVisible();

  await running.getByRole('button', { name: 'Stop timer' }).click();
  await expect(running).toHaveCount(0);
  await expect.poll(() => runningAtToggl(sandbox).length).toBe(0);

  const recent = page.getByRole('list', { name: 'Recent entries' });
  await recent.getByRole('button', { name: 'Continue' }).first().click();
  await expect(page.getByRole('region', { name: 'Running entry' })).toBeVisible();
  await expect.poll(() => runningAtToggl(sandbox).length).toBe(1);
  await expect(page.getByTestId('tracked-totals')).toContainText('Today');
});

test('offline: start on one project, switch to another, stop, continue by keyboard, stop; once Toggl is back it has all three, one after the other', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  await sandbox.setDown(true);
  await (await selectProject(page, 'Website redesign')).getByRole('button', { name: 'Start timer' }).click();
  const running = page.getByRole('region', { name: 'Running entry' });
  await expect(running).toContainText('Website redesign');
  await (await selectProject(page, 'Mobile app')).getByRole('button', { name: 'Start timer' }).click();
  await expect(running).toContainText('Mobile app');
  await running.getByRole('button', { name: 'Stop timer' }).click();
  await expect(running).toHaveCount(0);

  // Still offline, by keyboard alone: Continue on the latest entry (described by what it continues), then Stop.
  const latest = page.getByRole('list', { name: 'Recent entries' }).getByRole('button', { name: 'Continue' }).first();
  await expect(latest).toHaveAccessibleDescription(/Mobile app/);
  await latest.focus();
  await page.keyboard.press('Enter');
  await expect(running).toContainText('Mobile app');
  const stop = running.getByRole('button', { name: 'Stop timer' });
  await stop.focus();
  await page.keyboard.press('Enter');
  await expect(running).toHaveCount(0);

  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const ours = () =>
    [...sandbox.state.timeEntries.values()].filter(
      (entry) => entry.server_deleted_at === null && entry.created_with === 'Toggl Tray',
    );
  await expect.poll(() => ours().length, { timeout: OUTBOX_DRAIN }).toBe(3);
  const entries = ours().sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
  expect(entries.map((entry) => entry.stop === null)).toEqual([false, false, false]);
  // Each ends no later than the next begins (a switch: exactly there): no second counted twice.
  const [a, b, c] = entries;
  expect(a?.stop).toBe(b?.start);
  expect(Date.parse(b?.stop ?? '')).toBeLessThanOrEqual(Date.parse(c?.start ?? ''));
  // The continued entry is on the project it continued.
  expect(c?.project_id).toBe(b?.project_id);
  expect(c?.project_id).not.toBe(a?.project_id);
});

test('by keyboard alone: describe the next timer, start it with Ctrl+Enter, rename and move it in its dialog', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  await selectProject(page, 'Website redesign');
  const box = page.getByRole('textbox', { name: 'Description of the next timer' });
  await box.focus();
  await page.keyboard.type('Hero section', { delay: 15 });
  await page.keyboard.press('ControlOrMeta+Enter');
  const running = page.getByRole('region', { name: 'Running entry' });
  await expect(running).toContainText('Hero section');
  await expect(running).toContainText('Website redesign');
  await expect.poll(() => runningAtToggl(sandbox)[0]?.description).toBe('Hero section');

  const edit = running.getByRole('button', { name: 'Edit running entry' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit running entry' });
  const description = dialog.getByRole('textbox', { name: 'Description' });
  await expect(description).toBeFocused();
  // Escape closes it, changes nothing, and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(edit).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(description).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Hero copy', { delay: 15 });
  await page.keyboard.press('Tab');
  const project = dialog.getByRole('combobox', { name: 'Project' });
  await expect(project).toBeFocused();
  // A closed select takes the first letters of an option, as people pick one by keyboard.
  await page.keyboard.type('Mobile', { delay: 15 });
  await expect(project.locator('option:checked')).toHaveText(/^Mobile app/);
  await page.keyboard.press('Shift+Tab');
  await expect(description).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(running).toContainText('Hero copy');
  await expect(running).toContainText('Mobile app');
  await expect
    .poll(() => {
      const [entry] = runningAtToggl(sandbox);
      const mobile = [...sandbox.state.projects.values()].find((item) => item.name === 'Mobile app');
      return entry?.description === 'Hero copy' && entry.project_id === mobile?.id;
    })
    .toBe(true);
  // Still one running entry: an edit is no new timer.
  expect(runningAtToggl(sandbox)).toHaveLength(1);
});
