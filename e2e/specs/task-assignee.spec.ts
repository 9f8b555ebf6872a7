import type { Page } from '@playwright/test';
import { DEMO, TEAMMATE } from '../../tools/sandbox/fixture';
import { expect, test } from '../fixtures';
import { tabTo } from '../support/dialog-focus';
import { signIn } from '../support/app-page';
import { expectNoAxeViolations } from '../support/axe';
import { OUTBOX_DRAIN } from '../support/timeouts';
import { treeItemNames } from '../support/tree-order';

// Task assignees (issue 22, item 3), as a keyboard user does them: the Assignee picked in the
// task form, saved offline, shown at once as initials with the full name as the row's
// description, sent when Toggl is back and still there after a restart offline; "Assigned to
// me" narrows the list, a search looks among what it leaves, and Escape and Tab work after
// each step inside the dialog.

const tree = (page: Page) => page.getByRole('tree');
const item = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });
/** The names of the rows the tree shows, in order. */
const shown = treeItemNames;
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search projects and tasks' });

/** Opens a project's tasks by keyboard: the project selected, ArrowRight. */
async function openProject(page: Page, name: string): Promise<void> {
  await item(page, name).click();
  await page.keyboard.press('ArrowRight');
  await expect(item(page, name)).toHaveAttribute('aria-expanded', 'true');
}

test('an assignee picked by keyboard, offline then online: initials on the row, the name in its description, kept after a restart', async ({
  app,
  sandbox,
}) => {
  let page = app.page;
  await signIn(page);
  const sam = [...sandbox.state.users.values()].find((user) => user.email === TEAMMATE.email);
  const onToggl = () => [...sandbox.state.tasks.values()].find((task) => task.name === 'Accessibility review');

  await openProject(page, 'Website redesign');
  const row = item(page, 'Accessibility review');
  await row.click();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog).toBeVisible();
  const assignee = dialog.getByRole('combobox', { name: 'Assignee' });
  await expect(assignee).toHaveValue('');
  // The user first, then the workspace's people by name.
  await expect(assignee.getByRole('option')).toHaveText(['No one', 'Dana Demo (me)', 'Sam Teammate']);

  // Escape after moving to the field closes without a change, and focus is back on the row.
  await tabTo(page, assignee);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeFocused();
  await expect(row).toHaveAccessibleDescription('estimate 4 h');

  await sandbox.setDown(true);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, assignee);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(assignee).toHaveValue(String(sam?.id));
  await tabTo(page, dialog.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  // At once, waiting for Toggl: the initials beside the name, the full name said and shown on hover.
  await expect(row).toHaveAccessibleDescription(
    'estimate 4 h, assigned to Sam Teammate, change waiting to reach Toggl',
  );
  const initials = row.locator('xpath=..').locator('.assignee');
  await expect(initials).toHaveText('ST');
  await expect(initials).toHaveAttribute('title', 'Sam Teammate');
  expect(onToggl()?.user_id).toBeNull();
  await expectNoAxeViolations(page, 'a task assigned, waiting for Toggl');

  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => onToggl()?.user_id, { timeout: OUTBOX_DRAIN }).toBe(sam?.id);
  await expect(row).toHaveAccessibleDescription('estimate 4 h, assigned to Sam Teammate');

  // Restarted with Toggl out of reach: the assignee and the people come from the cache.
  await app.stop();
  await sandbox.setDown(true);
  page = await app.start();
  await openProject(page, 'Website redesign');
  await expect(item(page, 'Accessibility review')).toHaveAccessibleDescription(
    'estimate 4 h, assigned to Sam Teammate',
  );
  await item(page, 'Accessibility review').click();
  await page.keyboard.press('Enter');
  const again = page.getByRole('dialog', { name: 'Edit task' });
  await expect(again.getByRole('combobox', { name: 'Assignee' })).toHaveValue(String(sam?.id));
  await expect(again.getByRole('combobox', { name: 'Assignee' }).getByRole('option')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(again).toHaveCount(0);
});

test('“Assigned to me” leaves only the user’s tasks under their projects; a search looks among them', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const mine = page.getByRole('checkbox', { name: 'Assigned to me' });
  await expect(mine).not.toBeChecked();
  await search(page).focus();
  await tabTo(page, mine);
  await page.keyboard.press('Space');
  await expect(mine).toBeChecked();

  // Dana's one task (Visual design), opened under its project; Sam's and no one's are gone.
  await expect.poll(() => shown(page)).toEqual(['Website redesign', 'Visual design']);
  await expect(item(page, 'Visual design')).toHaveAccessibleDescription(/assigned to Dana Demo$/);
  await expect(item(page, 'Push notifications')).toHaveCount(0);

  await search(page).focus();
  await page.keyboard.type('visu', { delay: 15 });
  await expect.poll(() => shown(page)).toEqual(['Website redesign', 'Visual design']);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('push', { delay: 15 });
  await expect(page.getByText('Nothing matches “push”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search(page)).toHaveValue('');

  // A new task made while it is ticked goes to the user unless changed: it stays in sight.
  const dana = [...sandbox.state.users.values()].find((user) => user.email === DEMO.email);
  await page.keyboard.press('Control+t');
  const form = page.getByRole('dialog', { name: 'New task' });
  await expect(form.getByRole('combobox', { name: 'Assignee' })).toHaveValue(String(dana?.id));
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);

  // Unticked, everyone's tasks are back.
  await tabTo(page, mine);
  await page.keyboard.press('Space');
  await expect(mine).not.toBeChecked();
  await openProject(page, 'Mobile app');
  await expect(item(page, 'Push notifications')).toHaveAccessibleDescription('estimate 8 h, assigned to Sam Teammate');
});

test('a new task given to someone by keyboard (Ctrl+T): the POST carries its user_id', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const sam = [...sandbox.state.users.values()].find((user) => user.email === TEAMMATE.email);
  await item(page, 'Mobile app').click();
  await page.keyboard.press('Control+t');
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Store listing', { delay: 15 });
  const assignee = dialog.getByRole('combobox', { name: 'Assignee' });
  // The workspace's people come with the sync after sign-in: the picker lists them once they are in.
  await expect(assignee.getByRole('option')).toHaveText(['No one', 'Dana Demo (me)', 'Sam Teammate']);
  await tabTo(page, assignee);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(assignee).toHaveValue(String(sam?.id));
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('textbox', { name: 'Estimate' })).toBeFocused();
  await tabTo(page, dialog.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect
    .poll(() => [...sandbox.state.tasks.values()].find((task) => task.name === 'Store listing')?.user_id)
    .toBe(sam?.id);
  await openProject(page, 'Mobile app');
  await expect(item(page, 'Store listing')).toHaveAccessibleDescription('assigned to Sam Teammate');
});
