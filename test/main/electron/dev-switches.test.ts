import { describe, expect, it } from 'vitest';
import { readDevSwitches } from '../../../src/main/electron/dev-switches';

const env = {
  ELECTRON_RENDERER_URL: 'http://localhost:5173',
  TOGGL_TRAY_IPC_RECORD: '/tmp/ipc.log',
  TOGGL_TRAY_TEST_HOOKS: '1',
  TOGGL_TRAY_WINDOW_MODE: 'popover',
  TOGGL_API_URL: 'http://127.0.0.1:4010/api/v9',
};

describe('development switches', () => {
  it('an unpackaged build takes them: the dev server, IPC recording, test hooks', () => {
    expect(readDevSwitches(env, false)).toEqual({
      rendererUrl: 'http://localhost:5173',
      ipcRecordFile: '/tmp/ipc.log',
      testHooks: true,
      windowMode: 'popover',
      ignored: [],
    });
    expect(readDevSwitches({ TOGGL_TRAY_WINDOW_MODE: 'sideways' }, false).windowMode).toBeUndefined();
    expect(readDevSwitches({ TOGGL_TRAY_TEST_HOOKS: 'yes' }, false).testHooks).toBe(false);
  });

  it('a release build takes none and names the ones it ignored (TOGGL_API_URL is a feature, read elsewhere)', () => {
    expect(readDevSwitches(env, true)).toEqual({
      rendererUrl: undefined,
      ipcRecordFile: undefined,
      testHooks: false,
      windowMode: undefined,
      ignored: ['ELECTRON_RENDERER_URL', 'TOGGL_TRAY_IPC_RECORD', 'TOGGL_TRAY_TEST_HOOKS', 'TOGGL_TRAY_WINDOW_MODE'],
    });
    expect(readDevSwitches({}, true).ignored).toEqual([]);
  });
});
