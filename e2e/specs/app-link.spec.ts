import { runCli } from '../../src/main/services/control/cli-client';
import type { TogglSandbox } from '../../tools/sandbox/server';
import { expect, test } from '../fixtures';
import { runningAtToggl, signIn } from '../support/app-page';
import type { AppUnderTest } from '../support/app-under-test';
import { expectNoAxeViolations } from '../support/axe';
import { expectFocusToStayIn } from '../support/dialog-focus';

/**
 * A `toggl-tray://` link as a script or a Linux desktop without registration hands it over:
 * `toggl-tray open-link …` to the running app's socket (both shells listen on one in the data
 * folder). The desktop's own ways in (open-url, second-instance) end in the same service.
 */
async function openLink(dataDir: string, link: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (text: string) => void (out += text), err: (text: string) => void (err += text) };
  const code = await runCli(['open-link', link], { TOGGL_TRAY_DATA_DIR: dataDir }, io);
  return { code, out, err };
}

/** Signed in with focus in the search box, as a user at the popover would be; answers the box. */
async function atTheSearchBox(app: AppUnderTest) {
  await signIn(app.page);
  const search = app.page.getByRole('searchbox', { name: 'Search projects and tasks' });
  await search.focus();
  return search;
}

/** Requests that would change a time entry at Toggl since `from`. */
const entryWrites = (sandbox: TogglSandbox, from: number) =>
  sandbox.requests.slice(from).filter((request) => request.method !== 'GET' && request.path.includes('time_entries'));

test('a start link opens a dialog that says what it does; Enter starts the timer and focus goes back', async ({
  app,
  sandbox,
  dataDir,
}) => {
  const { page } = app;
  const search = await atTheSearchBox(app);
  const link = 'toggl-tray://start?project=webiste%20redesgn&task=visual&description=Hero%20section';
  const handed = await openLink(dataDir, link);
  expect(handed.code).toBe(0);

  const dialog = page.getByRole('alertdialog', { name: 'Open link' });
  await expect(dialog).toContainText(
    'Start a timer on “Visual design” in Website redesign · description “Hero section”',
  );
  await expect(dialog).toContainText(link);
  const start = dialog.getByRole('button', { name: 'Start timer' });
  await expect(start).toBeFocused();
  // Nothing happened yet: the link alone changes no data.
  expect(runningAtToggl(sandbox)).toEqual([]);
  await expectFocusToStayIn(page, dialog);
  await expectNoAxeViolations(page, 'link dialog (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'link dialog (dark)');

  // Tab went round and back: focus is on one of its two buttons; put it on Start timer by keys alone.
  if (!(await start.evaluate((element) => element === document.activeElement))) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(search).toBeFocused();
  await expect(page.getByRole('region', { name: 'Running entry' })).toContainText('Hero section');
  await expect.poll(() => runningAtToggl(sandbox).map((entry) => entry.description)).toEqual(['Hero section']);
});

test('an Enter or Space held down when a link arrives does not confirm it; a fresh press does', async ({
  app,
  sandbox,
  dataDir,
}) => {
  const { page } = app;
  const search = await atTheSearchBox(app);
  // Enter and Space go down in the empty search box (a space searches for nothing) and stay down.
  await page.keyboard.down('Enter');
  await page.keyboard.down(' ');
  expect((await openLink(dataDir, 'toggl-tray://start?project=Mobile%20app&description=Held')).code).toBe(0);
  const dialog = page.getByRole('alertdialog', { name: 'Open link' });
  const start = dialog.getByRole('button', { name: 'Start timer' });
  await expect(start).toBeFocused();
  // The key's repeats now reach the dialog's main button. A confirmation under way would
  // disable it at once, a finished one take it away.
  for (let repeat = 0; repeat < 3; repeat++) await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await expect(start).toBeEnabled();
  await expect(start).toBeFocused();
  // So do the Space's (a button acts on the release of a Space it was given).
  await page.keyboard.down(' ');
  await page.keyboard.down(' ');
  await page.keyboard.up(' ');
  await expect(start).toBeEnabled();
  await expect(start).toBeFocused();
  expect(runningAtToggl(sandbox)).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(search).toBeFocused();
  await expect.poll(() => runningAtToggl(sandbox).map((entry) => entry.description)).toEqual(['Held']);
});

test('Escape dismisses a link: nothing starts and Toggl gets no request', async ({ app, sandbox, dataDir }) => {
  const { page } = app;
  const search = await atTheSearchBox(app);
  const from = sandbox.requests.length;
  expect((await openLink(dataDir, 'toggl-tray://start?project=Mobile%20app&description=From%20a%20page')).code).toBe(0);
  const dialog = page.getByRole('alertdialog', { name: 'Open link' });
  await expect(dialog).toContainText('Start a timer on Mobile app · description “From a page”');
  await expect(dialog.getByRole('button', { name: 'Start timer' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(search).toBeFocused();
  await expect(page.getByRole('region', { name: 'Running entry' })).toHaveCount(0);
  expect(entryWrites(sandbox, from)).toEqual([]);
  expect(runningAtToggl(sandbox)).toEqual([]);
});

test('a link that cannot be carried out says why; a newer link replaces a waiting one and says so', async ({
  app,
  dataDir,
  sandbox,
}) => {
  const { page } = app;
  await atTheSearchBox(app);
  const from = sandbox.requests.length;
  const refused = await openLink(dataDir, 'toggl-tray://stop');
  expect(refused).toMatchObject({ code: 1, err: 'No timer is running, so this link has nothing to stop.\n' });
  const dialog = page.getByRole('alertdialog', { name: 'Open link' });
  await expect(dialog.getByRole('alert')).toHaveText(
    'This link cannot be carried out: No timer is running, so this link has nothing to stop.',
  );
  await expect(dialog.getByRole('button', { name: 'OK' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  await openLink(dataDir, 'toggl-tray://add?text=Fix%20login%20bug%20%40webiste%20~2h');
  await expect(dialog).toContainText('New task “Fix login bug” in Website redesign · est. 2 h');
  await openLink(dataDir, 'toggl-tray://start?project=Internal%20tools');
  await expect(dialog).toContainText(
    'This link replaced one that was waiting, which would have done: New task “Fix login bug” in Website redesign · est. 2 h',
  );
  await expect(dialog).toContainText('Start a timer on Internal tools');
  await expect(dialog.getByRole('button', { name: 'Start timer' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(sandbox.requests.slice(from).filter((request) => request.method !== 'GET')).toEqual([]);
});
