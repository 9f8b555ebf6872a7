import path from 'node:path';
import type { SyncStatus } from '../../shared/entities';

/** What the tray icon tells at a glance, worst first; a timer running when all is well. */
export type TrayState = 'failed' | 'offline' | 'pending' | 'running' | 'normal';

export function trayState(status: SyncStatus, timerRunning = false): TrayState {
  if (status.failed > 0 || status.conflicts > 0 || status.diskProblem) return 'failed';
  if (!status.online) return 'offline';
  if (status.pending > 0) return 'pending';
  return timerRunning ? 'running' : 'normal';
}

const TOOLTIPS: Record<TrayState, string> = {
  normal: 'Toggl Tray',
  pending: 'Toggl Tray: changes waiting to reach Toggl',
  offline: 'Toggl Tray: offline, showing the saved list',
  failed: 'Toggl Tray: a change needs you',
  running: 'Toggl Tray: a timer is running',
};

export const trayTooltip = (state: TrayState): string => TOOLTIPS[state];

/**
 * The icon file per platform and state: template images on macOS (black and alpha, the badge
 * as a shape), .ico on Windows, PNGs on Linux (the badge in color). Drawn by
 * resources/generate-icons.mjs.
 */
export function trayIconPath(resourcesDir: string, platform: NodeJS.Platform, state: TrayState = 'normal'): string {
  const suffix = state === 'normal' ? '' : `-${state}`;
  if (platform === 'darwin') return path.join(resourcesDir, 'tray', `tray${suffix}Template.png`);
  if (platform === 'win32') return path.join(resourcesDir, 'tray', `tray${suffix}.ico`);
  return path.join(resourcesDir, 'tray', `tray${suffix}.png`);
}
