import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { tabTo } from '../support/dialog-focus';
import { signIn } from '../support/app-page';
import { OUTBOX_DRAIN } from '../support/timeouts';

// Project details and progress (issue 22, items 1 and 2), as a keyboard user does them: New
// project, Details opened by keyboard, an estimate and dates typed key by key, a wrong value
// told beside its field, saved offline, then sent when Toggl is back; the row shows the
// progress and the passed end date, and says them to assistive tech.

const item = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

/** A row's facts beside it (hidden from assistive tech, which hears them as its description). */
const facts = (row: Locator) => row.locator('xpath=..').locator('.accessory');

/**
 * Moves selection and pointer off `row`, whose facts (progress, end) show only while it is
 * neither selected nor hovered (its actions take their place then).
 */
async function lookAway(page: Page, row: Locator): Promise<void> {
  await page.mouse.move(0, 0);
  await page.getByRole('tree').focus();
  await page.keyboard.press('Home');
  if ((await row.getAttribute('aria-selected')) === 'true') await page.keyboard.press('End');
  await expect(row).not.toHaveAttribute('aria-selected', 'true');
}

/** Empties the focused field and types `text` one key at a time. */
async function retype(page: Page, field: Locator, text: string): Promise<void> {
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 15 });
}

test('a new project with an estimate and dates, by keyboard, offline then online: the row shows its progress and that it ended', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const posts = () => sandbox.countRequests((request) => request.method === 'POST' && /\/projects$/.test(request.path));
  const made = () => [...sandbox.state.projects.values()].find((project) => project.name === 'Launch plan');

  await page.getByRole('tree').focus();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog).toBeVisible();
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Launch plan', { delay: 15 });

  // Details is folded until asked for; Enter on its button opens it.
  // Exact names: the button's drawn arrow is not part of its name.
  const toggle = dialog.getByRole('button', { name: 'Details', exact: true });
  const details = dialog.getByRole('group', { name: 'Details', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(details).toBeHidden();
  await tabTo(page, toggle);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(details).toBeVisible();
  await expect(details.getByRole('checkbox', { name: 'Template' })).toBeEnabled();
  await expect(details.getByRole('combobox', { name: 'From template' })).toBeVisible();

  const estimate = details.getByRole('textbox', { name: 'Estimate (hours)' });
  const start = details.getByRole('textbox', { name: 'Start date' });
  const end = details.getByRole('textbox', { name: 'End date' });
  await page.keyboard.press('Tab');
  await retype(page, estimate, '0');
  await tabTo(page, start);
  await retype(page, start, '2020-11-10');
  await page.keyboard.press('Tab');
  await retype(page, end, '2020-11-03');

  // Saved with a wrong estimate and an end before the start: told beside each, focus on the first, nothing lost.
  await sandbox.setDown(true);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(estimate).toBeFocused();
  await expect(estimate).toHaveAttribute('aria-invalid', 'true');
  await expect(estimate).toHaveAccessibleDescription('The estimate must be above zero hours.');
  await expect(end).toHaveAccessibleDescription('The end date is before the start date (2020-11-10).');
  await expect(name).toHaveValue('Launch plan');

  await retype(page, estimate, '40');
  await tabTo(page, start);
  await retype(page, start, '2020-10-01');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  // Shown at once, waiting for Toggl: no time tracked yet, 40 h estimated, ended on 3 Nov 2020.
  const row = item(page, 'Launch plan');
  await expect(row).toBeVisible();
  await expect(row).toHaveAccessibleDescription(
    '0 h tracked of 40 h estimated, ended 3 Nov 2020, change waiting to reach Toggl',
  );
  await lookAway(page, row);
  await expect(facts(row).getByText('0 h of 40 h', { exact: true })).toBeVisible();
  await expect(facts(row).getByText('ended 3 Nov 2020', { exact: true })).toBeVisible();
  expect(posts()).toBe(0);

  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => made()?.estimated_hours, { timeout: OUTBOX_DRAIN }).toBe(40);
  expect(made()).toMatchObject({ start_date: '2020-10-01', end_date: '2020-11-03' });
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Synced');
  await expect(row).toHaveAccessibleDescription('0 h tracked of 40 h estimated, ended 3 Nov 2020');
  expect(posts()).toBe(1);
});

