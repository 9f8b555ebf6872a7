import type { Clock } from '../../src/main/services/clock';

interface Timer {
  id: number;
  at: number;
  run: () => void;
}

/**
 * A clock the test moves by hand: `advance` runs every timer that falls due, in time order,
 * and no test waits for real time to pass.
 */
export class FakeClock implements Clock {
  time: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start = Date.now()) {
    this.time = start;
  }

  now = (): number => this.time;

  setTimeout(run: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), run };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Timers waiting, with how long until each is due (ms). */
  get waiting(): number[] {
    return this.timers.map((timer) => timer.at - this.time).sort((a, b) => a - b);
  }

  /** Moves time on by `ms`, running each timer as its time comes. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.run();
    }
    this.time = end;
  }
}
