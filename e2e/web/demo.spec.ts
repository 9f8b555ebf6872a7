// Browser shell only: `npm run demo:web` (the desktop demo, `npm run demo`, needs an Electron binary).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { APP_START } from '../support/timeouts';

test('npm run demo:web opens the browser shell signed into the sandbox’s demo account', async ({ webBrowser }) => {
  if (!webBrowser) throw new Error('the web project has a browser');
  const page = await webBrowser.newPage({ viewport: { width: 380, height: 560 } });
  // The renderer is already built by test:e2e; this runs what demo:web runs after its build.
  const demo = spawn(process.execPath, ['--import', 'tsx', path.resolve('tools/sandbox/demo.ts'), 'web'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TOGGL_TRAY_PORT: '0' },
  });
  let output = '';
  demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => output, { timeout: APP_START }).toMatch(/^Toggl Tray web shell: \S+$/m);
    const url = /^Toggl Tray web shell: (\S+)$/m.exec(output)?.[1] ?? '';
    expect(output).toMatch(
      /^Toggl sandbox: http:\/\/127\.0\.0\.1:\d+\/api\/v9 \(demo account: demo@toggl-tray\.test\)$/m,
    );
    await page.goto(url);
    await expect(page.getByTestId('user-name')).toHaveText('Dana Demo');
  } finally {
    const exited = new Promise((resolve) => demo.once('exit', resolve));
    demo.kill('SIGTERM');
    await exited;
  }
});
