import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { onToggl, signIn } from '../support/app-page';
import { TOGGL_UNREACHABLE } from '../support/timeouts';

// Each change kind is its own test on its own app and demo account, so no test carries the
// time of the others (together they were one test that ran out of time on a slow machine).
const itemIn = (page: Page) => (name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

test('the list matches the account: every active project the demo user can see, archived hidden', async ({
  app: { page },
}) => {
  await signIn(page);
  const item = itemIn(page);
  for (const name of [
    'Website redesign',
    'Mobile app',
    'Internal tools',
    'Hiring',
    'Meetup organising',
    'Security audit',
  ]) {
    await expect(item(name)).toBeVisible();
  }
  await expect(item('Legacy migration')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('main-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('main-dark.png') });
});

test('create a project with a new client and a task in it, then rename both', async ({ app: { page }, sandbox }) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  const item = itemIn(page);

  await page.getByRole('button', { name: 'New project' }).click();
  const newProject = page.getByRole('dialog', { name: 'New project' });
  await newProject.getByRole('textbox', { name: 'Name' }).fill('Launch plan');
  await newProject.getByRole('combobox', { name: 'Client' }).fill('Acme Corp');
  await page.screenshot({ path: test.info().outputPath('form.png') });
  await newProject.getByRole('button', { name: 'Save' }).click();
  await expect(item('Launch plan')).toBeVisible();
  await expect.poll(() => toggl.project('Launch plan')?.id ?? 0).toBeGreaterThan(0);
  expect(sandbox.state.clients.get(toggl.project('Launch plan')?.client_id ?? 0)?.name).toBe('Acme Corp');

  // A task in it (the selected project is the default).
  await page.getByRole('button', { name: 'New task' }).click();
  const newTask = page.getByRole('dialog', { name: 'New task' });
  await expect(newTask.getByRole('combobox', { name: 'Project' })).toHaveValue(
    String(toggl.project('Launch plan')?.id),
  );
  await newTask.getByRole('textbox', { name: 'Name' }).fill('Draft brief');
  await newTask.getByRole('textbox', { name: 'Estimate' }).fill('1h 30m');
  await newTask.getByRole('button', { name: 'Save' }).click();
  await expect(item('Draft brief')).toBeVisible();
  await expect.poll(() => toggl.task('Draft brief')?.estimated_seconds).toBe(5400);
  expect(toggl.task('Draft brief')?.project_id).toBe(toggl.project('Launch plan')?.id);

  // Rename both.
  await item('Launch plan').click();
  await item('Launch plan').getByRole('button', { name: 'Edit' }).click();
  await page
    .getByRole('dialog', { name: 'Edit project' })
    .getByRole('textbox', { name: 'Name' })
    .fill('Launch plan 2027');
  await page.getByRole('dialog', { name: 'Edit project' }).getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => toggl.project('Launch plan 2027')?.id).toBeDefined();
  await item('Draft brief').click();
  await item('Draft brief').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('dialog', { name: 'Edit task' }).getByRole('textbox', { name: 'Name' }).fill('Final brief');
  await page.getByRole('dialog', { name: 'Edit task' }).getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => toggl.task('Final brief')?.id).toBeDefined();
  await expect(item('Final brief')).toBeVisible();
});

test('done takes a task off the list while "Show done tasks" is off; Undo brings it back', async ({
  app: { page },
  sandbox,
}) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  const item = itemIn(page);
  await item('Website redesign').click();
  await page.keyboard.press('ArrowRight');
  await expect(item('Visual design')).toBeVisible();

  await item('Visual design').getByRole('checkbox', { name: 'Done' }).click();
  await expect.poll(() => toggl.task('Visual design')?.active).toBe(false);
  await expect(item('Visual design')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => toggl.task('Visual design')?.active).toBe(true);
  await expect(item('Visual design').getByRole('checkbox', { name: 'Done' })).not.toBeChecked();
});

test('archive takes a project off the list; "Show archived" shows it, and Restore brings it back', async ({
  app: { page },
  sandbox,
}) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  const item = itemIn(page);
  await item('Internal tools').click();
  await item('Internal tools').getByRole('button', { name: 'Archive' }).click();
  await expect.poll(() => toggl.project('Internal tools')?.active).toBe(false);
  await expect(item('Internal tools')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show archived' }).check();
  await item('Internal tools').click();
  await item('Internal tools').getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => toggl.project('Internal tools')?.active).toBe(true);
  await page.getByRole('checkbox', { name: 'Show archived' }).uncheck();
  await expect(item('Internal tools')).toBeVisible();
});

test('bulk archive: two projects picked with Ctrl/Cmd go in one request', async ({ app: { page }, sandbox }) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  const item = itemIn(page);
  const patchesBefore = sandbox.countRequests((request) => request.method === 'PATCH');
  await item('Hiring').click({ modifiers: ['ControlOrMeta'] });
  await item('Internal tools').click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('button', { name: 'Archive selected' }).click();
  await expect
    .poll(() => [toggl.project('Hiring')?.active, toggl.project('Internal tools')?.active])
    .toEqual([false, false]);
  expect(sandbox.countRequests((request) => request.method === 'PATCH')).toBe(patchesBefore + 1);
});

