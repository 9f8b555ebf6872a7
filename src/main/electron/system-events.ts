import { app, globalShortcut, powerMonitor } from 'electron';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/logger';

/** How long a quit waits for a send in flight and the files (the "about 3 s"). */
export const QUIT_GRACE_MS = 3_000;

/**
 * A quit that loses nothing. Electron exits right after before-quit unless it is held: it is
 * held until the send in flight has settled and the cache and outbox are written (at most
 * QUIT_GRACE_MS), then the quit goes on. An update's install closes the same way first.
 */
export class QuitSequence {
  private closing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly services: AppServices,
    private readonly log: Logger,
  ) {}

  /** Closes the services once (later calls wait for the same close). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      globalShortcut.unregisterAll();
      const started = Date.now();
      try {
        const settled = await this.services.close(QUIT_GRACE_MS);
        this.log.info('quit: files written', { settled, ms: Date.now() - started });
      } catch (error) {
        this.log.error('quit: closing the services failed', { error });
      } finally {
        this.closed = true;
      }
    })();
    return this.closing;
  }

  /** Windows ends the session (log-off, shutdown) with no quit events: write the files now, synchronously. */
  sessionEnding(): void {
    if (this.closed) return;
    this.log.info('quit: the session is ending');
    this.services.data.stopTimers();
    this.services.data.close();
    this.closed = true;
  }

  watch(): void {
    app.on('before-quit', (event) => {
      if (this.closed) return;
      event.preventDefault();
      void this.close().then(() => app.quit());
    });
    // macOS and Linux shut down: ask the OS to wait while the files are written (a logind delay lock on Linux).
    powerMonitor.on('shutdown', (...args: unknown[]) => {
      (args[0] as Electron.Event | undefined)?.preventDefault();
      app.quit();
    });
  }
}

/**
 * The app's life beside its window: the data layer's timers, a refresh of a stale list after
 * sleep or unlock, staying alive with no window open (a tray app), and the quit sequence.
 */
export function watchSystem(services: AppServices, quit: QuitSequence, log: Logger): void {
  const { data } = services;
  data.start();
  const onWake = (): void => {
    log.info('system: resumed or unlocked');
    data.loop.notify('resume').catch((error: unknown) => log.warn('system: refresh after wake failed', { error }));
  };
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);
  app.on('window-all-closed', () => undefined);
  quit.watch();
}
