import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import keytar from 'keytar';
import { DEMO } from '../../tools/sandbox/fixture';
import { VAULT_SERVICE, vaultAccount } from '../../src/main/services/vault/vault';
import { expect, test } from '../fixtures';

async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.getByRole('textbox', { name: 'API token' }).fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function everyFileIn(dir: string): Promise<{ name: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => ({
        name: entry.name,
        text: await readFile(path.join(entry.parentPath, entry.name), 'utf8'),
      })),
  );
}

test('a bad token shows Toggl’s refusal in the alert', async ({ app: { page } }) => {
  await signInWithToken(page, '0123456789abcdef0123456789abcdef');
  await expect(page.getByRole('alert')).toHaveText(
    'Toggl did not accept this API token (Toggl said: Incorrect username and/or password). Check it and try again.',
  );
  await expect(page.getByRole('textbox', { name: 'API token' })).toBeVisible();
});

test('the token field is masked until "Show"', async ({ app: { page } }) => {
  const field = page.getByRole('textbox', { name: 'API token' });
  await expect(field).toHaveCSS('-webkit-text-security', 'disc');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(field).toHaveCSS('-webkit-text-security', 'none');
});

test('sign in, restart signed in, sign out; the token never reaches the page or the data dir', async ({
  app,
  sandbox,
  dataDir,
  ipcRecordFile,
}) => {
  const account = vaultAccount(sandbox.apiUrl);
  let page = app.page;
  await signInWithToken(page, DEMO.apiToken);
  await expect(page.getByTestId('user-name')).toHaveText('Dana Demo');
  expect(await keytar.getPassword(VAULT_SERVICE, account)).toBe(DEMO.apiToken);

  // Restart the app on the same data dir: straight into the main view.
  await app.stop();
  page = await app.start();
  await expect(page.getByTestId('user-name')).toHaveText('Dana Demo');
  await page.screenshot({ path: test.info().outputPath('signed-in.png') });

  await page.getByRole('button', { name: 'Settings' }).click();
  // The app talks to the sandbox, not Toggl: Settings says so.
  await expect(page.getByTestId('custom-api')).toHaveText(
    /^Connected to http:\/\/127\.0\.0\.1:\d+\/api\/v9, not Toggl Track \(set by TOGGL_API_URL\)\.$/,
  );
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('textbox', { name: 'API token' })).toBeVisible();
  expect(await keytar.getPassword(VAULT_SERVICE, account)).toBeNull();

  const files = await everyFileIn(dataDir);
  for (const file of files) expect(file.text, file.name).not.toContain(DEMO.apiToken);
  const record = await readFile(ipcRecordFile, 'utf8');
  expect(record).toContain('"session.changed"');
  expect(record).toContain('Dana Demo');
  expect(record).not.toContain(DEMO.apiToken);
});

test('email and password fetch the token; the password is kept nowhere', async ({
  app: { page },
  dataDir,
  ipcRecordFile,
}) => {
  await page.getByRole('button', { name: 'Use email and password' }).click();
  await page.getByRole('textbox', { name: 'Email' }).fill(DEMO.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText('Dana Demo');
  const everything = [
    (await everyFileIn(dataDir)).map((file) => file.text).join('\n'),
    await readFile(ipcRecordFile, 'utf8'),
  ].join('\n');
  expect(everything).not.toContain(DEMO.password);
  expect(everything).not.toContain(DEMO.apiToken);
});

test('a token revoked in the sandbox sends the user to sign-in with the reason', async ({ app: { page }, sandbox }) => {
  await signInWithToken(page, DEMO.apiToken);
  await expect(page.getByTestId('user-name')).toHaveText('Dana Demo');
  sandbox.revokeToken(DEMO.apiToken);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Toggl no longer accepts the saved API token (it may have been reset). Sign in again.',
  );
  await expect(page.getByRole('textbox', { name: 'API token' })).toBeVisible();
});

test('offline sign-in says Toggl cannot be reached, and nothing is stored', async ({ app: { page }, sandbox }) => {
  await sandbox.setDown(true);
  await signInWithToken(page, DEMO.apiToken);
  await expect(page.getByRole('alert')).toHaveText('Toggl cannot be reached. Check your internet connection.');
  expect(await keytar.getPassword(VAULT_SERVICE, vaultAccount(sandbox.apiUrl))).toBeNull();
});
