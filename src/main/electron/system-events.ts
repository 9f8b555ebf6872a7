import { app, globalShortcut, powerMonitor } from 'electron';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/logger';

/**
 * The app's life beside its window: the data layer's timers, a refresh of a stale list after
 * sleep or unlock, staying alive with no window open (a tray app), and a clean quit.
 */
export function watchSystem(services: AppServices, log: Logger): void {
  const { data } = services;
  data.start();
  const onWake = (): void => {
    log.info('system: resumed or unlocked');
    void data.loop.notify('resume');
  };
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);
  app.on('window-all-closed', () => undefined);
  app.on('will-quit', () => {
    globalShortcut.unregisterAll();
    void services.close();
  });
}
