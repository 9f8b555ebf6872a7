import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { TogglApi } from '../toggl/api';
import type { ChangeQueue } from '../changes/queue';
import type { SyncEngine } from './sync-engine';

/** What can make the app send or sync. */
export type LoopEvent =
  /** A change was queued, or the user asked to retry one. */
  | 'changed'
  /** The network came back (an online event, or a probe got through). */
  | 'online'
  /** The machine woke from sleep or the screen was unlocked. */
  | 'resume'
  /** The popover was shown. */
  | 'shown'
  /** The slow background tick. */
  | 'tick'
  /** The Refresh button. */
  | 'refresh';

export interface SendLoopOptions {
  engine: SyncEngine;
  queue: ChangeQueue;
  api: TogglApi;
  clock: Clock;
  log: Logger;
  /** The user's "background sync" setting: off, the tick only sends the queue. */
  backgroundSync: () => boolean;
  /** The background tick (ms). */
  tickMs?: number;
}

const FIRST_PROBE_MS = 2_000;
const LAST_PROBE_MS = 60_000;

/**
 * The one place that decides when to send the queue and when to sync. Everything that may
 * call for it is an event it receives; it also wakes itself: when a backoff or a quota pause
 * ends, and, while offline, to probe the API root on a growing interval (2 s, 4 s … 60 s).
 */
export class SendLoop {
  private readonly running = new Set<Promise<void>>();
  private wake: unknown;
  private tick: unknown;
  private probeDelay = FIRST_PROBE_MS;
  private started = false;

  constructor(private readonly options: SendLoopOptions) {}

  /** Something happened that may call for sending or syncing; resolves when that is done. */
  notify(event: LoopEvent): Promise<void> {
    return this.track(() => this.decide(event));
  }

  /** Sends the queue now, whatever the backoff or pause ("send now": Retry, a new change). */
  sendNow(): Promise<void> {
    return this.notify('changed');
  }

  /** Resolves when everything the loop started has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  /** Is Toggl reachable again? A request to the API root, which no quota counts. */
  async probe(): Promise<boolean> {
    const { api, engine, queue } = this.options;
    let reachable = false;
    await this.track(async () => {
      reachable = await api.ping();
      // Still down: the next probe waits twice as long (2 s, 4 s, 8 s … 60 s).
      if (!reachable) this.probeDelay = Math.min(LAST_PROBE_MS, this.probeDelay * 2);
      else if (!engine.isOnline || queue.counts().pending > 0) await this.decide('online');
    });
    return reachable;
  }

  /** Starts the loop's own timers (the shells; tests move a fake clock instead). */
  start(): void {
    this.started = true;
    this.scheduleTick();
    // A new start is a new chance: what waited in the queue goes now, whatever its backoff.
    // track() logs a failure and never rejects.
    void this.track(() => this.options.engine.push('reconnect'));
  }

  stop(): void {
    this.started = false;
    this.options.clock.clearTimeout(this.tick);
    this.options.clock.clearTimeout(this.wake);
  }

  private track(run: () => Promise<void>): Promise<void> {
    const done = run()
      .catch((error: unknown) => this.options.log.error('send loop: a run failed', { error }))
      .finally(() => {
        this.running.delete(done);
        this.scheduleWake();
      });
    this.running.add(done);
    return done;
  }

  private async decide(event: LoopEvent): Promise<void> {
    const { engine } = this.options;
    switch (event) {
      case 'changed':
        return engine.push('user');
      case 'online':
        engine.markOnline();
        if (engine.isStale()) await engine.sync('online');
        return engine.push('reconnect');
      case 'resume':
        return engine.isStale() ? engine.sync('resume') : engine.push('background');
      case 'shown':
        return engine.isStale() ? engine.sync('popover') : engine.push('background');
      case 'tick':
        return this.options.backgroundSync() && engine.takeBackgroundTurn()
          ? engine.sync('timer')
          : engine.push('background');
      case 'refresh':
        return engine.sync('manual');
    }
  }

  private scheduleTick(): void {
    const { clock } = this.options;
    this.tick = clock.setTimeout(() => {
      void this.notify('tick');
      if (this.started) this.scheduleTick();
    }, this.options.tickMs ?? 60_000);
  }

  /** Offline: probe soon, then less often. Otherwise: wake when the first waiting change is due. */
  private scheduleWake(): void {
    if (!this.started) return;
    const { clock, engine, queue } = this.options;
    clock.clearTimeout(this.wake);
    this.wake = undefined;
    if (!engine.isOnline) {
      this.wake = clock.setTimeout(() => void this.probe(), this.probeDelay);
      return;
    }
    this.probeDelay = FIRST_PROBE_MS;
    const pending = queue.entries.filter((entry) => entry.state === 'pending');
    if (pending.length === 0) return;
    const due = Math.max(
      engine.pausedUntilTime ?? 0,
      Math.min(...pending.map((entry) => entry.nextAttemptAt ?? clock.now())),
    );
    // A change with no backoff is being sent by the run that just ended: nothing to wake for.
    if (due <= clock.now()) return;
    this.wake = clock.setTimeout(() => void this.track(() => engine.push('background')), due - clock.now());
  }
}
