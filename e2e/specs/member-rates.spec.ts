import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { tabTo } from '../support/dialog-focus';
import { onToggl, signIn } from '../support/app-page';
import { expectNoAxeViolations } from '../support/axe';
import { OUTBOX_DRAIN } from '../support/timeouts';

// A member's rates (issue 22, item 4) as a keyboard user sets them: the Members dialog opened
// with Ctrl+M, a member's "Rates" opened with Enter, amounts typed key by key, a wrong one told
// beside its field, saved offline and sent when Toggl is back; Escape closes the rates, then the
// dialog. Where the user may not set rates, the fields are there, disabled, with the reason.

const item = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

/** Empties the focused field and types `text` one key at a time. */
async function retype(page: Page, field: Locator, text: string): Promise<void> {
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await field.pressSequentially(text, { delay: 15 });
}

async function openMembers(page: Page, project: string): Promise<Locator> {
  await item(page, project).click();
  await page.keyboard.press('ControlOrMeta+m');
  const dialog = page.getByRole('dialog', { name: `Members of “${project}”` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a member’s hourly rate and labor cost by keyboard, a wrong one told, offline then online; Escape closes the rates, then the dialog', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const mobileId = onToggl(sandbox).project('Mobile app')?.id;
  const sam = sandbox.state.userByEmail('sam@toggl-tray.test')?.id;
  const samOnToggl = () =>
    [...sandbox.state.projectUsers.values()].find((item) => item.project_id === mobileId && item.user_id === sam);
  const puts = () => sandbox.countRequests((request) => request.method === 'PUT' && /project_users/.test(request.path));

  const dialog = await openMembers(page, 'Mobile app');
  const row = dialog.getByRole('list', { name: 'Members' }).getByRole('listitem').filter({ hasText: 'Sam Teammate' });
  const toggle = row.getByRole('button', { name: 'Rates', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await tabTo(page, toggle);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const rates = dialog.getByRole('form', { name: 'Rates of Sam Teammate' });
  const rate = rates.getByRole('textbox', { name: 'Hourly rate' });
  const cost = rates.getByRole('textbox', { name: 'Labor cost' });
  await expect(rate).toBeFocused();

  // Wrong amounts: told beside each field, focus on the first, nothing sent.
  await retype(page, rate, '-5');
  await page.keyboard.press('Tab');
  await retype(page, cost, '40 EUR');
  await page.keyboard.press('Enter');
  await expect(rate).toBeFocused();
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(rate).toHaveAccessibleDescription('The hourly rate cannot be below zero.');
  await expect(cost).toHaveAccessibleDescription('Write the labor cost as a number, e.g. 85.50.');
  await expectNoAxeViolations(page, 'member rates with problems');

  // Fixed, and saved while Toggl is unreachable: shown at once, waiting.
  await sandbox.setDown(true);
  await retype(page, rate, '85,5');
  await page.keyboard.press('Tab');
  await retype(page, cost, '40');
  // Each new amount asks what it applies to (Toggl's default first); a letter picks "All time…".
  const rateApplies = rates.getByRole('combobox', { name: 'Rate applies to' });
  const costApplies = rates.getByRole('combobox', { name: 'Labor cost applies to' });
  await expect(costApplies).toHaveValue('override-current');
  await page.keyboard.press('Tab');
  await expect(rateApplies).toBeFocused();
  await page.keyboard.type('A');
  await expect(rateApplies).toHaveValue('override-all');
  await tabTo(page, rates.getByRole('button', { name: 'Save rates' }));
  await page.keyboard.press('Enter');
  await expect(rates).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(row).toContainText('85.5/h · cost 40/h');
  await expect(row.getByTitle('Waiting to reach Toggl')).toBeVisible();
  expect(puts()).toBe(0);

  // Escape closes the rates only (focus back on "Rates"), the next one the dialog.
  await page.keyboard.press('Enter');
  await expect(rate).toBeFocused();
  await expect(rate).toHaveValue('85.5');
  await page.keyboard.press('Escape');
  await expect(rates).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => samOnToggl()?.rate, { timeout: OUTBOX_DRAIN }).toBe(85.5);
  expect(samOnToggl()?.labor_cost).toBe(40);
  expect(sandbox.state.rateChanges.map(({ field, mode }) => [field, mode])).toEqual([
    ['rate', 'override-all'],
    ['labor_cost', 'override-current'],
  ]);
  expect(puts()).toBe(1);

  // Cleared: "none" again, on Toggl too.
  const again = await openMembers(page, 'Mobile app');
  await tabTo(page, again.getByRole('button', { name: 'Rates', exact: true }));
  await page.keyboard.press('Enter');
  const field = again.getByRole('textbox', { name: 'Hourly rate' });
  await retype(page, field, '');
  await page.keyboard.press('Enter');
  await expect(again.getByRole('list', { name: 'Members' })).toContainText('cost 40/h');
  await expect.poll(() => samOnToggl()?.rate).toBeNull();
});

test('where the user may not set rates the fields are disabled with the reason; a refusal from Toggl shows beside Retry and Discard', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  // Manager of "Newsletter" but not admin of its workspace: members yes, rates no.
  const newsletter = await openMembers(page, 'Newsletter');
  const samRow = newsletter.getByRole('listitem').filter({ hasText: 'Sam Teammate' });
  await samRow.getByRole('button', { name: 'Rates', exact: true }).click();
  const rates = newsletter.getByRole('form', { name: 'Rates of Sam Teammate' });
  const reason = 'Only admins set members’ rates in “Community (members)”.';
  await expect(rates.getByRole('textbox', { name: 'Hourly rate' })).toBeDisabled();
  await expect(rates.getByRole('textbox', { name: 'Hourly rate' })).toHaveAccessibleDescription(reason);
  await expect(rates.getByRole('button', { name: 'Save rates' })).toBeDisabled();
  await expect(rates.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(newsletter).toHaveCount(0);

  // The studio's plan lapsed on Toggl since the app last looked: Toggl refuses, in its words.
  const studio = [...sandbox.state.workspaces.values()].find((workspace) => workspace.name === 'Demo Studio');
  if (studio) studio.premium = false;
  const dialog = await openMembers(page, 'Mobile app');
  await dialog.getByRole('button', { name: 'Rates', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Hourly rate' }).pressSequentially('60');
  await page.keyboard.press('Enter');
  // Queued (the app still thinks the plan has rates): the rates close, focus on their button.
  await expect(dialog.getByRole('form')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Rates', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  const problem = page.getByRole('region', { name: 'Change not sent' });
  await expect(problem).toContainText('Project member rates available only for premium plans');
  await expect(problem.getByRole('button', { name: 'Retry' })).toBeVisible();
  await problem.getByRole('button', { name: 'Discard' }).click();
  await expect(problem).toHaveCount(0);
});
