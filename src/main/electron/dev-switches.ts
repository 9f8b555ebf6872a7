import type { WindowMode } from '../services/desktop/placement';

/**
 * The environment switches that exist for development and tests. A release build takes none
 * of them: IPC recording would write every answer to any file named, and the test hooks reach
 * into the tray. TOGGL_API_URL and TOGGL_TRAY_DATA_DIR are features (a sandbox, a portable
 * data folder) and are read elsewhere, in both kinds of build.
 */
export interface DevSwitches {
  /** electron-vite's dev server, for hot reload. */
  rendererUrl: string | undefined;
  /** TOGGL_TRAY_IPC_RECORD: a file the e2e specs read to prove the page never sees the token. */
  ipcRecordFile: string | undefined;
  /** TOGGL_TRAY_TEST_HOOKS=1: the tray reachable from Playwright's Electron launcher. */
  testHooks: boolean;
  /**
   * TOGGL_TRAY_WINDOW_MODE=popover|window: the placement the tests want whatever the desktop
   * (a CI session bus has no tray host, which would make every start a normal window).
   */
  windowMode: WindowMode | undefined;
  /** Switches set in the environment and ignored because this is a release build (logged). */
  ignored: string[];
}

const NAMES = [
  'ELECTRON_RENDERER_URL',
  'TOGGL_TRAY_IPC_RECORD',
  'TOGGL_TRAY_TEST_HOOKS',
  'TOGGL_TRAY_WINDOW_MODE',
] as const;

const readWindowMode = (value: string | undefined): WindowMode | undefined =>
  value === 'popover' || value === 'window' ? value : undefined;

export function readDevSwitches(env: NodeJS.ProcessEnv, packaged: boolean): DevSwitches {
  const set = (name: (typeof NAMES)[number]): string | undefined => env[name]?.trim() || undefined;
  if (packaged) {
    return {
      rendererUrl: undefined,
      ipcRecordFile: undefined,
      testHooks: false,
      windowMode: undefined,
      ignored: NAMES.filter((name) => set(name) !== undefined),
    };
  }
  return {
    rendererUrl: set('ELECTRON_RENDERER_URL'),
    ipcRecordFile: set('TOGGL_TRAY_IPC_RECORD'),
    testHooks: set('TOGGL_TRAY_TEST_HOOKS') === '1',
    windowMode: readWindowMode(set('TOGGL_TRAY_WINDOW_MODE')),
    ignored: [],
  };
}
