import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell';

interface Fixtures {
  /** A fresh, empty data dir for this test only. */
  dataDir: string;
  /** The browser shell, started for this test on its own port with its own data dir. */
  webShell: RunningWebShell;
}

export const test = base.extend<Fixtures>({
  // Playwright's fixture signature needs the (unused) first argument.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  webShell: async ({ dataDir }, use, testInfo) => {
    const shell = await startWebShellProcess({ TOGGL_TRAY_DATA_DIR: dataDir });
    await use(shell);
    await shell.stop();
    // Logs are kept with the screenshot and trace when a test fails.
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web-shell.log', { body: shell.logs(), contentType: 'text/plain' });
    }
  },
});

export { expect } from '@playwright/test';
