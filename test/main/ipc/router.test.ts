import { mkdtempSync } from 'node:fs';
import { rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { XdgAutostart } from '../../../src/main/services/desktop/autostart';
import type { AppServices } from '../../../src/main/services/app-services';
import { createMemoryLogger } from '../../../src/main/services/logger';
import { createOfflineServices } from '../../support/offline-services';
import { createAppRouter } from '../../../src/main/ipc/app-router';
import type { ShellPort } from '../../../src/main/ipc/handlers';

let services: AppServices;
let homes: string;
beforeAll(async () => {
  services = await createOfflineServices();
  homes = mkdtempSync(path.join(os.tmpdir(), 'toggl-tray-router-homes-'));
  return async () => {
    await services.close();
    await rm(homes, { recursive: true, force: true });
  };
});

interface FakeSender {
  own: boolean;
}

function setup() {
  const log = createMemoryLogger();
  // The real autostart file, in a home of its own: what the Linux desktop shell uses.
  const home = mkdtempSync(path.join(homes, 'home-'));
  const autostart = new XdgAutostart({ env: {}, execPath: '/opt/Toggl Tray/toggl-tray', home });
  const hidden: number[] = [];
  const opened: string[] = [];
  const shell: ShellPort = {
    kind: 'electron',
    hidePopover: () => hidden.push(1),
    accentColor: () => '#0a84ff',
    openLink: (url) => {
      opened.push(url.toString());
      return Promise.resolve(true);
    },
    openFolder: (folder) => {
      opened.push(folder);
      return Promise.resolve(true);
    },
    applySettings: () => null,
    settingsUnsupported: null,
    loginItem: { enabled: () => autostart.isEnabled(), set: (enabled) => autostart.set(enabled) },
    whereItLives: () => 'Toggl Tray lives in the system tray, at the top or bottom of your screen.',
  };
  const router = createAppRouter<FakeSender>({
    shell,
    apiUrl: 'http://127.0.0.1:4010/api/v9',
    logsFolder: '/home/dana/.config/Toggl Tray/logs',
    services,
    log,
    isTrustedSender: (sender) => sender.own,
  });
  return { router, log, hidden, opened, autostart };
}

const own: FakeSender = { own: true };
const foreign: FakeSender = { own: false };

describe('handle()', () => {
  it('answers app.info for the own window', async () => {
    const { router } = setup();
    const result = await router.handle('app.info', undefined, own);
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Toggl Tray',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
        platform: process.platform,
        shell: 'electron',
        apiUrl: 'http://127.0.0.1:4010/api/v9',
        apiIsToggl: false,
        accentColor: '#0a84ff',
        whereItLives: 'Toggl Tray lives in the system tray, at the top or bottom of your screen.',
      },
    });
  });

  it('refuses a foreign sender before validating or running anything', async () => {
    const { router, hidden, log } = setup();
    const result = await router.handle('popover.hide', undefined, foreign);
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: 'This call did not come from the Toggl Tray window.' },
    });
    expect(hidden).toEqual([]);
    expect(log.entries).toEqual([{ level: 'warn', message: 'ipc: refused a call from a foreign sender' }]);
  });

  it('refuses a channel that is not in the contract', async () => {
    const { router } = setup();
    expect(await router.handle('toString', undefined, own)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(await router.handle(42, undefined, own)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it.each([
    ['a string where an object is expected', 'https://toggl.com'],
    ['a missing field', {}],
    ['a wrong type', { url: 7 }],
    ['an unexpected extra field', { url: 'https://toggl.com', target: '_blank' }],
    ['null', null],
  ])('refuses malformed arguments (%s) with details, without running the handler', async (_case, request) => {
    const { router, opened } = setup();
    const result = await router.handle('shell.openExternal', request, own);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: 'The request for "shell.openExternal" is not valid.' },
    });
    if (!result.ok) expect(result.error.details?.length).toBeGreaterThan(0);
    expect(opened).toEqual([]);
  });

  it('refuses an argument on a channel that takes none', async () => {
    const { router, hidden } = setup();
    expect(await router.handle('popover.hide', { now: true }, own)).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(hidden).toEqual([]);
  });

  it('opens the logs folder where the shell can, and says where it is either way', async () => {
    const { router, opened } = setup();
    expect(await router.handle('shell.openLogs', undefined, own)).toEqual({
      ok: true,
      value: { folder: '/home/dana/.config/Toggl Tray/logs', opened: true },
    });
    expect(opened).toEqual(['/home/dana/.config/Toggl Tray/logs']);
  });

  it('opens only Toggl’s pages and the project’s, with a message for the user otherwise', async () => {
    const { router, opened } = setup();
    expect(await router.handle('shell.openExternal', { url: 'https://track.toggl.com/profile' }, own)).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(await router.handle('shell.openExternal', { url: 'file:///etc/passwd' }, own)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Only http and https links can be opened, not file: links.' },
    });
    expect(await router.handle('shell.openExternal', { url: 'not a url' }, own)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'That link is not a valid web address.' },
    });
    const refused = async (url: string) => (await router.handle('shell.openExternal', { url }, own)) as unknown;
    for (const url of [
      'https://evil.example/track.toggl.com',
      'https://track.toggl.com.evil.example/profile',
      'http://track.toggl.com/profile',
      'https://user:pass@track.toggl.com/',
      'https://track.toggl.com:8443/',
      'https://github.com/someone-else/toggl-tray',
      'https://github.com/toggl-tray/toggl-tray-evil',
    ]) {
      expect(await refused(url)).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(await refused('https://evil.example/x')).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message: "Toggl Tray opens only Toggl's own pages and its project page, not https://evil.example.",
      },
    });
    expect(
      await router.handle('shell.openExternal', { url: 'https://github.com/toggl-tray/toggl-tray/releases' }, own),
    ).toMatchObject({ ok: true });
    expect(
      await router.handle('shell.openExternal', { url: 'https://support.toggl.com/en/articles/1' }, own),
    ).toMatchObject({ ok: true });
    expect(opened).toEqual([
      'https://track.toggl.com/profile',
      'https://github.com/toggl-tray/toggl-tray/releases',
      'https://support.toggl.com/en/articles/1',
    ]);
  });

  it('turns a crashing handler into an internal error without leaking its text', async () => {
    const log = createMemoryLogger();
    const router = createAppRouter<FakeSender>({
      shell: {
        kind: 'electron',
        hidePopover: () => {
          throw new Error('secret internals');
        },
        openLink: () => Promise.resolve(true),
        openFolder: () => Promise.resolve(true),
        accentColor: () => null,
        applySettings: () => null,
        settingsUnsupported: null,
        loginItem: null,
        whereItLives: () => null,
      },
      apiUrl: 'http://127.0.0.1:1/api/v9',
      logsFolder: '/tmp/logs',
      services,
      log,
      isTrustedSender: () => true,
    });
    const result = await router.handle('popover.hide', undefined, own);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Toggl Tray. The log has the details.' },
    });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(log.entries).toEqual([{ level: 'error', message: 'ipc: "popover.hide" failed' }]);
  });
});

describe('launch at login', () => {
  it('is what the OS has: settings.update writes the login item, and one removed by hand reads as off', async () => {
    const { router, autostart } = setup();
    const update = await router.handle('settings.update', { launchAtLogin: true }, own);
    expect(update).toMatchObject({ ok: true, value: { settings: { launchAtLogin: true } } });
    expect(autostart.isEnabled()).toBe(true);

    await unlink(autostart.file);
    expect(await router.handle('settings.get', undefined, own)).toMatchObject({
      ok: true,
      value: { settings: { launchAtLogin: false } },
    });
  });

  it('a bad shortcut in the same change leaves the login item alone', async () => {
    const { router, autostart } = setup();
    const result = await router.handle('settings.update', { launchAtLogin: true, shortcut: 'T' }, own);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toContain('“T” is not a shortcut');
    expect(autostart.isEnabled()).toBe(false);
  });
});
