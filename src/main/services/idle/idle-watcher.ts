import type { Clock } from '../clock';
import type { IdleSource, PowerEvent } from './idle-source';

/** The running entry as the watcher needs it: its id as the list knows it now, its start (epoch ms). */
export interface RunningEntry {
  id: number;
  start: number;
}

/** Time away from the machine, longer than the setting, while `entryId` ran (epoch ms). */
export interface IdlePeriod {
  entryId: number;
  /** The last input before it, or when the machine slept or locked; never before the entry's start. */
  idleSince: number;
  returnedAt: number;
}

export interface IdleWatcherOptions {
  clock: Clock;
  source: IdleSource;
  /** The setting in milliseconds; 0 is off. */
  thresholdMs: () => number;
  running: () => RunningEntry | null;
  onIdle: (period: IdlePeriod) => void;
}

/** While the user is away, how often to look for their return (one cheap OS call). */
export const AWAY_POLL_MS = 1_000;
/** The longest wait between two looks while a timer runs: a sleep the OS did not announce shows within it. */
export const MAX_POLL_MS = 60_000;
/** A look this much later than it was set for means the machine slept (or the process stood still) meanwhile. */
export const JUMP_MS = 15_000;
/** The OS counts idle time in whole seconds: input is seen only when it is later than this. */
const SECOND = 1_000;

/**
 * Notices time away from the machine while a timer runs: no input for longer than the setting,
 * a sleep (announced, or seen as the clock jumping), a locked screen. Nothing runs while no
 * timer does or the setting is 0. While the user is present it looks at the idle time only
 * when it could next pass the setting (at most a minute apart); once they are away, every
 * second, so the question is there as they come back. Each period away is reported once, on
 * return, and idle time is never counted from before the entry's start or the last return.
 */
export class IdleWatcher {
  private timer: unknown;
  /** When the pending look was set for. */
  private due = 0;
  /** The last input as the previous look saw it (null: no look since the watch began or resumed). */
  private lastSeen: number | null = null;
  /** When the current time away began, once it counts (past the setting, asleep or locked). */
  private away: number | null = null;
  /** The last return: idle time never counts from before it. */
  private returned = 0;
  private locked = false;
  private asleep = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: IdleWatcherOptions) {
    this.unsubscribe = options.source.subscribe((event) => this.onPower(event));
  }

  /** The running entry or the setting may have changed: start looking, or stop. */
  follow(): void {
    if (!this.watching()) this.rest();
    else if (this.timer === undefined && !this.paused()) this.look();
  }

  close(): void {
    this.unsubscribe();
    this.rest();
  }

  private watching(): { entry: RunningEntry; threshold: number } | null {
    const threshold = this.options.thresholdMs();
    const entry = threshold > 0 ? this.options.running() : null;
    return entry ? { entry, threshold } : null;
  }

  /** Asleep or locked: the wake or unlock is the return, not the next input. */
  private paused(): boolean {
    return this.locked || this.asleep;
  }

  private rest(): void {
    this.stopTimer();
    this.lastSeen = null;
    this.away = null;
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private lastInput(now: number): number {
    return now - this.options.source.idleSeconds() * 1000;
  }

  private look(): void {
    this.stopTimer();
    const watching = this.watching();
    if (!watching) return this.rest();
    if (this.paused()) return;
    const now = this.options.clock.now();
    const input = this.lastInput(now);
    this.noticeJump(now);
    // Away (and just back): look again in a second.
    let wait = AWAY_POLL_MS;
    if (this.away !== null) {
      if (input > this.away + SECOND) this.comeBack(input);
    } else {
      const since = Math.max(input, this.returned, watching.entry.start);
      if (now - since > watching.threshold) this.away = since;
      // Not before the idle time could pass the setting, and at most a minute on.
      else wait = Math.min(MAX_POLL_MS, Math.max(AWAY_POLL_MS, since + watching.threshold + SECOND - now));
    }
    this.lastSeen = input;
    this.due = now + wait;
    this.timer = this.options.clock.setTimeout(() => this.look(), wait);
  }

  /** A sleep with no suspend event: the clock moved on far past the look's time. Away since the last input seen. */
  private noticeJump(now: number): void {
    if (this.lastSeen !== null && now > this.due + JUMP_MS) this.beginAway(this.lastSeen);
  }

  private beginAway(at: number): void {
    const since = Math.max(at, this.returned);
    this.away = this.away === null ? since : Math.min(this.away, since);
  }

  private comeBack(at: number): void {
    const since = this.away;
    this.away = null;
    this.returned = at;
    const watching = this.watching();
    if (since === null || !watching) return;
    const idleSince = Math.max(since, watching.entry.start);
    if (at - idleSince > watching.threshold)
      this.options.onIdle({ entryId: watching.entry.id, idleSince, returnedAt: at });
  }

  private onPower(event: PowerEvent): void {
    const now = this.options.clock.now();
    if (event === 'suspend' || event === 'lock') {
      if (event === 'lock') this.locked = true;
      else this.asleep = true;
      this.stopTimer();
      if (this.watching()) this.beginAway(this.lastInput(now));
      // This reading is later than the last look's: a jump noticed on waking must not go back past it.
      this.lastSeen = null;
      return;
    }
    if (event === 'unlock') this.locked = false;
    else this.asleep = false;
    // Woken to a locked screen: the unlock is the return.
    if (this.paused() || !this.watching()) return;
    this.noticeJump(now);
    if (this.away !== null) this.comeBack(now);
    // The reading before the sleep says nothing now.
    this.lastSeen = null;
    this.look();
  }
}
