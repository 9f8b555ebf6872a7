import { describe, expect, it } from 'vitest';
import { NOISE_MS, ServerClock } from '../../../../src/main/services/toggl/server-clock';

const T = Date.parse('2026-12-02T10:00:00Z');
const header = (ms: number) => new Date(ms).toUTCString();

describe('ServerClock: Toggl’s clock from its Date headers', () => {
  it('knows nothing until an answer came, and then how far Toggl is ahead', () => {
    let local = T;
    const clock = new ServerClock(() => local);
    expect(clock.now()).toBe(T);
    // Toggl five minutes ahead; the answer took 200 ms.
    clock.observe(header(T + 5 * 60_000 + 100), T, T + 200);
    expect(Math.abs(clock.offsetMs - 5 * 60_000)).toBeLessThanOrEqual(1_000);
    local = T + 10_000;
    expect(Math.abs(clock.now() - (T + 10_000 + 5 * 60_000))).toBeLessThanOrEqual(1_000);
  });

  it('a clock behind gives a negative offset', () => {
    const clock = new ServerClock(() => T);
    clock.observe(header(T - 90_000), T, T + 50);
    expect(Math.abs(clock.offsetMs + 90_000)).toBeLessThanOrEqual(1_000);
  });

  it('ignores the header’s whole-second rounding: a right clock stays unchanged', () => {
    const clock = new ServerClock(() => T);
    for (const skew of [-900, 0, 400, 999]) clock.observe(header(T + skew), T - 300, T + 300);
    expect(clock.offsetMs).toBe(0);
    expect(NOISE_MS).toBeGreaterThan(1_000);
  });

  it('one slow or odd answer does not move it: the median of the last few', () => {
    const clock = new ServerClock(() => T);
    for (let i = 0; i < 4; i++) clock.observe(header(T + 60_000), T, T + 100);
    clock.observe(header(T + 3_600_000), T, T + 100);
    expect(Math.abs(clock.offsetMs - 60_000)).toBeLessThanOrEqual(1_000);
  });

  it('skips headers it cannot read', () => {
    const clock = new ServerClock(() => T);
    clock.observe(undefined, T, T + 10);
    clock.observe('yesterday-ish', T, T + 10);
    clock.observe(['a', 'b'], T, T + 10);
    clock.observe(header(T + 60_000), T + 10, T);
    expect(clock.offsetMs).toBe(0);
  });
});
