import type { Locator, Page } from '@playwright/test';
import type { TogglSandbox } from '../../tools/sandbox/server';
import { expect, test } from '../fixtures';
import { tabTo } from '../support/dialog-focus';
import { signIn } from '../support/app-page';
import { expectNoAxeViolations } from '../support/axe';
import { OUTBOX_DRAIN } from '../support/timeouts';

// The organization's groups (issue 22, item 5), in Settings, as a user does it: keys typed one
// by one, each dialog by keyboard alone (Tab, Space, Enter, Escape), focus back on the row it
// was opened from; offline part of the way, then online, each change reaching Toggl once.

const groupsRegion = (page: Page) => page.getByRole('region', { name: 'Groups' });
/** The part of Groups for one organization (the demo account has three). */
const organization = (page: Page, name: string) =>
  groupsRegion(page)
    .locator('[data-org]')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });
const row = (page: Page, name: string) =>
  organization(page, 'Demo Studio').getByRole('listitem', { name, exact: true });

function studioGroups(sandbox: TogglSandbox) {
  const studio = [...sandbox.state.organizations.values()].find((item) => item.name === 'Demo Studio');
  return [...sandbox.state.groups.values()].filter((group) => group.organization_id === studio?.id);
}
const writesTo = (sandbox: TogglSandbox, method: string) =>
  sandbox.countRequests((request) => request.method === method && /^\/organizations\/\d+\/groups/.test(request.path));

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(row(page, 'Designers')).toBeVisible();
}

