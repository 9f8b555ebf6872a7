import path from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { appVersion as version } from '../support/package-info';
import { expect, test } from '../fixtures';
import { ELECTRON_SKIP_REASON, findElectronBinary } from '../support/electron-binary';

const binary = findElectronBinary();
test.skip(!binary, ELECTRON_SKIP_REASON);

async function launch(dataDir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary,
    args: [path.resolve('.'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, TOGGL_TRAY_DATA_DIR: dataDir },
  });
}

test('the popover renders, app.info round-trips, and Escape hides it', async ({ dataDir }) => {
  const app = await launch(dataDir);
  try {
    const page = await app.firstWindow();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible())).toBe(false);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.show());
    await expect(page.getByRole('heading', { name: 'Toggl Tray' })).toBeVisible();
    await expect(page.getByTestId('app-info')).toContainText(`Toggl Tray ${version} · desktop`);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    await page.keyboard.press('Escape');
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible()))
      .toBe(false);
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(dataDir);
  } finally {
    await app.close();
  }
});
