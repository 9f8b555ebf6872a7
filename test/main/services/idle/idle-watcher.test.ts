import { describe, expect, it } from 'vitest';
import { ManualIdleSource } from '../../../../src/main/services/idle/manual-idle-source';
import {
  AWAY_POLL_MS,
  IdleWatcher,
  MAX_POLL_MS,
  type IdlePeriod,
  type RunningEntry,
} from '../../../../src/main/services/idle/idle-watcher';
import { FakeClock } from '../../../support/fake-clock';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A watcher on a fake clock and a hand-driven machine, with a timer running for an hour (entry 7). */
function watching(options: { minutes?: number; running?: RunningEntry | null } = {}) {
  const clock = new FakeClock(Date.parse('2026-03-02T09:00:00Z'));
  const source = new ManualIdleSource(clock);
  let looks = 0;
  const idleSeconds = source.idleSeconds.bind(source);
  source.idleSeconds = () => {
    looks++;
    return idleSeconds();
  };
  let minutes = options.minutes ?? 5;
  let running = options.running === undefined ? { id: 7, start: clock.now() - HOUR } : options.running;
  const periods: IdlePeriod[] = [];
  const watcher = new IdleWatcher({
    clock,
    source,
    thresholdMs: () => minutes * MINUTE,
    running: () => running,
    onIdle: (period) => periods.push(period),
  });
  watcher.follow();
  return {
    clock,
    source,
    periods,
    watcher,
    looks: () => looks,
    /** The user at the machine: input every few seconds for `ms`. */
    work(ms: number) {
      for (let done = 0; done < ms; done += 5 * SECOND) {
        source.setIdle(0);
        clock.advance(5 * SECOND);
      }
      source.setIdle(0);
    },
    /** Input now, then a few seconds for the watcher to see it. */
    comeBack() {
      source.setIdle(0);
      const at = clock.now();
      clock.advance(3 * SECOND);
      return at;
    },
    setRunning(entry: RunningEntry | null) {
      running = entry;
      watcher.follow();
    },
    setMinutes(value: number) {
      minutes = value;
      watcher.follow();
    },
  };
}

