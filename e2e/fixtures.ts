import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { createFixture } from '../tools/sandbox/fixture';
import { TogglSandbox } from '../tools/sandbox/server';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell';

interface Fixtures {
  /** A fresh, empty data dir for this test only. */
  dataDir: string;
  /** Toggl, played by the sandbox on port 0 with the demo account. */
  sandbox: TogglSandbox;
  /** Every message the web shell sent to the page during this test, one JSON per line. */
  ipcRecordFile: string;
  /** Starts the browser shell on this test's data dir and sandbox (again, for a restart). */
  launchWebShell: () => Promise<RunningWebShell>;
  /** The browser shell, started once for this test. */
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
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = new TogglSandbox({ state: createFixture(), rateLimit: false });
    await sandbox.start();
    await use(sandbox);
    await sandbox.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  ipcRecordFile: async ({}, use, testInfo) => {
    await use(testInfo.outputPath('ipc-record.jsonl'));
  },
  launchWebShell: async ({ dataDir, sandbox, ipcRecordFile }, use, testInfo) => {
    const shells: RunningWebShell[] = [];
    await use(async () => {
      const shell = await startWebShellProcess({
        TOGGL_TRAY_DATA_DIR: dataDir,
        TOGGL_API_URL: sandbox.apiUrl,
        TOGGL_TRAY_IPC_RECORD: ipcRecordFile,
      });
      shells.push(shell);
      return shell;
    });
    for (const shell of shells) await shell.stop();
    // Logs are kept with the screenshot and trace when a test fails.
    if (testInfo.status !== testInfo.expectedStatus) {
      const logs = shells.map((shell, index) => `── web shell #${index + 1} ──\n${shell.logs()}`).join('\n');
      await testInfo.attach('web-shell.log', { body: logs, contentType: 'text/plain' });
    }
  },
  webShell: async ({ launchWebShell }, use) => {
    await use(await launchWebShell());
  },
});

export { expect } from '@playwright/test';
