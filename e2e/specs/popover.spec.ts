import { appVersion as version } from '../support/package-info';
import { expect, test } from '../fixtures';

test('the popover renders its header, the sign-in view and status line', async ({ app: { page } }) => {
  await expect(page.getByRole('heading', { name: 'Toggl Tray' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in to Toggl Track' })).toBeVisible();
  await expect(page.getByRole('status')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('popover.png') });
});

test('app.info round-trips from the services to the page, and the page has no Node', async ({ app }) => {
  const { page } = app;
  const info = page.getByTestId('app-info');
  const shell = app.shell === 'web' ? 'browser shell' : 'desktop';
  await expect(info).toHaveText(new RegExp(`^Toggl Tray ${version.replaceAll('.', '\\.')} · ${shell} · \\w+$`));
  await expect(page.getByRole('status')).toContainText('/api/v9');
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});
