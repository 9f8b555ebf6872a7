import { powerMonitor } from 'electron';
import type { IdleSource } from '../services/idle/idle-source';

/**
 * powerMonitor as the idle watcher's port (used once the app is ready, as powerMonitor must be).
 * `getSystemIdleTime`, `suspend` and `resume` are there on every platform; `lock-screen` and
 * `unlock-screen` are emitted on macOS and Windows only (electron.d.ts: `@platform
 * darwin,win32`): on Linux a locked screen counts as idle time.
 */
export const electronIdleSource: IdleSource = {
  idleSeconds: () => powerMonitor.getSystemIdleTime(),
  subscribe(listener) {
    const suspend = (): void => listener('suspend');
    const resume = (): void => listener('resume');
    const lock = (): void => listener('lock');
    const unlock = (): void => listener('unlock');
    powerMonitor.on('suspend', suspend);
    powerMonitor.on('resume', resume);
    powerMonitor.on('lock-screen', lock);
    powerMonitor.on('unlock-screen', unlock);
    return () => {
      powerMonitor.off('suspend', suspend);
      powerMonitor.off('resume', resume);
      powerMonitor.off('lock-screen', lock);
      powerMonitor.off('unlock-screen', unlock);
    };
  },
};
