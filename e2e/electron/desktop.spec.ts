// Desktop only: the tray, the popover window and what the OS does for the app. Every other
// behaviour is in e2e/specs and runs here too.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ElectronApplication } from '@playwright/test';
import type { TrayTestHooks } from '../../src/main/electron/test-hooks';
import { expect, test } from '../fixtures';
import { runningAtToggl, signIn } from '../support/app-page';
import { findElectronBinary } from '../../tools/electron/electron-binary';
import { TOGGL_UNREACHABLE } from '../support/timeouts';

type HooksGlobal = typeof globalThis & { togglTrayTestHooks: TrayTestHooks };

function main(app: { electron: ElectronApplication | undefined }): ElectronApplication {
  if (!app.electron) throw new Error('the Electron project runs these');
  return app.electron;
}

// The popover through its own hooks: other windows a spec opens come in no set order.
const hooks = (electron: ElectronApplication) => ({
  visible: () => electron.evaluate(() => (globalThis as HooksGlobal).togglTrayTestHooks.popoverVisible()),
  show: () => electron.evaluate(() => (globalThis as HooksGlobal).togglTrayTestHooks.showPopover()),
  hide: () => electron.evaluate(() => (globalThis as HooksGlobal).togglTrayTestHooks.hidePopover()),
  close: () => electron.evaluate(() => (globalThis as HooksGlobal).togglTrayTestHooks.closePopover()),
});
const popoverVisible = (electron: ElectronApplication) => hooks(electron).visible();

/**
 * The same executable started again on the same data folder, as a terminal or the OS starts the
 * installed app: Electron, the app folder, then the arguments (Chromium's flags before them, as a
 * launcher puts its own). Answers its exit code and what it printed.
 */