/** Opens a row's dialog from its button by keyboard; answers the dialog. */
async function openFromRow(page: Page, name: string, button: string, title: string): Promise<Locator> {
  await tabTo(page, row(page, name).getByRole('button', { name: button, exact: true }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole(button === 'Delete' ? 'alertdialog' : 'dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Escape closes it, changing nothing, and focus is back on the button of the row that opened it. */
async function escapeBackTo(page: Page, dialog: Locator, name: string, button: string): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row(page, name).getByRole('button', { name: button, exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
}

test('an organization admin creates a group offline, gives it people, renames it, by keyboard; online it reaches Toggl once; then deletes it', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  await openSettings(page);
  const studio = organization(page, 'Demo Studio');
  const newGroup = studio.getByRole('button', { name: 'New group' });
  await expect(groupsRegion(page)).not.toContainText('Only organization admins');

  await sandbox.setDown(true);

  // New group: Escape first (nothing made, focus back), then made with a name typed key by key.
  await tabTo(page, newGroup);
  await page.keyboard.press('Enter');
  let dialog = page.getByRole('dialog', { name: 'New group' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(newGroup).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Name' }).pressSequentially('Ops', { delay: 15 });
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(newGroup).toBeFocused();
  await expect(row(page, 'Ops')).toContainText('0 people · 0 workspaces · waiting to reach Toggl');

  // People: Escape changes nothing; then two boxes ticked with Space, Tab to Done.
  dialog = await openFromRow(page, 'Ops', 'People', 'People in “Ops”');
  await escapeBackTo(page, dialog, 'Ops', 'People');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('group', { name: 'People' })).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Dana Demo' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('checkbox', { name: 'Sam Teammate' })).toBeFocused();
  await page.keyboard.press('Space');
  await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(row(page, 'Ops').getByRole('button', { name: 'People' })).toBeFocused();
  await expect(row(page, 'Ops')).toContainText('2 people');

  // Workspaces: Escape only (the group's workspaces stay as they are).
  dialog = await openFromRow(page, 'Ops', 'Workspaces', 'Workspaces of “Ops”');
  await expect(dialog.getByRole('checkbox', { name: 'Demo Studio' })).toBeVisible();
  await escapeBackTo(page, dialog, 'Ops', 'Workspaces');

  // Rename: Escape, then the name replaced key by key.
  dialog = await openFromRow(page, 'Ops', 'Rename', 'Rename group');
  await escapeBackTo(page, dialog, 'Ops', 'Rename');
  await page.keyboard.press('Enter');
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Ops');
  await page.keyboard.press('Control+a');
  await name.pressSequentially('Operations', { delay: 15 });
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(row(page, 'Operations').getByRole('button', { name: 'Rename' })).toBeFocused();
  await expect(row(page, 'Operations')).toContainText('2 people · 0 workspaces · waiting to reach Toggl');
  await expectNoAxeViolations(page, 'settings, a group waiting to reach Toggl');
  expect(writesTo(sandbox, 'POST') + writesTo(sandbox, 'PUT')).toBe(0);

  // Online: the group is made once, with its people and its name. (A change made while the one
  // before was being tried is queued after it rather than folded in: at most a PUT each.)
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Settings' })).toHaveCount(0);
  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect
    .poll(() => studioGroups(sandbox).map((group) => group.name), { timeout: OUTBOX_DRAIN })
    .toContain('Operations');
  const made = studioGroups(sandbox).find((group) => group.name === 'Operations');
  expect(made?.users.map((user) => user.name).sort()).toEqual(['Dana Demo', 'Sam Teammate']);
  expect(writesTo(sandbox, 'POST')).toBe(1);
  const puts = writesTo(sandbox, 'PUT');
  expect(puts).toBeLessThanOrEqual(2);
  // Nothing goes twice: another sync sends nothing more.
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Synced', { timeout: OUTBOX_DRAIN });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(status).toContainText('Synced', { timeout: OUTBOX_DRAIN });
  expect(writesTo(sandbox, 'POST')).toBe(1);
  expect(writesTo(sandbox, 'PUT')).toBe(puts);

  // Delete: Escape keeps it; Delete deletes it, and focus goes to the row that is left.
  await openSettings(page);
  await expect(row(page, 'Operations')).not.toContainText('waiting');
  dialog = await openFromRow(page, 'Operations', 'Delete', 'Delete group');
  await expect(dialog).toContainText('Delete the group “Operations” from “Demo Studio”?');
  await expectNoAxeViolations(page, 'settings, delete a group');
  await escapeBackTo(page, dialog, 'Operations', 'Delete');
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: 'Delete' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(row(page, 'Operations')).toHaveCount(0);
  await expect(row(page, 'Designers').getByRole('button', { name: 'Rename' })).toBeFocused();
  await expect
    .poll(() => studioGroups(sandbox).map((group) => group.name), { timeout: OUTBOX_DRAIN })
    .toEqual(['Designers']);
  expect(writesTo(sandbox, 'DELETE')).toBe(1);
});

test('someone who is not an organization admin sees its groups and why they cannot change them', async ({
  app: { page },
  sandbox,
}) => {
  const studio = [...sandbox.state.organizations.values()].find((item) => item.name === 'Demo Studio');
  const demo = [...sandbox.state.users.values()].find((user) => user.fullname === 'Dana Demo');
  studio?.members.set(demo?.id ?? 0, false);
  await signIn(page);
  await openSettings(page);
  const part = organization(page, 'Demo Studio');
  await expect(part).toContainText('Only organization admins can change groups in “Demo Studio”.');
  await expect(row(page, 'Designers')).toContainText('1 person · 1 workspace');
  await expect(row(page, 'Designers').getByRole('button')).toHaveCount(0);
  await expect(part.getByRole('button', { name: 'New group' })).toHaveCount(0);
  // Where they are an admin (their own organizations), they may.
  await expect(organization(page, 'Dana Consulting').getByRole('button', { name: 'New group' })).toBeVisible();
  await expectNoAxeViolations(page, 'settings, groups someone may not change');
});

test('a change Toggl refuses (no longer an organization admin there) shows its words beside Retry and Discard', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  await openSettings(page);
  await sandbox.setDown(true);
  const newGroup = organization(page, 'Demo Studio').getByRole('button', { name: 'New group' });
  await tabTo(page, newGroup);
  await page.keyboard.press('Enter');
  const field = page.getByRole('dialog', { name: 'New group' }).getByRole('textbox', { name: 'Name' });
  await expect(field).toBeFocused();
  await field.pressSequentially('Ops', { delay: 15 });
  await page.keyboard.press('Enter');
  await expect(row(page, 'Ops')).toContainText('waiting to reach Toggl');
  // Meanwhile on Toggl: no longer an admin of the organization.
  const studio = [...sandbox.state.organizations.values()].find((item) => item.name === 'Demo Studio');
  const demo = [...sandbox.state.users.values()].find((user) => user.fullname === 'Dana Demo');
  studio?.members.set(demo?.id ?? 0, false);
  await page.keyboard.press('Escape');
  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await openSettings(page);
  const refused = row(page, 'Ops').getByRole('alert');
  await expect(refused).toContainText('User does not have access to this resource', { timeout: OUTBOX_DRAIN });
  await expect(row(page, 'Ops').getByRole('button', { name: 'Retry' })).toBeVisible();
  await expectNoAxeViolations(page, 'settings, a group change refused');
  await tabTo(page, row(page, 'Ops').getByRole('button', { name: 'Discard' }));
  await page.keyboard.press('Enter');
  await expect(row(page, 'Ops')).toHaveCount(0);
  expect(studioGroups(sandbox).map((group) => group.name)).toEqual(['Designers']);
});