test('delete asks first, saying what happens, then deletes the project', async ({ app: { page }, sandbox }) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  const item = itemIn(page);
  await item('Internal tools').click();
  await item('Internal tools').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete project' });
  await expect(confirm).toContainText('Its time entries stay, without a project. This cannot be undone');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => toggl.project('Internal tools')).toBeUndefined();
  await expect(item('Internal tools')).toHaveCount(0);
});

test('offline the list stays and an edit shows as pending; back online, Refresh sends it', async ({
  app: { page },
  sandbox,
}) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  const item = itemIn(page);

  await sandbox.setDown(true);
  await item('Mobile app').click();
  await item('Mobile app').getByRole('button', { name: 'Edit' }).click();
  await page
    .getByRole('dialog', { name: 'Edit project' })
    .getByRole('textbox', { name: 'Name' })
    .fill('Mobile app offline');
  await page.getByRole('dialog', { name: 'Edit project' }).getByRole('button', { name: 'Save' }).click();
  await expect(item('Mobile app offline')).toHaveAccessibleDescription(/change waiting to reach Toggl/);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline — showing the list from', {
    timeout: TOGGL_UNREACHABLE,
  });
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('1 change waiting');
  await expect(item('Website redesign')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('offline.png') });

  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => toggl.project('Mobile app offline')?.id).toBeDefined();
  await expect(item('Mobile app offline')).not.toHaveAccessibleDescription(/change waiting/);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Synced');
  expect(sandbox.countRequests((request) => request.status === 402)).toBe(0);
});

test('keyboard only: create, edit and archive without the mouse', async ({ app: { page }, sandbox }) => {
  const toggl = onToggl(sandbox);
  await signIn(page);
  await page.keyboard.press('ControlOrMeta+n');
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Keyboard project');
  await page.keyboard.press('Enter');
  await expect.poll(() => toggl.project('Keyboard project')?.id ?? 0).toBeGreaterThan(0);

  // "/" focuses search; ↓ moves into the list; Enter edits.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search projects and tasks' })).toBeFocused();
  await page.keyboard.type('keybord');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('tree')).toBeFocused();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit project' });
  await expect(edit.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Keyboard project v2');
  await page.keyboard.press('Enter');
  await expect.poll(() => toggl.project('Keyboard project v2')?.id).toBeDefined();

  // Ctrl/Cmd+E archives the selected project; Escape closes a form before anything else.
  await page.getByRole('tree').focus();
  await page.keyboard.press('ControlOrMeta+e');
  await expect.poll(() => toggl.project('Keyboard project v2')?.active).toBe(false);
  // Escape in the search box clears it; the whole list is back.
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search projects and tasks' })).toHaveValue('');
  await page.getByRole('tree').focus();
  await page.keyboard.press('ControlOrMeta+n');
  await expect(page.getByRole('dialog', { name: 'New project' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('tree')).toBeFocused();
});

test('search is tolerant of typos and word order and highlights matches', async ({ app: { page } }) => {
  await signIn(page);
  await page.getByRole('searchbox', { name: 'Search projects and tasks' }).fill('desgin visual');
  await expect(page.getByRole('treeitem', { name: 'Visual design' })).toBeVisible();
  await expect(page.getByRole('treeitem')).toHaveCount(2);
  // Hits are painted with the CSS Custom Highlight API: the ranges it holds inside this item.
  const marked = () =>
    page
      .getByRole('treeitem', { name: 'Visual design' })
      .evaluate((item) =>
        [...(CSS.highlights.get('search-hit') ?? [])]
          .filter((range) => item.contains(range.startContainer))
          .map((range) => (range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset)),
      );
  await expect.poll(marked).toEqual(['Visual']);
});

test('where only admins may create projects, "New project" goes to the default workspace; where the user may create nowhere it is disabled and says why', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Community (members)' });
  const button = page.getByRole('button', { name: 'New project' });
  // Not a refusal the user did not cause: the project goes to their default workspace (Demo Studio).
  await expect(button).toBeEnabled();
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog.getByRole('combobox', { name: 'Workspace' }).locator('option:checked')).toHaveText('Demo Studio');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('treeitem', { name: 'Meetup organising' }).click();
  await expect(
    page.getByRole('treeitem', { name: 'Meetup organising' }).getByRole('button', { name: 'Archive' }),
  ).toBeDisabled();

  // On Toggl the user becomes a plain member, where only admins may create projects, everywhere.
  const demo = [...sandbox.state.users.values()].find((user) => user.fullname === 'Dana Demo')?.id ?? 0;
  for (const workspace of sandbox.state.workspaces.values()) {
    if (!workspace.members.has(demo)) continue;
    workspace.members.set(demo, 'user');
    workspace.only_admins_may_create_projects = true;
  }
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(button).toBeDisabled();
  await expect(
    page.getByText('Only admins and project leads may create projects in “Community (members)”.'),
  ).toBeVisible();
});
