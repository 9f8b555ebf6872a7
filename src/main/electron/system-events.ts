import { app, globalShortcut, powerMonitor } from 'electron';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/logger';

/** How long a quit waits for a send in flight and the files (the "about 3 s"). */
export const QUIT_GRACE_MS = 3_000;

/**
 * The app's life beside its window: the data layer's timers, a refresh of a stale list after
 * sleep or unlock, staying alive with no window open (a tray app), and a quit that loses nothing.
 */
export function watchSystem(services: AppServices, log: Logger): void {
  const { data } = services;
  data.start();
  const onWake = (): void => {
    log.info('system: resumed or unlocked');
    data.loop.notify('resume').catch((error: unknown) => log.warn('system: refresh after wake failed', { error }));
  };
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);
  app.on('window-all-closed', () => undefined);

  // Electron exits right after before-quit unless it is held: hold it until the send in
  // flight has settled and the cache and outbox are written (at most QUIT_GRACE_MS), then quit.
  let closing: 'no' | 'closing' | 'closed' = 'no';
  app.on('before-quit', (event) => {
    if (closing === 'closed') return;
    event.preventDefault();
    if (closing === 'closing') return;
    closing = 'closing';
    globalShortcut.unregisterAll();
    const started = Date.now();
    services
      .close(QUIT_GRACE_MS)
      .then((settled) => log.info('quit: files written', { settled, ms: Date.now() - started }))
      .catch((error: unknown) => log.error('quit: closing the services failed', { error }))
      .finally(() => {
        closing = 'closed';
        app.quit();
      });
  });
}
