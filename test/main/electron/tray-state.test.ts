import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/shared/entities';
import { trayIconPath, trayState, trayTooltip, type TrayState } from '../../../src/main/electron/tray-state';

const calm: SyncStatus = {
  online: true,
  syncing: false,
  lastSyncedAt: 1,
  pending: 0,
  failed: 0,
  conflicts: 0,
  quota: { remaining: 30, limit: 30, resetsAt: null },
  pausedUntil: null,
  problem: null,
  diskProblem: null,
};

describe('the tray icon’s state', () => {
  it('says the worst thing first: a change that needs you, offline, changes waiting, all well', () => {
    expect(trayState(calm)).toBe('normal');
    expect(trayState({ ...calm, pending: 2 })).toBe('pending');
    expect(trayState({ ...calm, pending: 2, online: false })).toBe('offline');
    expect(trayState({ ...calm, pending: 2, online: false, failed: 1 })).toBe('failed');
    expect(trayState({ ...calm, conflicts: 1 })).toBe('failed');
    expect(trayState({ ...calm, diskProblem: 'Could not save changes to disk: ENOSPC' })).toBe('failed');
    expect(trayTooltip('offline')).toBe('Toggl Tray: offline, showing the saved list');
    // A timer running shows when nothing worse does.
    expect(trayState(calm, true)).toBe('running');
    expect(trayState({ ...calm, pending: 1 }, true)).toBe('pending');
  });

  it('has an icon for every state on every platform: templates on macOS, .ico on Windows, PNG on Linux', () => {
    const resources = path.resolve('resources');
    for (const state of ['normal', 'pending', 'offline', 'failed', 'running'] as TrayState[]) {
      const mac = trayIconPath(resources, 'darwin', state);
      expect(path.basename(mac)).toMatch(/Template\.png$/);
      expect(existsSync(mac), mac).toBe(true);
      expect(existsSync(mac.replace('.png', '@2x.png')), mac).toBe(true);
      expect(existsSync(trayIconPath(resources, 'win32', state))).toBe(true);
      const linux = trayIconPath(resources, 'linux', state);
      expect(existsSync(linux) && existsSync(linux.replace('.png', '@2x.png')), linux).toBe(true);
    }
    expect(trayIconPath(resources, 'linux')).toBe(path.join(resources, 'tray', 'tray.png'));
  });
});
