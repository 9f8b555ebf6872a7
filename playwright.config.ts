import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/chromium';
import { ELECTRON_SKIP_REASON, findElectronBinary } from './e2e/support/electron-binary';

// One clear line, printed once (not by every worker), when the electron project cannot run.
if (!findElectronBinary() && process.env.TEST_WORKER_INDEX === undefined) {
  process.stdout.write(`electron e2e project: skipped: ${ELECTRON_SKIP_REASON}\n`);
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'web',
      testMatch: 'web/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        viewport: { width: 380, height: 560 },
        launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs() },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
});
