import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { onToggl, runningAtToggl, signIn } from '../support/app-page';
import { expectNoAxeViolations } from '../support/axe';
import { OUTBOX_DRAIN } from '../support/timeouts';

const KEYS = (digit: number) => `CommandOrControl+Alt+${digit}`;
/** As the app words them on this machine (the browser shell runs here). */
const SHOWN = (digit: number) => `${process.platform === 'darwin' ? 'Cmd' : 'Ctrl'}+Alt+${digit}`;

/** Settings opened by keyboard from the list: focus on the Settings button, Enter. */
async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  return page.getByRole('textbox', { name: /^Pin a project or task/ });
}

/** Types the words key by key into the focused box, waits for the preview to say it, and pins with Enter. */
async function pinByKeyboard(page: Page, words: string, preview: string | RegExp) {
  await page.keyboard.type(words);
  await expect(page.getByRole('status', { name: 'Pin preview' })).toHaveText(preview);
  await page.keyboard.press('Enter');
}

const pins = (page: Page) => page.getByRole('list', { name: 'Hotkeys' }).getByRole('listitem');

test('pin a project and a task by keyboard; their hotkeys start timers on them, offline too', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  await signIn(page);
  const box = await openSettings(page);
  await box.focus();
  await pinByKeyboard(page, 'webiste', `Pin “Website redesign” to ${SHOWN(1)}`);
  await expect(pins(page)).toHaveCount(1);
  // Focus stays in the emptied box for the next one.
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await pinByKeyboard(page, 'mobile onboard', `Pin “Mobile app · Onboarding flow” to ${SHOWN(2)}`);
  await expect(pins(page)).toHaveCount(2);
  await expect(pins(page).nth(0)).toContainText('Website redesign');
  await expect(pins(page).nth(0)).toContainText('Registered');
  await expect(pins(page).nth(1)).toContainText('Mobile app · Onboarding flow');
  await expect(page.getByRole('textbox', { name: 'Shortcut for Mobile app · Onboarding flow' })).toHaveValue(KEYS(2));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `settings with hotkeys (${scheme})`);
  }

  // Escape on the empty box closes Settings; the keys work wherever focus is (global).
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Settings' })).toHaveCount(0);
  await app.hotkey(`press ${KEYS(2)}`);
  const running = page.getByRole('region', { name: 'Running entry' });
  await expect(running).toContainText('Mobile app');
  await expect(running).toContainText('Onboarding flow');
  const mobile = onToggl(sandbox).project('Mobile app');
  const onboarding = onToggl(sandbox).task('Onboarding flow');
  await expect
    .poll(() => runningAtToggl(sandbox).map((entry) => [entry.project_id, entry.task_id]))
    .toEqual([[mobile?.id, onboarding?.id]]);

  // Offline: the press queues like the popover's Start, and reaches Toggl when it is back.
  await sandbox.setDown(true);
  await app.hotkey(`press ${KEYS(1)}`);
  await expect(running).toContainText('Website redesign');
  await sandbox.setDown(false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const website = onToggl(sandbox).project('Website redesign');
  await expect
    .poll(() => runningAtToggl(sandbox).map((entry) => [entry.project_id, entry.task_id]), {
      timeout: OUTBOX_DRAIN,
    })
    .toEqual([[website?.id, null]]);
});

test('five at most; an archived pin says so and its press starts nothing; Remove by keyboard keeps focus in the list', async ({
  app,
}) => {
  const { page } = app;
  await signIn(page);
  const box = await openSettings(page);
  await box.focus();
  const words = ['internal', 'website', 'mobile', 'newsletter', 'hiring'];
  for (const [index, word] of words.entries()) {
    await pinByKeyboard(page, word, new RegExp(`to ${SHOWN(index + 1).replace(/\+/g, '\\+')}$`));
    await expect(pins(page)).toHaveCount(index + 1);
  }
  // The sixth: the preview says why, and Enter pins nothing.
  await page.keyboard.type('garden');
  const why = '5 projects or tasks are pinned, the most there can be: remove one to pin “Garden planner”.';
  await expect(page.getByRole('status', { name: 'Pin preview' })).toHaveText(why);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(why);
  await expect(pins(page)).toHaveCount(5);
  // Escape clears the box first, and leaves Settings open.
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await page.keyboard.press('Escape');

  // Internal tools archived from the list (Ctrl+E on its row): its hotkey starts nothing, and says why.
  const row = page.getByRole('tree').getByRole('treeitem', { name: 'Internal tools', exact: true });
  await row.click();
  await page.keyboard.press('ControlOrMeta+e');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await app.hotkey(`press ${KEYS(1)}`);
  const notice = page.getByRole('region', { name: 'Hotkey started nothing' });
  await expect(notice).toContainText(`${SHOWN(1)} started nothing. “Internal tools” is archived: nothing starts.`);
  await expect(page.getByRole('region', { name: 'Running entry' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'hotkey notice');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // Settings shows it on its pin; Remove by keyboard moves focus to the next pin's Remove.
  await openSettings(page);
  await expect(pins(page).nth(0)).toContainText('“Internal tools” is archived');
  await page.getByRole('button', { name: 'Remove Internal tools' }).focus();
  await page.keyboard.press('Enter');
  await expect(pins(page)).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Remove Website redesign' })).toBeFocused();
  // The last one removed: focus goes to the one before.
  await page.getByRole('button', { name: 'Remove Hiring' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove Newsletter' })).toBeFocused();

  // Other keys for a pin, checked: a bad one says why; a good one sticks.
  const keys = page.getByRole('textbox', { name: 'Shortcut for Website redesign' });
  await keys.fill('Alt');
  await keys.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“Alt” is not a shortcut');
  await keys.fill('Alt+Shift+W');
  await keys.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(keys).toHaveValue('Alt+Shift+W');
  await app.hotkey('press Alt+Shift+W');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Running entry' })).toContainText('Website redesign');
});