test('an estimate below the time already tracked shows plainly: the bar full in the warning colour, the text over', async ({
  app: { page },
}) => {
  await signIn(page);
  const row = item(page, 'Website redesign');
  await row.click();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit project' });
  await expect(dialog).toBeVisible();
  const toggle = dialog.getByRole('button', { name: 'Details' });
  await tabTo(page, toggle);
  await page.keyboard.press('Space');
  const estimate = dialog.getByRole('group', { name: 'Details' }).getByRole('textbox', { name: 'Estimate (hours)' });
  await page.keyboard.press('Tab');
  await retype(page, estimate, '6');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  // Its tasks hold 8 h 30 min: over 6 h.
  await expect(row).toHaveAccessibleDescription(
    /^Acme Corp, 2 open tasks, 8 h \d+ min tracked of 6 h estimated, over the estimate/,
  );
  await lookAway(page, row);
  await expect(facts(row).getByText(/^8 h \d+ min of 6 h$/)).toBeVisible();
  const bar = facts(row).locator('.bar');
  await expect(bar).toHaveClass(/over/);
  await expect(bar.locator('span')).toHaveAttribute('style', /width: 100%/);
});

test('a recurring period and a new rate with what it applies to, by keyboard, offline then online: Toggl gets both once', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const onToggl = () => [...sandbox.state.projects.values()].find((project) => project.name === 'Website redesign');
  const puts = () =>
    sandbox.countRequests((request) => request.method === 'PUT' && /\/projects\/\d+$/.test(request.path));
  await item(page, 'Website redesign').click();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit project' });
  await expect(dialog).toBeVisible();
  const toggle = dialog.getByRole('button', { name: 'Details' });
  await tabTo(page, toggle);
  await page.keyboard.press('Enter');
  const details = dialog.getByRole('group', { name: 'Details' });

  // "Rate applies to" is asked only once the rate is a new one.
  const rate = details.getByRole('textbox', { name: 'Hourly rate' });
  const applies = details.getByRole('combobox', { name: 'Rate applies to' });
  await expect(applies).toHaveCount(0);
  await tabTo(page, rate);
  await retype(page, rate, '120');
  await expect(applies).toBeVisible();
  await expect(applies).toHaveValue('override-current');
  await tabTo(page, applies);
  // Typing a letter picks the option it starts with: "From today on (start-today)".
  await page.keyboard.type('F');
  await expect(applies).toHaveValue('start-today');

  // Recurring on: Period, then a custom one's days, then where it recurs from.
  const recurring = details.getByRole('checkbox', { name: 'Recurring' });
  await tabTo(page, recurring);
  await page.keyboard.press('Space');
  const period = details.getByRole('combobox', { name: 'Period' });
  await tabTo(page, period);
  await page.keyboard.type('C');
  await expect(period).toHaveValue('custom');
  const days = details.getByRole('textbox', { name: 'Every (days)' });
  await page.keyboard.press('Tab');
  await retype(page, days, '0');
  const from = details.getByRole('textbox', { name: 'Recurring from' });
  await page.keyboard.press('Tab');
  await retype(page, from, '2026-11-02');

  // A period of 0 days: told beside its field, focus on it, nothing sent.
  await sandbox.setDown(true);
  await page.keyboard.press('Enter');
  await expect(days).toBeFocused();
  await expect(days).toHaveAccessibleDescription('A custom period is a whole number of days from 1 to 365.');
  await retype(page, days, '14');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(puts()).toBe(0);

  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => onToggl()?.rate, { timeout: OUTBOX_DRAIN }).toBe(120);
  expect(onToggl()?.recurring_parameters).toEqual([
    expect.objectContaining({ period: 'custom', custom_period: 14, project_start_date: '2026-11-02' }),
  ]);
  expect(sandbox.state.rateChanges).toEqual([expect.objectContaining({ amount: 120, mode: 'start-today' })]);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Synced');
  expect(puts()).toBe(1);

  // Opened again: the period as Toggl keeps it; the rate unchanged, so no "applies to"; Escape closes.
  await item(page, 'Website redesign').click();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, toggle);
  await page.keyboard.press('Enter');
  await expect(period).toHaveValue('custom');
  await expect(days).toHaveValue('14');
  await expect(from).toHaveValue('2026-11-02');
  await expect(applies).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
