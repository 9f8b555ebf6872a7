import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Reporter } from 'vitest/reporters';
import { defineConfig } from 'vitest/config';

/**
 * Ends the run with one plain line: "unit: N passed, N failed, N skipped". A test file that
 * failed outside its tests (it could not be loaded or collected, or a hook threw) counts as one
 * failure: otherwise a file that throws at import would leave the line at "0 failed".
 */
const summaryLine: Reporter = {
  onTestRunEnd(testModules, unhandledErrors) {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failedTests++;
        else counts.skipped++;
      }
      counts.failed += failedTests;
      if (failedTests === 0 && (module.state() === 'failed' || module.errors().length > 0)) counts.failed++;
    }
    process.stdout.write(`unit: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  },
};

export default defineConfig({
  // The renderer's state classes use runes: Svelte compiles them for the tests too.
  plugins: [svelte({ compilerOptions: { hmr: false } })],
  // Svelte's own batch module, the one its runtime imports (its package exports do not name
  // it): src/renderer/src/lib/svelte-batch-shape.ts says why the renderer reads it.
  resolve: {
    alias: { 'svelte-internal-batch': resolve('node_modules/svelte/src/internal/client/reactivity/batch.js') },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/renderer/components/**'] },
      },
      {
        // Components mount in a DOM with Svelte's browser build, against the real services.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: { name: 'components', include: ['test/renderer/components/**/*.test.ts'], environment: 'happy-dom' },
      },
    ],
    environment: 'node',
    reporters: ['default', summaryLine],
    testTimeout: 20_000,
    // A component test's beforeEach mounts the popover, the first in a file compiling it: a test's
    // work, so a test's budget (the default 10 s ran out once with both cores busy).
    hookTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'src/**/*.svelte'],
      exclude: [
        // Electron-only: they need the Electron runtime, which cannot be installed here;
        // the electron e2e project covers them where a binary exists.
        'src/main/index.ts',
        'src/main/electron/{app-protocol,desktop,electron-idle-source,electron-shell-port,electron-store-file,test-hooks,updates,electron-vault,ipc,popover-window,security,startup,system-events,tray,app-links}.ts',
        'src/preload/index.ts',
        // Types only: nothing runs.
        'src/**/*.d.ts',
        'src/main/services/changes/kind.ts',
        'src/main/services/events.ts',
        'src/main/services/idle/idle-source.ts',
        'src/main/services/toggl/types.ts',
        'src/shared/entities.ts',
        // The page's entry: three lines that mount App on #app (the component tests mount App themselves).
        'src/renderer/src/main.ts',
      ],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 92, branches: 80 },
    },
  },
});
