import path from 'node:path';
import { _electron as electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import type { TrayTestHooks } from '../../src/main/electron/test-hooks';
import { findElectronBinary } from '../../tools/electron/electron-binary';
import { APP_START } from './timeouts';
import { startWebShellProcess, type RunningWebShell } from './web-shell';

export type ShellName = 'web' | 'electron';

/**
 * The app as a spec sees it, whichever shell launched it: its popover page, and a way to
 * quit and start it again on the same data dir and sandbox.
 */
export interface AppUnderTest {
  readonly shell: ShellName;
  /** The popover of the running app, shown. */
  readonly page: Page;
  /** Starts the app (again) and shows its popover; answers the page. */
  start(): Promise<Page>;
  /** Quits the app; the data dir and the sandbox stay. */
  stop(): Promise<void>;
  /** What the app's processes printed, for the report of a failed test. */
  logs(): string;
  /**
   * Tells the app's machine (its test hooks) that the user was idle, or it slept or locked:
   * "idle <seconds>" (the last input was that long ago), "suspend", "resume", "lock", "unlock".
   */
  idle(command: string): Promise<void>;
  /**
   * The pinned hotkeys through the test hooks: "press <keys>" (the user presses them),
   * "hold <keys>" (another app takes them). A press of keys the app does not hold fails.
   */
  hotkey(command: string): Promise<void>;
  /** The Electron main process, for the desktop-only specs (undefined in the browser shell). */
  readonly electron: ElectronApplication | undefined;
}

/** The environment both shells read: the sandbox, the data dir, the IPC record. */
export type AppEnv = Record<'TOGGL_API_URL' | 'TOGGL_TRAY_DATA_DIR' | 'TOGGL_TRAY_IPC_RECORD', string>;

/** The browser shell in its own Node process; the page is a Chromium tab at its address. */
export function webApp(browser: Browser, env: AppEnv): AppUnderTest {
  const shells: RunningWebShell[] = [];
  let current: RunningWebShell | undefined;
  let page: Page | undefined;
  return {
    shell: 'web',
    get page() {
      if (!page) throw new Error('the app is not started');
      return page;
    },
    async start() {
      current = await startWebShellProcess({ ...env, TOGGL_TRAY_TEST_HOOKS: '1' });
      shells.push(current);
      page ??= await (await browser.newContext({ viewport: { width: 380, height: 560 } })).newPage();
      await page.goto(current.url, { timeout: APP_START });
      return page;
    },
    async stop() {
      await current?.stop();
      current = undefined;
    },
    logs: () => shells.map((shell, index) => `── web shell #${index + 1} ──\n${shell.logs()}`).join('\n'),
    idle: async (command) => {
      if (!current) throw new Error('the app is not started');
      await current.command(command);
    },
    hotkey: async (command) => {
      if (!current) throw new Error('the app is not started');
      await current.command(`hotkey ${command}`);
    },
    electron: undefined,
  };
}

/** The built desktop app through Playwright's Electron launcher; the page is its popover window. */
export function electronApp(env: AppEnv): AppUnderTest {
  const executablePath = findElectronBinary();
  let running: ElectronApplication | undefined;
  let page: Page | undefined;
  let output = '';
  return {
    shell: 'electron',
    get page() {
      if (!page) throw new Error('the app is not started');
      return page;
    },
    async start() {
      if (!executablePath) throw new Error('no Electron binary');
      running = await electron.launch({
        executablePath,
        args: [path.resolve('.'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        // The tray has no DOM: the desktop-only specs reach it through test hooks (never packaged).
        // Launch at login writes its autostart file under XDG_CONFIG_HOME on Linux: the test's own.
        env: {
          ...process.env,
          ...env,
          TOGGL_TRAY_TEST_HOOKS: '1',
          // A CI session bus has no tray host: the specs test the popover, as on a desktop with a tray.
          TOGGL_TRAY_WINDOW_MODE: 'popover',
          XDG_CONFIG_HOME: path.join(env.TOGGL_TRAY_DATA_DIR, 'xdg-config'),
        },
        timeout: APP_START,
      });
      running.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      running.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      page = await running.firstWindow({ timeout: APP_START });
      await page.waitForLoadState('domcontentloaded');
      // The popover starts hidden until the tray is clicked: show it as that click would.
      await running.evaluate(() =>
        (globalThis as { togglTrayTestHooks?: { showPopover(): void } }).togglTrayTestHooks?.showPopover(),
      );
      return page;
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
    logs: () => output,
    async idle(command) {
      if (!running) throw new Error('the app is not started');
      await running.evaluate(
        (_electron, line) => (globalThis as { togglTrayTestHooks?: TrayTestHooks }).togglTrayTestHooks?.idle(line),
        command,
      );
    },
    async hotkey(command) {
      if (!running) throw new Error('the app is not started');
      await running.evaluate(
        (_electron, line) => (globalThis as { togglTrayTestHooks?: TrayTestHooks }).togglTrayTestHooks?.hotkey(line),
        command,
      );
    },
    get electron() {
      return running;
    },
  };
}
