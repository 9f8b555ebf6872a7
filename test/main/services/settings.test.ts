import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/services/logger';
import { DEFAULT_SETTINGS, IDLE_MINUTES_MAX, SettingsStore } from '../../../src/main/services/settings';

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
      checkForUpdates: true,
      idleMinutes: 5,
    });
    expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      launchAtLogin: true,
    });
    // Only the user may read it.
    expect((await stat(path.join(dataDir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('opens a file written by version 0.1.0 and migrates it once', async () => {
    // Byte for byte what 0.1.0 wrote (its own JSON store, compact, an empty conf bookkeeping key).
    const file = path.join(dataDir, 'settings.json');
    await writeFile(file, '{"launchAtLogin":true,"shortcut":"Alt+Shift+T","backgroundSync":false,"__internal__":{}}');
    const store = new SettingsStore(dataDir, createMemoryLogger());
    // Kept as the user set them; background sync was off, so update checks start off too.
    expect(store.get()).toEqual({
      launchAtLogin: true,
      shortcut: 'Alt+Shift+T',
      backgroundSync: false,
      checkForUpdates: false,
      idleMinutes: 5,
    });
    const written = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ checkForUpdates: false, __internal__: { migrations: { version: '0.2.0' } } });
    // Once: turning it on afterwards sticks across restarts.
    store.update({ checkForUpdates: true });
    expect(new SettingsStore(dataDir, createMemoryLogger()).get().checkForUpdates).toBe(true);
  });

  it('a fresh install checks for updates; 0.1.0 users with background sync on do too', async () => {
    expect(new SettingsStore(dataDir, createMemoryLogger()).get().checkForUpdates).toBe(true);
    const other = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-settings-'));
    await writeFile(
      path.join(other, 'settings.json'),
      '{"launchAtLogin":false,"shortcut":null,"backgroundSync":true,"__internal__":{}}',
    );
    expect(new SettingsStore(other, createMemoryLogger()).get()).toEqual({
      launchAtLogin: false,
      shortcut: null,
      backgroundSync: true,
      checkForUpdates: true,
      idleMinutes: 5,
    });
    await rm(other, { recursive: true, force: true });
  });

  it('reads field by field: a value of the wrong type falls back to its default, the rest is kept', async () => {
    await writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({
        launchAtLogin: 'yes',
        shortcut: 42,
        backgroundSync: false,
        checkForUpdates: true,
        idleMinutes: '10',
        extra: 1,
      }),
    );
    expect(new SettingsStore(dataDir, createMemoryLogger()).get()).toEqual({
      launchAtLogin: false,
      shortcut: 'CommandOrControl+Shift+Space',
      backgroundSync: false,
      checkForUpdates: true,
      idleMinutes: 5,
    });
  });

  it('refuses a shortcut that is not an accelerator, and keeps the old one', () => {
    const store = new SettingsStore(dataDir, createMemoryLogger());
    expect(() => store.update({ shortcut: 'T' })).toThrow('“T” is not a shortcut: use modifiers and a key joined by +');
    expect(() => store.update({ shortcut: 'Ctrl+Shift+Banana' })).toThrow(/is not a shortcut/);
    expect(store.get().shortcut).toBe(DEFAULT_SETTINGS.shortcut);
    expect(store.update({ shortcut: null }).shortcut).toBeNull();
  });

  it('a shortcut edited by hand into something unusable falls back to the default at start, with the reason logged', async () => {
    const file = path.join(dataDir, 'settings.json');
    const written = JSON.stringify({ launchAtLogin: true, shortcut: 'Ctrl+Shift+Banana', backgroundSync: true });
    await writeFile(file, written);
    const log = createMemoryLogger();
    const settings = new SettingsStore(dataDir, log).get();
    // The rest is kept; the app starts with a shortcut it can register.
    expect(settings).toMatchObject({ launchAtLogin: true, shortcut: DEFAULT_SETTINGS.shortcut });
    expect(log.entries).toContainEqual({
      level: 'warn',
      message:
        'settings: “Ctrl+Shift+Banana” is not a shortcut: use modifiers and a key joined by +, e.g. CommandOrControl+Shift+Space. Using CommandOrControl+Shift+Space instead.',
    });
    // The file keeps what the user wrote until they choose another in Settings.
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ shortcut: 'Ctrl+Shift+Banana' });
  });

  it('asks about idle time after 5 minutes by default; takes whole minutes from 0 (never) to 720', () => {
    const store = new SettingsStore(dataDir, createMemoryLogger());
    expect(store.get().idleMinutes).toBe(5);
    expect(store.update({ idleMinutes: 0 }).idleMinutes).toBe(0);
    expect(store.update({ idleMinutes: IDLE_MINUTES_MAX }).idleMinutes).toBe(720);
    for (const bad of [-1, 2.5, 721, Number.NaN])
      expect(() => store.update({ idleMinutes: bad })).toThrow(
        `Idle time takes whole minutes from 0 (never ask) to 720; ${String(bad)} is not one.`,
      );
    // A refused change changes nothing, not even the fields beside it.
    expect(() => store.update({ idleMinutes: -5, backgroundSync: false })).toThrow(/whole minutes/);
    expect(new SettingsStore(dataDir, createMemoryLogger()).get()).toMatchObject({
      idleMinutes: 720,
      backgroundSync: true,
    });
  });

  it('an idle time edited by hand into something unusable falls back to 5 minutes at start, with the reason logged', async () => {
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ idleMinutes: -3, backgroundSync: false }));
    const log = createMemoryLogger();
    expect(new SettingsStore(dataDir, log).get()).toMatchObject({ idleMinutes: 5, backgroundSync: false });
    expect(log.entries).toContainEqual({
      level: 'warn',
      message: 'settings: Idle time takes whole minutes from 0 (never ask) to 720; -3 is not one. Using 5 instead.',
    });
  });
});