describe('the idle watcher', () => {
  it('asks nothing after idle time shorter than the setting', () => {
    const w = watching();
    w.work(10 * MINUTE);
    w.clock.advance(4 * MINUTE + 50 * SECOND);
    w.comeBack();
    w.work(20 * MINUTE);
    expect(w.periods).toEqual([]);
  });

  it('reports idle time longer than the setting once, on return: from the last input to the first', () => {
    const w = watching();
    w.work(10 * MINUTE);
    const idleSince = w.clock.now();
    w.clock.advance(29 * MINUTE);
    // Nothing before the user is back.
    expect(w.periods).toEqual([]);
    const returnedAt = w.comeBack();
    expect(w.periods).toEqual([{ entryId: 7, idleSince, returnedAt }]);
    w.work(HOUR);
    expect(w.periods).toHaveLength(1);
  });

  it('looks modestly while the user is there, every second while away, and not at all with nothing running', () => {
    const w = watching();
    w.work(HOUR);
    // At most a minute apart, never sooner than the idle time could pass the setting.
    expect(w.looks()).toBeLessThanOrEqual(62);
    expect(w.clock.waiting).toHaveLength(1);
    expect(w.clock.waiting[0]).toBeLessThanOrEqual(MAX_POLL_MS);
    w.clock.advance(6 * MINUTE);
    expect(w.clock.waiting).toEqual([AWAY_POLL_MS]);

    const idle = watching({ running: null });
    idle.work(HOUR);
    expect(idle.clock.waiting).toEqual([]);
    expect(idle.looks()).toBe(0);
    // A timer starts: looking starts; it stops: looking stops.
    idle.setRunning({ id: 8, start: idle.clock.now() });
    expect(idle.clock.waiting).toHaveLength(1);
    idle.setRunning(null);
    expect(idle.clock.waiting).toEqual([]);
  });

  it('is off at 0 minutes, and starts as soon as the setting is given', () => {
    const w = watching({ minutes: 0 });
    w.work(MINUTE);
    w.clock.advance(2 * HOUR);
    const idleSince = w.comeBack();
    expect(w.periods).toEqual([]);
    expect(w.clock.waiting).toEqual([]);
    expect(w.looks()).toBe(0);

    w.setMinutes(10);
    expect(w.clock.waiting).toHaveLength(1);
    w.clock.advance(11 * MINUTE);
    const returnedAt = w.comeBack();
    expect(w.periods).toEqual([{ entryId: 7, idleSince, returnedAt }]);
  });

  it('counts a sleep from the suspend (or the idle time before it) to the wake', () => {
    const w = watching();
    w.work(10 * MINUTE);
    const closedLid = w.clock.now();
    w.source.emit('suspend');
    // Asleep: no timers of the watcher's run; the wall clock moves on by two hours.
    expect(w.clock.waiting).toEqual([]);
    w.clock.time += 2 * HOUR;
    w.source.emit('resume');
    expect(w.periods).toEqual([{ entryId: 7, idleSince: closedLid, returnedAt: closedLid + 2 * HOUR }]);

    // Idle for three minutes, then the machine went to sleep by itself.
    w.work(10 * MINUTE);
    const lastInput = w.clock.now();
    w.clock.advance(3 * MINUTE);
    w.source.emit('suspend');
    w.clock.time += HOUR;
    w.source.emit('resume');
    w.comeBack();
    expect(w.periods[1]).toEqual({ entryId: 7, idleSince: lastInput, returnedAt: lastInput + 3 * MINUTE + HOUR });
    expect(w.periods).toHaveLength(2);
  });

  it('counts a locked screen from the lock to the unlock, even when the machine slept and woke meanwhile', () => {
    const w = watching();
    w.work(10 * MINUTE);
    const locked = w.clock.now();
    w.source.emit('lock');
    w.clock.time += 20 * MINUTE;
    w.source.emit('suspend');
    w.clock.time += HOUR;
    // Woken to the lock screen: the user is not back until they unlock.
    w.source.emit('resume');
    expect(w.periods).toEqual([]);
    w.clock.advance(2 * MINUTE);
    w.source.emit('unlock');
    expect(w.periods).toEqual([
      { entryId: 7, idleSince: locked, returnedAt: locked + 20 * MINUTE + HOUR + 2 * MINUTE },
    ]);
  });

  it('counts a sleep nobody announced: the clock jumped past the look it had set', () => {
    // The OS's idle time restarted with the wake, and no resume event came.
    const w = watching();
    w.work(10 * MINUTE);
    const lastInput = w.clock.now();
    // A look sees that input (they are at most a minute apart), then the machine sleeps.
    w.clock.advance(MINUTE);
    w.clock.time += 2 * HOUR;
    w.source.setIdle(0);
    w.clock.advance(0);
    expect(w.periods).toEqual([{ entryId: 7, idleSince: lastInput, returnedAt: lastInput + MINUTE + 2 * HOUR }]);

    // Its idle time went on through the sleep: the return is the first input after it.
    w.work(10 * MINUTE);
    const before = w.clock.now();
    w.clock.time += HOUR;
    w.clock.advance(10 * SECOND);
    expect(w.periods).toHaveLength(1);
    const returnedAt = w.comeBack();
    expect(w.periods[1]).toEqual({ entryId: 7, idleSince: before, returnedAt });

    // A look a few seconds late (a busy machine) is no sleep.
    w.work(10 * MINUTE);
    w.clock.time += 10 * SECOND;
    w.work(MINUTE);
    expect(w.periods).toHaveLength(2);
  });

  it('asks nothing when the entry stopped meanwhile, and never counts from before its start', () => {
    const w = watching();
    w.work(5 * MINUTE);
    w.clock.advance(30 * MINUTE);
    // Stopped on the phone, and the sync found it.
    w.setRunning(null);
    w.comeBack();
    expect(w.periods).toEqual([]);

    // Another started elsewhere while away: only the time since its start counts.
    w.setRunning({ id: 9, start: w.clock.now() });
    w.work(5 * MINUTE);
    w.clock.advance(30 * MINUTE);
    const started = w.clock.now() - 10 * MINUTE;
    w.setRunning({ id: 10, start: started });
    const returnedAt = w.comeBack();
    expect(w.periods).toEqual([{ entryId: 10, idleSince: started, returnedAt }]);

    // Started only three minutes before the return: under the setting, nothing to ask.
    w.work(5 * MINUTE);
    w.clock.advance(30 * MINUTE);
    w.setRunning({ id: 11, start: w.clock.now() - 3 * MINUTE });
    w.comeBack();
    expect(w.periods).toHaveLength(1);
  });

  it('stops looking and listening once closed', () => {
    const w = watching();
    w.watcher.close();
    expect(w.clock.waiting).toEqual([]);
    w.source.emit('suspend');
    w.clock.time += HOUR;
    w.source.emit('resume');
    expect(w.periods).toEqual([]);
  });
});

describe('the hand-driven idle source', () => {
  it('takes the test hooks’ commands and refuses anything else', () => {
    const clock = new FakeClock(0);
    const source = new ManualIdleSource(clock);
    const events: string[] = [];
    const off = source.subscribe((event) => events.push(event));
    source.command('idle 1800');
    expect(source.idleSeconds()).toBe(1800);
    clock.advance(2 * SECOND);
    expect(source.idleSeconds()).toBe(1802);
    for (const command of ['suspend', 'resume', ' lock ', 'unlock']) source.command(command);
    expect(events).toEqual(['suspend', 'resume', 'lock', 'unlock']);
    for (const bad of ['idle', 'idle -1', 'idle 1.5', 'sleep', 'lock now'])
      expect(() => source.command(bad)).toThrow(/not an idle command/);
    off();
    source.command('lock');
    expect(events).toHaveLength(4);
  });
});
