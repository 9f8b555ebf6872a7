import { appVersion as version } from '../support/package-info';
import { expect, test } from '../fixtures';

test('the popover renders its header, the sign-in view and status line', async ({ page, webShell }) => {
  await page.goto(webShell.url);
  await expect(page.getByRole('heading', { name: 'Toggl Tray' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in to Toggl Track' })).toBeVisible();
  await expect(page.getByRole('status')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('popover.png') });
});

test('app.info round-trips from the services to the page', async ({ page, webShell }) => {
  await page.goto(webShell.url);
  const info = page.getByTestId('app-info');
  await expect(info).toHaveText(new RegExp(`^Toggl Tray ${version.replaceAll('.', '\\.')} · browser shell · \\w+$`));
  await expect(page.getByRole('status')).toContainText('/api/v9');
});

test('a connection without the secret is refused', async ({ page, webShell }) => {
  const withoutSecret = await page.goto(webShell.origin + '/');
  expect(withoutSecret?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('open the address with the secret');

  // A page from the shell's own origin that tries the socket without the key is refused too.
  await page.goto(webShell.url);
  const outcome = await page.evaluate(
    (origin) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${origin.replace('http', 'ws')}/ipc`);
        socket.onopen = () => resolve('open');
        socket.onclose = () => resolve('refused');
      }),
    webShell.origin,
  );
  expect(outcome).toBe('refused');
});
