// Every dialog by keyboard alone (issue #21, items 10 and 11): focus goes in when it opens,
// Tab and Shift+Tab never reach the page behind it, Escape closes it (after typing, after an
// Add or a Remove inside) and only the next Escape hides the popover, and focus goes back to
// what opened it. axe checks roles and contrast, not this (accessibility.spec.ts).
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { onToggl, signIn } from '../support/app-page';
import { dropFocusToBody, expectFocusToStayIn } from '../support/dialog-focus';
import { watchPopoverHidden } from '../support/popover-hides';
import { TOGGL_UNREACHABLE } from '../support/timeouts';

const itemIn = (page: Page) => (name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

test('New project: typed into, Tab stays inside, Escape closes it; focus is back on "New project"', async ({
  app: { page },
}) => {
  await signIn(page);
  const opener = page.getByRole('button', { name: 'New project' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Half a name');
  await expectFocusToStayIn(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('Edit project from the list by Enter: Escape after typing closes it; focus is back on the row', async ({
  app: { page },
}) => {
  await signIn(page);
  const row = itemIn(page)('Mobile app');
  await row.click();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit project' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' v2');
  await expectFocusToStayIn(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-selected', 'true');
});

test('New task: typed into, Tab stays inside, Escape closes it; focus is back on "New task"', async ({
  app: { page },
}) => {
  await signIn(page);
  await itemIn(page)('Mobile app').click();
  const opener = page.getByRole('button', { name: 'New task' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Store listing');
  await expectFocusToStayIn(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('Edit task from its Edit button: Escape after typing closes it; focus is back on that button', async ({
  app: { page },
}) => {
  await signIn(page);
  const item = itemIn(page);
  await item('Mobile app').click();
  await page.keyboard.press('ArrowRight');
  await item('Onboarding flow').click();
  const opener = item('Onboarding flow').getByRole('button', { name: 'Edit' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type(' (draft)');
  await expectFocusToStayIn(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('Delete asks in a dialog focus cannot leave; Escape keeps the project and the focus on it', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const row = itemIn(page)('Hiring');
  await row.click();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog', { name: 'Delete project' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectFocusToStayIn(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeFocused();
  expect(onToggl(sandbox).project('Hiring')).toBeDefined();
});

test('A conflict: the choice keeps focus inside; Escape goes back to Resolve, and settling it to the row', async ({
  app: { page },
  sandbox,
}) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  const item = itemIn(page);
  // Renamed here while Toggl is out of reach, and on Toggl meanwhile.
  await sandbox.setDown(true);
  await item('Mobile app').click();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit project' });
  await edit.getByRole('textbox', { name: 'Name' }).fill('Mobile (mine)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline', {
    timeout: TOGGL_UNREACHABLE,
  });
  const onServer = toggl.project('Mobile app');
  if (!onServer) throw new Error('the sandbox has no "Mobile app"');
  Object.assign(onServer, { name: 'Mobile (theirs)', at: new Date(Date.now() + 1000).toISOString() });
  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();

  const mine = item('Mobile (mine)');
  await mine.click();
  const resolve = mine.getByRole('button', { name: 'Resolve' });
  await resolve.click();
  const dialog = page.getByRole('dialog', { name: 'Changed on both sides' });
  await expect(dialog).toContainText('Mobile (theirs)');
  // The field as the form labels it, not its name in the code.
  await expect(dialog.getByRole('listitem')).toHaveText(/^Name: yours “Mobile \(mine\)”, Toggl's “Mobile \(theirs\)”$/);
  await expectFocusToStayIn(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(resolve).toBeFocused();

  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Keep mine' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => toggl.project('Mobile (mine)')?.id).toBeDefined();
  // The Resolve button went with the conflict: focus is on the list, on the same project.
  await expect(page.getByRole('tree')).toBeFocused();
  await expect(mine).toHaveAttribute('aria-selected', 'true');
});

test('Members: focus follows Add and Remove; Escape then closes the dialog, and only the next hides the popover', async ({
  app,
}) => {
  const { page } = app;
  await signIn(page);
  const popoverHidden = await watchPopoverHidden(app);
  const row = itemIn(page)('Mobile app');
  await row.click();
  await page.keyboard.press('ControlOrMeta+m');
  const dialog = page.getByRole('dialog', { name: 'Members of “Mobile app”' });
  const members = dialog.getByRole('list', { name: 'Members' }).getByRole('listitem');
  const member = (name: string) => members.filter({ hasText: name });
  await expect(member('Sam Teammate')).toHaveCount(1);
  await expectFocusToStayIn(page, dialog);

  // Add: the Add button is disabled once the person is added; focus goes to their row.
  const addBox = dialog.getByRole('combobox', { name: 'Add member' });
  await addBox.focus();
  await addBox.selectOption({ label: 'Dana Demo' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(member('Dana Demo').getByRole('checkbox', { name: 'Manager' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeFocused();
  expect(await popoverHidden()).toBe(false);

  // Remove: focus goes to the row that took its place, then to the add box when none did.
  await page.keyboard.press('ControlOrMeta+m');
  await expect(members).toHaveCount(2);
  await member('Dana Demo').getByRole('button', { name: 'Remove' }).focus();
  await page.keyboard.press('Enter');
  await expect(member('Sam Teammate').getByRole('checkbox', { name: 'Manager' })).toBeFocused();
  await expect(members).toHaveCount(1);
  // Manager, then the row's Rates, then its Remove.
  await page.keyboard.press('Tab');
  await expect(member('Sam Teammate').getByRole('button', { name: 'Rates', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(member('Sam Teammate').getByRole('button', { name: 'Remove' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(addBox).toBeFocused();
  await expect(dialog.getByText('Nobody is on this project yet.')).toBeVisible();
  await expectFocusToStayIn(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeFocused();
  expect(await popoverHidden()).toBe(false);
  await page.keyboard.press('Escape');
  await expect.poll(popoverHidden).toBe(true);
});

test('Members’ groups: focus follows Remove to the add box and Add to the added group', async ({ app: { page } }) => {
  await signIn(page);
  await itemIn(page)('Website redesign').click();
  await page.keyboard.press('ControlOrMeta+m');
  const dialog = page.getByRole('dialog', { name: 'Members of “Website redesign”' });
  const groups = dialog.getByRole('list', { name: 'Groups on the project' }).getByRole('listitem');
  await expect(groups.filter({ hasText: 'Designers' })).toHaveCount(1);
  await groups.filter({ hasText: 'Designers' }).getByRole('button', { name: 'Remove' }).focus();
  await page.keyboard.press('Enter');
  const addBox = dialog.getByRole('combobox', { name: 'Add group' });
  await expect(addBox).toBeFocused();
  await addBox.selectOption({ label: 'Designers' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(groups.filter({ hasText: 'Designers' }).getByRole('button', { name: 'Remove' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('Escape closes a dialog every time, also with focus fallen onto the page body; the next one hides the popover', async ({
  app,
}) => {
  const { page } = app;
  await signIn(page);
  const popoverHidden = await watchPopoverHidden(app);
  const search = page.getByRole('searchbox', { name: 'Search projects and tasks' });
  await search.focus();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  // Chrome lets a page stop Escape (the `cancel` event) only once per user action; the dialog
  // takes Escape itself, so a second and a third close it just the same.
  for (let round = 0; round < 3; round++) {
    await page.keyboard.press('ControlOrMeta+n');
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await page.keyboard.type(`Draft ${round}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(search).toBeFocused();
  }
  // With focus on the body, Escape never passes through the dialog: it comes as `cancel`
  // (or, with Chrome's limit reached, as a plain close), and the popover stays.
  for (let round = 0; round < 3; round++) {
    await page.keyboard.press('ControlOrMeta+n');
    await expect(dialog).toBeVisible();
    await dropFocusToBody(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(search).toBeFocused();
  }
  expect(await popoverHidden()).toBe(false);
  await page.keyboard.press('Escape');
  await expect.poll(popoverHidden).toBe(true);
});
