import { defineConfig } from '@playwright/test';
import type { ShellName } from './e2e/support/app-under-test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/chromium';
import { ELECTRON_SKIP_REASON, findElectronBinary } from './tools/electron/electron-binary';
import { EXPECT_TIMEOUT, TEST_TIMEOUT } from './e2e/support/timeouts';

// One clear line, printed once (not by every worker), when the electron project cannot run.
if (!findElectronBinary() && process.env.TEST_WORKER_INDEX === undefined) {
  process.stdout.write(`electron e2e project: skipped: ${ELECTRON_SKIP_REASON}\n`);
}

export default defineConfig<{ shell: ShellName }>({
  testDir: './e2e',
  outputDir: './test-results',
  // The README's screenshots live in docs/ (e2e/web/screenshots.spec.ts).
  snapshotPathTemplate: 'docs/screenshots/{arg}{ext}',
  // Budgets, with their reasons and E2E_SLOWDOWN for slower machines: e2e/support/timeouts.ts.
  timeout: TEST_TIMEOUT,
  expect: { timeout: EXPECT_TIMEOUT },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  // Every spec under e2e/specs runs in both shells; e2e/web and e2e/electron hold what only
  // one shell has (the browser shell's server; the tray, window and OS integration).
  projects: [
    {
      name: 'web',
      testMatch: ['specs/**/*.spec.ts', 'web/**/*.spec.ts'],
      use: {
        shell: 'web',
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs() },
      },
    },
    {
      name: 'electron',
      testMatch: ['specs/**/*.spec.ts', 'electron/**/*.spec.ts'],
      use: { shell: 'electron' },
    },
  ],
});
