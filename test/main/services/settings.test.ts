import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/services/logger';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../src/main/services/settings';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-settings-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('SettingsStore', () => {
  it('starts with the defaults and keeps changes in settings.json', async () => {
    const store = new SettingsStore(dataDir, createMemoryLogger());
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.update({ launchAtLogin: true, shortcut: ' Alt+Shift+T ', backgroundSync: false });
    expect(new SettingsStore(dataDir, createMemoryLogger()).get()).toEqual({
      launchAtLogin: true,
      shortcut: 'Alt+Shift+T',
      backgroundSync: false,
    });
    expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      launchAtLogin: true,
    });
  });

  it('refuses a shortcut that is not an accelerator, and keeps the old one', () => {
    const store = new SettingsStore(dataDir, createMemoryLogger());
    expect(() => store.update({ shortcut: 'T' })).toThrow('“T” is not a shortcut: use modifiers and a key joined by +');
    expect(() => store.update({ shortcut: 'Ctrl+Shift+Banana' })).toThrow(/is not a shortcut/);
    expect(store.get().shortcut).toBe(DEFAULT_SETTINGS.shortcut);
    expect(store.update({ shortcut: null }).shortcut).toBeNull();
  });
});
