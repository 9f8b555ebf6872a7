import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { onToggl, signIn } from '../support/app-page';

test('a queue damaged on disk: the readable changes go, the damaged one is shown by name and can be discarded', async ({
  app,
  dataDir,
  sandbox,
}) => {
  let page = app.page;
  await signIn(page);
  const tree = page.getByRole('tree');
  await sandbox.setDown(true);
  for (const name of ['Kept one', 'Kept two', 'Cut short']) {
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByRole('textbox', { name: 'Name' }).pressSequentially(name);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(tree.getByRole('treeitem', { name, exact: true })).toBeVisible();
  }
  await app.stop();

  // The disk filled up mid-write: the file ends in the middle of the last change's name.
  const file = path.join(dataDir, 'outbox.json');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.slice(0, text.lastIndexOf('Cut short') + 3));

  await sandbox.setDown(false);
  page = await app.start();
  const damaged = page.getByRole('alert', { name: 'Changes that could not be read' });
  await expect(damaged).toContainText('A queued change could not be read back from disk');
  await expect(damaged).toContainText('Create project “Cut…”');
  await expect.poll(() => onToggl(sandbox).project('Kept two')?.id ?? 0).toBeGreaterThan(0);
  expect(
    onToggl(sandbox)
      .projects()
      .filter((project) => project.name.startsWith('Kept')),
  ).toHaveLength(2);
  await page.screenshot({ path: test.info().outputPath('damaged-queue.png') });
  await damaged.getByRole('button', { name: 'Discard' }).click();
  await expect(damaged).toHaveCount(0);
});

test('Toggl refuses a colour the plan lacks: that change fails in Toggl’s words beside Retry and Discard; the next one goes', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Dana Consulting' });
  const tree = page.getByRole('tree');
  const audit = tree.getByRole('treeitem', { name: 'Security audit', exact: true });
  // Downgraded on Toggl after the list was loaded: the popover still offers any colour.
  const consulting = [...sandbox.state.workspaces.values()].find((workspace) => workspace.name === 'Dana Consulting');
  if (consulting) {
    consulting.premium = false;
    const organization = sandbox.state.organizations.get(consulting.organization_id);
    if (organization) organization.plan = 'free';
  }
  await audit.click();
  await audit.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit project' });
  const colour = dialog.getByRole('textbox', { name: 'Color' });
  await colour.clear();
  await colour.pressSequentially('#123456');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await audit.click();
  await expect(audit).toHaveAccessibleDescription(/change not sent/);
  await expect(audit.locator('[data-sync="failed"]')).toBeVisible();
  // Toggl's reason is in view as text, beside Retry and Discard.
  const problem = page.getByRole('region', { name: 'Change not sent' });
  await expect(problem).toContainText(
    'Toggl refused the change: Custom project colors available only for premium plans.',
  );
  await expect(problem.getByRole('button', { name: 'Retry' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('plan-402.png') });
  // Not the hourly quota: nothing is paused, and the next change goes at once.
  await expect(page.getByRole('status', { name: 'Sync status' })).not.toContainText('API quota');
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Demo Studio' });
  const internal = tree.getByRole('treeitem', { name: 'Internal tools', exact: true });
  await internal.click();
  await internal.getByRole('button', { name: 'Archive' }).click();
  await expect.poll(() => onToggl(sandbox).project('Internal tools')?.active).toBe(false);
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Dana Consulting' });
  await problem.getByRole('button', { name: 'Discard' }).click();
  await expect(problem).toHaveCount(0);
  await expect(audit).not.toHaveAccessibleDescription(/change not sent/);
  await expect(audit.locator('[data-sync="failed"]')).toHaveCount(0);
});
