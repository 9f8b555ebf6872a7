import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Browser } from '@playwright/test';
import { createFixture, createLargeAccount } from '../tools/sandbox/fixture';
import { KeytarVault } from '../src/main/services/vault/keytar-vault';
import { vaultAccount } from '../src/main/services/vault/vault';
import { TogglSandbox } from '../tools/sandbox/server';
import { electronApp, webApp, type AppUnderTest, type ShellName } from './support/app-under-test';
import { ELECTRON_SKIP_REASON, findElectronBinary } from '../tools/electron/electron-binary';

interface TestFixtures {
  /** The sandbox's account: the demo account, or a large one of this many projects and tasks. */
  account: 'demo' | { projects: number; tasks: number };
  /** A fresh, empty data dir for this test only. */
  dataDir: string;
  /** Toggl, played by the sandbox on port 0 with the demo account. */
  sandbox: TogglSandbox;
  /** Every message the app's main side sent to the page during this test, one JSON per line. */
  ipcRecordFile: string;
  /** The app, started in this project's shell on this test's data dir and sandbox. */
  app: AppUnderTest;
}

interface WorkerFixtures {
  /** Which shell this project drives: set per project in playwright.config.ts. */
  shell: ShellName;
  /** Chromium for the browser shell's pages; none in the Electron project. */
  webBrowser: Browser | undefined;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  shell: ['web', { option: true, scope: 'worker' }],
  webBrowser: [
    async ({ shell, playwright, launchOptions }, use) => {
      if (shell !== 'web') return use(undefined);
      const browser = await playwright.chromium.launch(launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  // Playwright's fixture signature needs the (unused) first argument.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  account: ['demo', { option: true }],
  sandbox: async ({ account }, use) => {
    const state = account === 'demo' ? createFixture() : createLargeAccount(account.projects, account.tasks);
    const sandbox = new TogglSandbox({ state, rateLimit: false });
    await sandbox.start();
    await use(sandbox);
    await sandbox.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  ipcRecordFile: async ({}, use, testInfo) => {
    await use(testInfo.outputPath('ipc-record.jsonl'));
  },
  app: async ({ shell, webBrowser, dataDir, sandbox, ipcRecordFile }, use, testInfo) => {
    testInfo.skip(shell === 'electron' && !findElectronBinary(), ELECTRON_SKIP_REASON);
    // The keychain outlives a test, and its entry is named by the sandbox's address: a port an
    // earlier test's sandbox had may come round again, and its token must not sign this test in.
    await new KeytarVault(vaultAccount(sandbox.apiUrl)).delete();
    const env = { TOGGL_TRAY_DATA_DIR: dataDir, TOGGL_API_URL: sandbox.apiUrl, TOGGL_TRAY_IPC_RECORD: ipcRecordFile };
    const app = shell === 'web' && webBrowser ? webApp(webBrowser, env) : electronApp(env);
    await app.start();
    await use(app);
    // Logs and a screenshot are kept with the trace when a test fails.
    if (testInfo.status !== testInfo.expectedStatus) {
      await app.page.screenshot({ path: testInfo.outputPath('failure.png') }).catch(() => undefined);
      await testInfo.attach(`${shell}-app.log`, { body: app.logs(), contentType: 'text/plain' });
    }
    await app.stop();
    await app.page
      .context()
      .close()
      .catch(() => undefined);
  },
});

export { expect } from '@playwright/test';
