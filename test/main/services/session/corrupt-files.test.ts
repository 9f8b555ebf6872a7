import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../src/main/services/logger';
import { ProfileStore } from '../../../../src/main/services/session/profile-store';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../../src/main/services/settings';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-corrupt-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('corrupt settings and profile files', () => {
  it('settings: a garbage file is moved aside with a log line, the defaults apply, and changes save again', async () => {
    await writeFile(path.join(dataDir, 'settings.json'), '{"launchAtLogin": tru');
    const log = createMemoryLogger();
    const store = new SettingsStore(dataDir, log);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(log.entries.some((entry) => entry.level === 'warn' && entry.message.startsWith('settings: '))).toBe(true);
    expect((await readdir(dataDir)).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
    store.update({ backgroundSync: false });
    expect(new SettingsStore(dataDir, createMemoryLogger()).get().backgroundSync).toBe(false);
  });

  it('profile: an unreadable or wrong-shaped file is ignored with a log line (sign-in asks again)', async () => {
    const log = createMemoryLogger();
    const store = new ProfileStore(dataDir, log);
    await writeFile(store.file, 'not json');
    expect(await store.read('http://127.0.0.1:1/api/v9')).toBeUndefined();
    await writeFile(store.file, JSON.stringify({ apiUrl: 'x', user: { id: 'one' }, refusedReason: null }));
    expect(await store.read('x')).toBeUndefined();
    expect(log.entries.filter((entry) => entry.level === 'warn')).toHaveLength(2);
  });
});