async function launchAgain(
  dataDir: string,
  args: string[],
): Promise<{ code: number | null; out: string; err: string }> {
  const sandboxOff = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const second = spawn(findElectronBinary() ?? '', [path.resolve('.'), ...sandboxOff, ...args], {
    env: { ...process.env, TOGGL_TRAY_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  second.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  second.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  return { code, out, err };
}

test('the tray menu has its lines, and "Settings…" opens the popover on Settings', async ({ app }) => {
  const electron = main(app);
  await signIn(app.page);
  await hooks(electron).hide();
  expect(await electron.evaluate(() => (globalThis as HooksGlobal).togglTrayTestHooks.menuLabels())).toEqual([
    'Open Toggl Tray',
    'Refresh',
    'Settings…',
    'Sign out…',
    'Open Logs Folder',
    'Quit Toggl Tray',
  ]);
  await electron.evaluate(() => (globalThis as HooksGlobal).togglTrayTestHooks.clickMenuItem('Settings…'));
  await expect.poll(() => popoverVisible(electron)).toBe(true);
  await expect(app.page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

test('a tray click opens the popover beside the icon, inside the work area; a second click closes it', async ({
  app,
}) => {
  const electron = main(app);
  await hooks(electron).hide();
  const { bounds, workArea, icon } = await electron.evaluate(({ BrowserWindow, screen }) => {
    const area = screen.getPrimaryDisplay().workArea;
    // An icon in the top-right corner, as on a macOS menu bar or a top panel.
    const trayIcon = { x: area.x + area.width - 30, y: area.y, width: 24, height: 24 };
    (globalThis as HooksGlobal).togglTrayTestHooks.clickTray(trayIcon);
    const popover = BrowserWindow.getAllWindows().find((window) => window.getTitle() === 'Toggl Tray');
    return { icon: trayIcon, workArea: area, bounds: popover?.getBounds() };
  });
  expect(bounds).toBeDefined();
  expect(bounds?.x ?? -1).toBeGreaterThanOrEqual(workArea.x);
  expect((bounds?.x ?? 0) + (bounds?.width ?? 0)).toBeLessThanOrEqual(workArea.x + workArea.width);
  expect(bounds?.y ?? -1).toBeGreaterThanOrEqual(icon.y + icon.height);
  expect(await popoverVisible(electron)).toBe(true);
  await electron.evaluate(() =>
    (globalThis as HooksGlobal).togglTrayTestHooks.clickTray({ x: 0, y: 0, width: 24, height: 24 }),
  );
  await expect.poll(() => popoverVisible(electron)).toBe(false);
});

test('the popover hides when another window takes the focus, and on Escape', async ({ app }) => {
  const electron = main(app);
  await hooks(electron).show();
  await electron.evaluate(({ BrowserWindow }) => {
    const other = new BrowserWindow({ width: 200, height: 200, show: true });
    other.focus();
  });
  await expect.poll(() => popoverVisible(electron)).toBe(false);
  await hooks(electron).show();
  await app.page.keyboard.press('Escape');
  await expect.poll(() => popoverVisible(electron)).toBe(false);
});

test('a second launch does not start a second app: it opens the first one’s popover', async ({ app, dataDir }) => {
  const electron = main(app);
  await hooks(electron).hide();
  const second = spawn(
    findElectronBinary() ?? '',
    [path.resolve('.'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    { env: { ...process.env, TOGGL_TRAY_DATA_DIR: dataDir }, stdio: 'ignore' },
  );
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  expect(code).toBe(0);
  await expect.poll(() => popoverVisible(electron)).toBe(true);
});

test('`toggl-tray --toggle` from a second start closes an open popover (a key bound on Wayland)', async ({
  app,
  dataDir,
}) => {
  const electron = main(app);
  expect(await popoverVisible(electron)).toBe(true);
  const second = spawn(
    findElectronBinary() ?? '',
    [path.resolve('.'), '--toggle', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    { env: { ...process.env, TOGGL_TRAY_DATA_DIR: dataDir }, stdio: 'ignore' },
  );
  expect(await new Promise<number | null>((resolve) => second.once('exit', resolve))).toBe(0);
  await expect.poll(() => popoverVisible(electron)).toBe(false);
});

test('`toggl-tray start`, `status` and `stop` from a second start answer through the socket with their exit code', async ({
  app,
  dataDir,
  sandbox,
}) => {
  await signIn(app.page);
  const started = await launchAgain(dataDir, ['start', 'Review @website']);
  expect(started).toMatchObject({ code: 0, out: 'Started “Review” on “Website redesign”.\n' });
  await expect.poll(() => runningAtToggl(sandbox).map((entry) => entry.description)).toEqual(['Review']);
  // status.json is rewritten within a second of the change; status reads it, never the socket.
  await expect
    .poll(async () => (await launchAgain(dataDir, ['status'])).out)
    .toMatch(/^Running \d+:\d\d:\d\d: Review · Website redesign/);
  const status = await launchAgain(dataDir, ['status', '--json']);
  expect(status.code).toBe(0);
  expect(JSON.parse(status.out)).toMatchObject({ appRunning: true, running: { description: 'Review' } });
  expect(await launchAgain(dataDir, ['stop'])).toMatchObject({ code: 0, out: 'Stopped “Review”.\n' });
  await expect.poll(() => runningAtToggl(sandbox)).toEqual([]);
  expect(await launchAgain(dataDir, ['stop'])).toMatchObject({ code: 0, out: 'No timer is running.\n' });
  // Refused: the reason on stderr, exit 1.
  expect(await launchAgain(dataDir, ['start', 'x @zzqqxx'])).toMatchObject({
    code: 1,
    err: 'No project matches “zzqqxx”.\n',
  });
});

test('a second start with a toggl-tray:// link (as the OS starts it) shows the confirm; Enter starts the timer', async ({
  app,
  dataDir,
  sandbox,
}) => {
  const electron = main(app);
  await signIn(app.page);
  await hooks(electron).hide();
  const link = 'toggl-tray://start?project=webiste%20redesgn&description=From%20a%20link';
  // No CLI answer for a link: it goes with the single-instance lock, and the second start quits.
  expect((await launchAgain(dataDir, [link])).code).toBe(0);
  await expect.poll(() => popoverVisible(electron)).toBe(true);
  const dialog = app.page.getByRole('alertdialog', { name: 'Open link' });
  await expect(dialog).toContainText('Start a timer on Website redesign · description “From a link”');
  await expect(dialog.getByRole('button', { name: 'Start timer' })).toBeFocused();
  expect(runningAtToggl(sandbox)).toEqual([]);
  await app.page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => runningAtToggl(sandbox).map((entry) => entry.description)).toEqual(['From a link']);
});

test('macOS "open-url" (a link clicked while the app runs) shows the same confirm; Escape changes nothing', async ({
  app,
  sandbox,
}) => {
  const electron = main(app);
  await signIn(app.page);
  await hooks(electron).hide();
  // Emitted as macOS would: the app's own handler (registered before ready) takes it on every OS.
  await electron.evaluate(({ app: electronApp }) => {
    const event = { preventDefault: () => undefined };
    electronApp.emit('open-url', event, 'toggl-tray://stop');
  });
  await expect.poll(() => popoverVisible(electron)).toBe(true);
  const dialog = app.page.getByRole('alertdialog', { name: 'Open link' });
  await expect(dialog.getByRole('alert')).toContainText('No timer is running, so this link has nothing to stop.');
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(runningAtToggl(sandbox)).toEqual([]);
});

test('the global shortcut set in Settings is registered with the OS', async ({ app }) => {
  const electron = main(app);
  await signIn(app.page);
  await app.page.getByRole('button', { name: 'Settings' }).click();
  const field = app.page.getByRole('textbox', { name: 'Shortcut to open' });
  await field.clear();
  await field.pressSequentially('CommandOrControl+Shift+Y');
  await app.page.getByRole('button', { name: 'Set' }).click();
  await expect
    .poll(() => electron.evaluate(({ globalShortcut }) => globalShortcut.isRegistered('CommandOrControl+Shift+Y')))
    .toBe(true);
});

test('"Launch at login" in Settings sets the OS login item (an XDG autostart file on Linux)', async ({
  app,
  dataDir,
}) => {
  // macOS registers an unbundled Electron.app (node_modules) as needing approval in System
  // Settings, and the test would change the runner's own login items: the packaged app only.
  test.skip(process.platform === 'darwin', 'macOS login items need the signed, packaged app');
  const electron = main(app);
  const autostartFile = path.join(dataDir, 'xdg-config', 'autostart', 'toggl-tray.desktop');
  const loginItemOn = (): Promise<boolean> =>
    process.platform === 'linux'
      ? Promise.resolve(existsSync(autostartFile))
      : electron.evaluate(({ app: electronApp }) => electronApp.getLoginItemSettings().openAtLogin);
  await signIn(app.page);
  await app.page.getByRole('button', { name: 'Settings' }).click();
  const checkbox = app.page.getByRole('checkbox', { name: 'Launch at login' });
  await checkbox.check();
  await expect.poll(loginItemOn).toBe(true);
  await checkbox.uncheck();
  await expect.poll(loginItemOn).toBe(false);
  await expect(checkbox).not.toBeChecked();
});

test('closing the popover (Ctrl/Cmd+W, Alt+F4) hides it; the next tray click shows the same window', async ({
  app,
}) => {
  const electron = main(app);
  await hooks(electron).close();
  await expect.poll(() => popoverVisible(electron)).toBe(false);
  expect(await electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await electron.evaluate(() =>
    (globalThis as HooksGlobal).togglTrayTestHooks.clickTray({ x: 10, y: 10, width: 24, height: 24 }),
  );
  await expect.poll(() => popoverVisible(electron)).toBe(true);
});

test('the application menu has no Close, and reload only in a development build', async ({ app }) => {
  const electron = main(app);
  const roles = await electron.evaluate(({ Menu }) => {
    const walk = (menu: Electron.Menu | null): string[] =>
      (menu?.items ?? []).flatMap((item) => [item.role ?? '', ...walk(item.submenu ?? null)]);
    return walk(Menu.getApplicationMenu());
  });
  expect(roles.map((role) => role.toLowerCase())).not.toContain('close');
  // These specs run the unpackaged build: it keeps reload and the developer tools.
  expect(roles.map((role) => role.toLowerCase())).toContain('reload');
});

test('macOS "activate" (the app opened again from Finder or Spotlight) shows the popover', async ({ app }) => {
  const electron = main(app);
  await hooks(electron).hide();
  await electron.evaluate(({ app: electronApp }) => electronApp.emit('activate'));
  await expect.poll(() => popoverVisible(electron)).toBe(true);
});

test('the tray icon shows changes waiting, then offline, then all well again', async ({ app, sandbox }) => {
  const electron = main(app);
  const trayState = () => electron.evaluate(() => (globalThis as HooksGlobal).togglTrayTestHooks.trayState());
  await signIn(app.page);
  await expect.poll(trayState).toBe('normal');
  await sandbox.setDown(true);
  const internal = app.page.getByRole('tree').getByRole('treeitem', { name: 'Internal tools', exact: true });
  await internal.click();
  await internal.getByRole('button', { name: 'Archive' }).click();
  await expect.poll(trayState, { timeout: TOGGL_UNREACHABLE }).toBe('offline');
  await sandbox.setDown(false);
  await app.page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(trayState).toBe('normal');
});
