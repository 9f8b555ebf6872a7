import type { Clock } from './clock';
import type { Logger } from './logger';

const DAY_MS = 24 * 3600_000;
/** Not in the first minute: start-up is for showing the list. */
const FIRST_CHECK_AFTER_MS = 60_000;

/** Where new versions come from: electron-updater on the project's GitHub releases. */
export interface UpdateSource {
  /** The newer version, or null when this one is the newest. */
  check(): Promise<string | null>;
  download(): Promise<void>;
  /** Quits and installs the downloaded version. */
  install(): void;
}

export type UpdateState =
  | { kind: 'idle' }
  | { kind: 'available'; version: string }
  | { kind: 'downloading'; version: string }
  | { kind: 'ready'; version: string };

export interface UpdateServiceOptions {
  /** The source, or why updates come another way here (a deb, a development build). */
  source: UpdateSource | { unsupported: string };
  enabled: () => boolean;
  /** When the last check ran, kept across restarts: at most one a day. */
  lastCheck: { get(): number | null; set(at: number): void };
  clock: Clock;
  log: Logger;
  onChange: (state: UpdateState) => void;
}

/**
 * Checks for a new version at most once a day while the setting is on, and never downloads
 * on its own: an available update waits for the user's OK (`download`), a downloaded one
 * for a restart (`install`).
 */
export class UpdateService {
  private state: UpdateState = { kind: 'idle' };
  private timer: unknown;

  constructor(private readonly options: UpdateServiceOptions) {}

  get current(): UpdateState {
    return this.state;
  }

  /** Why updates do not come through the app here, or null. */
  get unsupported(): string | null {
    return 'unsupported' in this.options.source ? this.options.source.unsupported : null;
  }

  /** Plans the next check (again after the setting changes). */
  schedule(): void {
    const { clock, enabled, lastCheck } = this.options;
    clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!enabled() || this.unsupported !== null || this.state.kind !== 'idle') return;
    const last = lastCheck.get();
    const due = last === null ? 0 : last + DAY_MS - clock.now();
    this.timer = clock.setTimeout(
      () => {
        this.check().catch((error: unknown) => this.options.log.warn('updates: the check failed', { error }));
      },
      Math.max(FIRST_CHECK_AFTER_MS, due),
    );
  }

  /** One check, if the day's has not run; then the next is planned. */
  async check(): Promise<void> {
    const { source, clock, lastCheck, log, enabled } = this.options;
    if ('unsupported' in source || !enabled() || this.state.kind !== 'idle') return;
    const last = lastCheck.get();
    if (last !== null && clock.now() - last < DAY_MS) return this.schedule();
    lastCheck.set(clock.now());
    try {
      const version = await source.check();
      log.info('updates: checked', { newer: version });
      if (version) this.set({ kind: 'available', version });
    } catch (error) {
      // A failed check is tried again tomorrow: nothing the user needs to act on.
      log.warn('updates: check failed', { error: String(error) });
    }
    this.schedule();
  }

  /** The user said OK to an available update. */
  async download(): Promise<void> {
    const { source, log } = this.options;
    if ('unsupported' in source || this.state.kind !== 'available') return;
    const { version } = this.state;
    this.set({ kind: 'downloading', version });
    try {
      await source.download();
      this.set({ kind: 'ready', version });
    } catch (error) {
      log.warn('updates: download failed', { error: String(error) });
      this.set({ kind: 'available', version });
    }
  }

  /** The user chose to restart into the downloaded version. */
  install(): void {
    if ('unsupported' in this.options.source || this.state.kind !== 'ready') return;
    this.options.source.install();
  }

  /** The tray menu's line for the state, or null when there is nothing to say. */
  menuLine(): string | null {
    switch (this.state.kind) {
      case 'available':
        return `Update to ${this.state.version}…`;
      case 'downloading':
        return `Downloading ${this.state.version}…`;
      case 'ready':
        return `Restart to update to ${this.state.version}`;
      default:
        return null;
    }
  }

  stop(): void {
    this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(state: UpdateState): void {
    this.state = state;
    this.options.onChange(state);
  }
}
