import { describe, expect, it } from 'vitest';
import { linkRegistration } from '../../../../src/main/services/desktop/link-registration';

const facts = {
  packaged: true,
  testHooks: false,
  execPath: 'C:\\electron\\electron.exe',
  appPath: 'C:\\src\\toggl-tray',
};

describe('registering as the toggl-tray:// handler', () => {
  it('an installed app registers its own executable on every system', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const)
      expect(linkRegistration({ ...facts, platform })).toEqual({ register: true, via: null });
  });

  it('a checkout on Windows registers Electron with the app folder; on macOS and Linux it cannot', () => {
    expect(linkRegistration({ ...facts, platform: 'win32', packaged: false })).toEqual({
      register: true,
      via: { executable: 'C:\\electron\\electron.exe', args: ['C:\\src\\toggl-tray'] },
    });
    expect(linkRegistration({ ...facts, platform: 'darwin', packaged: false })).toMatchObject({ register: false });
    expect(linkRegistration({ ...facts, platform: 'linux', packaged: false })).toMatchObject({
      register: false,
      reason: expect.stringContaining('.desktop') as unknown,
    });
  });

  it('a build with test hooks leaves the machine’s handler alone', () => {
    expect(linkRegistration({ ...facts, platform: 'win32', packaged: false, testHooks: true })).toMatchObject({
      register: false,
    });
  });
});
