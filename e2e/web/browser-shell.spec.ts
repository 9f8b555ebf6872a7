// Browser shell only: how its local server admits a page (the desktop app has no server).
import { expect, test } from '../fixtures';

test('a connection without the secret is refused', async ({ app, webBrowser }) => {
  const origin = new URL(app.page.url()).origin;
  // A browser that never had the secret (no cookie either) gets nothing.
  const stranger = await webBrowser?.newPage();
  if (!stranger) throw new Error('the web project has a browser');
  const withoutSecret = await stranger.goto(origin + '/');
  expect(withoutSecret?.status()).toBe(403);
  await expect(stranger.locator('body')).toContainText('open the address with the secret');
  await stranger.close();

  // A page from the shell's own origin that tries the socket without the key is refused too,
  // even with the cookie the shell set for its files.
  const outcome = await app.page.evaluate(
    (shellOrigin) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${shellOrigin.replace('http', 'ws')}/ipc`);
        socket.onopen = () => resolve('open');
        socket.onclose = () => resolve('refused');
      }),
    origin,
  );
  expect(outcome).toBe('refused');
});
