/** What the machine tells about its user's absence: sleep and the screen lock. */
export type PowerEvent = 'suspend' | 'resume' | 'lock' | 'unlock';

/**
 * The idle watcher's port onto the machine: Electron's powerMonitor in the desktop app
 * (electron/electron-idle-source.ts), a hand-driven one in the browser shell and the tests
 * (manual-idle-source.ts).
 */
export interface IdleSource {
  /** Whole seconds since the last keyboard or mouse input, as the OS counts them. */
  idleSeconds(): number;
  /** Calls `listener` on each sleep, wake, lock and unlock; answers the function that stops it. */
  subscribe(listener: (event: PowerEvent) => void): () => void;
}
