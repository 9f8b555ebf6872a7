import { powerMonitor } from 'electron';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/logger';

/** Resume from sleep and unlock refresh a stale list; the data layer's timers start here. */
export function watchSystem(services: AppServices, log: Logger): void {
  const { data } = services;
  data.start();
  const onWake = (): void => {
    data.engine.onResume().catch((error: unknown) => log.error('sync after resume failed', { error }));
  };
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);
}
