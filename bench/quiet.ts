/**
 * Waits for the machine to go quiet before a measurement: a browser just closed, or a server
 * just killed, may go on freeing its memory for a while, and on two cores that work would land
 * on the page being measured. (Here it was quiet within half a second; the slow first keys
 * after the floor page turned out to be the page's own rest, see docs/speed-history.md.)
 */
import { readFileSync } from 'node:fs';

/** All cores' busy and total time so far, in clock ticks (/proc/stat's first line). */
function cpuTicks(): { busy: number; total: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '')
      .trim()
      .split(/\s+/)
      // user nice system idle iowait irq softirq steal; guest time is in user already.
      .slice(1, 9)
      .map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    // idle and iowait are the 4th and 5th fields.
    return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once two windows of `windowMs` in a row kept the cores less than `busyShare` busy
 * (the page's own ticking timer stays well under it), or after `timeoutMs`. Returns how long
 * it waited and the last window's share. Where /proc/stat is missing it waits one window.
 */
export async function quietMachine({ windowMs = 250, busyShare = 0.2, timeoutMs = 15_000 } = {}): Promise<{
  waitedMs: number;
  busy: number;
}> {
  const started = performance.now();
  let quietWindows = 0;
  let share = 0;
  let before = cpuTicks();
  while (performance.now() - started < timeoutMs) {
    await sleep(windowMs);
    const after = cpuTicks();
    if (!before || !after) return { waitedMs: performance.now() - started, busy: 0 };
    share = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    before = after;
    quietWindows = share < busyShare ? quietWindows + 1 : 0;
    if (quietWindows === 2) break;
  }
  return { waitedMs: performance.now() - started, busy: share };
}
