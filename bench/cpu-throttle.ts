/**
 * `BENCH_CPU_THROTTLE=3 npm run bench:ui`: the app's page and its floor page each run with
 * their renderer's main thread slowed by Chromium's own CPU throttling
 * (`Emulation.setCPUThrottlingRate`). On a fast machine it shows where a slower one's figures
 * would go: it stretches the page's work, not its page faults, syscalls or the machine's other
 * processes, so it stands in for a slower machine roughly, and only for the page. The
 * throttler itself keeps ~40 % of a 2-core machine busy (a blank page slowed 3×: 40 % against
 * 1 %), so a throttled run also runs beside a busy core, and its figures vary widely.
 */
import type { Page } from '@playwright/test';

function rate(): number {
  const given = process.env.BENCH_CPU_THROTTLE;
  if (given === undefined || given === '') return 1;
  const value = Number(given);
  if (!Number.isFinite(value) || value < 1) {
    throw new Error(`BENCH_CPU_THROTTLE must be a number of at least 1 (how many times slower), not “${given}”`);
  }
  return value;
}

/** How many times slower the pages' main threads run (1: not slowed). */
export const CPU_THROTTLE = rate();

/** Slows `page`'s renderer by CPU_THROTTLE, for as long as the page lives (its loads included). */
export async function throttle(page: Page): Promise<void> {
  if (CPU_THROTTLE === 1) return;
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
}
