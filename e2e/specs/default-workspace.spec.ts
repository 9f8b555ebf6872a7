import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { tabTo } from '../support/dialog-focus';
import { signIn } from '../support/app-page';
import { OUTBOX_DRAIN, TOGGL_UNREACHABLE } from '../support/timeouts';

// The default workspace (issue 22, item 6): where "New project" puts a project, chosen in
// Settings by keyboard alone, offline part of the way. "Community (members)" is the demo
// account's workspace where only admins and project leads may create projects.

const newProjectDialog = (page: Page) => page.getByRole('dialog', { name: 'New project' });
const item = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

/** Opens New project with Ctrl+N and checks it opened in `workspace` with no error shown. */
async function newProjectOpensIn(page: Page, workspace: string): Promise<void> {
  await page.getByRole('tree').focus();
  await page.keyboard.press('Control+n');
  const dialog = newProjectDialog(page);
  await expect(dialog).toBeVisible();
  const select = dialog.getByRole('combobox', { name: 'Workspace' });
  await expect(select.locator('option:checked')).toHaveText(workspace);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).not.toContainText('Only admins');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

test('New project never opens blank or with an error the user did not cause: a row of a workspace where they may not create is selected', async ({
  app: { page },
}) => {
  await signIn(page);
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue('all');
  await item(page, 'Meetup organising').click();
  await expect(item(page, 'Meetup organising')).toHaveAttribute('aria-selected', 'true');
  const button = page.getByRole('button', { name: 'New project' });
  await expect(button).toBeEnabled();
  await button.click();
  const dialog = newProjectDialog(page);
  const select = dialog.getByRole('combobox', { name: 'Workspace' });
  // Toggl's default workspace for the demo user: Demo Studio, where they may create projects.
  await expect(select.locator('option:checked')).toHaveText('Demo Studio');
  await expect(select).not.toHaveValue('');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).not.toContainText('Only admins');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The list shows Community alone: New project still goes where it may (the default), not a refusal.
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Community (members)' });
  await newProjectOpensIn(page, 'Demo Studio');
});

test('the default workspace is chosen in Settings by keyboard, offline; New project and quick-add use it; Toggl gets it once', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const demo = [...sandbox.state.users.values()].find((user) => user.fullname === 'Dana Demo');
  const workspaceNamed = (name: string) =>
    [...sandbox.state.workspaces.values()].find((workspace) => workspace.name === name)?.id;
  const puts = () => sandbox.countRequests((request) => request.method === 'PUT' && request.path === '/me');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  const choice = page.getByRole('combobox', { name: 'Default workspace' });
  await expect(choice.locator('option:checked')).toHaveText('Demo Studio');
  await expect(choice).toHaveAccessibleDescription(/Where New project puts a project/);

  // Toggl goes away midway: the choice is kept and shown, and waits.
  await sandbox.setDown(true);
  await tabTo(page, choice);
  await page.keyboard.press('ArrowDown');
  await expect(choice.locator('option:checked')).toHaveText('Community (members)');
  await expect(choice).toHaveAccessibleDescription(/waiting to reach Toggl/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Settings' })).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline', {
    timeout: TOGGL_UNREACHABLE,
  });
  // A default where the user may not create projects: New project passes over it.
  await newProjectOpensIn(page, 'Demo Studio');

  // A change of mind, still offline: down to Dana Consulting. Two choices, one change.
  await page.getByRole('button', { name: 'Settings' }).click();
  await tabTo(page, choice);
  await page.keyboard.press('ArrowDown');
  await expect(choice.locator('option:checked')).toHaveText('Dana Consulting');
  await expect(choice).toHaveAccessibleDescription(/waiting to reach Toggl/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Settings' })).toHaveCount(0);

  // All workspaces shown: New project opens in the default, and so does quick-add's +name.
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue('all');
  await newProjectOpensIn(page, 'Dana Consulting');
  await page.getByRole('tree').focus();
  await page.keyboard.press('/');
  await page
    .getByRole('searchbox', { name: 'Search projects and tasks' })
    .pressSequentially('+Pen test', { delay: 15 });
  await expect(page.getByRole('status', { name: 'Quick add' })).toHaveText('New project “Pen test” in Dana Consulting');
  await page.keyboard.press('Escape');

  expect(puts()).toBe(0);
  expect(demo?.default_workspace_id).toBe(workspaceNamed('Demo Studio'));
  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect
    .poll(() => demo?.default_workspace_id, { timeout: OUTBOX_DRAIN })
    .toBe(workspaceNamed('Dana Consulting'));
  // The sync that follows runs at Toggl's pace (a request a second), several requests long.
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Synced', {
    timeout: OUTBOX_DRAIN,
  });
  // The two choices went as one request, the last one.
  expect(puts()).toBe(1);

  // After a restart of the view (Settings again): Toggl's answer, nothing waiting.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(choice.locator('option:checked')).toHaveText('Dana Consulting');
  await expect(choice).not.toHaveAccessibleDescription(/waiting/);
});
