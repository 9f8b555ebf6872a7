import type { TogglSandbox } from '../../tools/sandbox/server';
import { expect, test } from '../fixtures';
import { onToggl, signIn } from '../support/app-page';
import type { AppUnderTest } from '../support/app-under-test';
import { expectNoAxeViolations } from '../support/axe';
import { expectFocusToStayIn } from '../support/dialog-focus';

const MINUTE = 60_000;

/**
 * A timer on Website redesign, started an hour ago on Toggl's web app; signed in, the popover
 * shows it running, with focus in the search box. Answers the entry's id and the search box.
 */
async function runningForAnHour(app: AppUnderTest, sandbox: TogglSandbox) {
  const project = onToggl(sandbox).project('Website redesign');
  const { id } = sandbox.elsewhere.startTimeEntry({ projectId: project?.id ?? null, start: Date.now() - 60 * MINUTE });
  await signIn(app.page);
  await expect(app.page.getByRole('region', { name: 'Running entry' })).toContainText('Website redesign');
  const search = app.page.getByRole('searchbox', { name: 'Search projects and tasks' });
  await search.focus();
  return { id, search };
}

/**
 * Half an hour without input, then the screen locked, and the user back to unlock it (the
 * machine's test hooks). Answers the span the idle start lies in, and the question's dialog.
 */
async function awayHalfAnHour(app: AppUnderTest) {
  const before = Date.now();
  await app.idle('idle 1800');
  await app.idle('lock');
  const after = Date.now();
  await app.idle('idle 0');
  await app.idle('unlock');
  const dialog = app.page.getByRole('alertdialog', { name: 'Idle time' });
  return { earliest: before - 30 * MINUTE - 1000, latest: after - 30 * MINUTE, dialog };
}

const runningAtToggl = (sandbox: TogglSandbox) =>
  [...sandbox.state.timeEntries.values()].filter((entry) => entry.server_deleted_at === null && entry.stop === null);

test('back after half an hour away, the popover asks; Escape keeps the time and focus goes back', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  const { id, search } = await runningForAnHour(app, sandbox);

  const { dialog } = await awayHalfAnHour(app);
  await expect(dialog).toContainText(/You were idle from .+ to .+ \(30 min\) while “Website redesign” ran\./);
  await expect(dialog.getByRole('button', { name: 'Keep the time' })).toBeFocused();
  await expectFocusToStayIn(page, dialog);
  // axe (accessibility.spec.ts holds every other view to it), in light and dark.
  await expectNoAxeViolations(page, 'idle question (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'idle question (dark)');

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(search).toBeFocused();
  // Kept: the entry runs on, from its start, at Toggl and here.
  expect(runningAtToggl(sandbox).map((entry) => entry.id)).toEqual([id]);
  await expect(page.getByRole('region', { name: 'Running entry' })).toContainText('Website redesign');
});

test('Tab, Tab, Enter: discard and continue stops the entry when the idle time began and starts one like it', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  const { id, search } = await runningForAnHour(app, sandbox);

  const { dialog, ...idleBegan } = await awayHalfAnHour(app);
  const back = Date.now();
  await expect(dialog.getByRole('button', { name: 'Keep the time' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Discard', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Discard and continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(search).toBeFocused();

  // At Toggl: the hour's entry ends when the idle time began; one like it runs from the return.
  await expect.poll(() => runningAtToggl(sandbox).filter((entry) => entry.id !== id).length).toBe(1);
  const stopped = sandbox.state.timeEntries.get(id);
  const stop = Date.parse(stopped?.stop ?? '');
  expect(stop).toBeGreaterThanOrEqual(Math.floor(idleBegan.earliest / 1000) * 1000);
  expect(stop).toBeLessThanOrEqual(idleBegan.latest);
  const [next] = runningAtToggl(sandbox);
  expect(next).toMatchObject({ project_id: stopped?.project_id, created_with: 'Toggl Tray' });
  expect(Date.parse(next?.start ?? '')).toBeGreaterThan(stop);
  expect(Date.parse(next?.start ?? '')).toBeLessThanOrEqual(back);
  await expect(page.getByRole('region', { name: 'Running entry' }).getByLabel('Elapsed time')).toHaveText(/^0:0/);
});
