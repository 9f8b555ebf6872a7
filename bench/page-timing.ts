/**
 * How `npm run bench:ui` times a page in Chromium, for the app and for its floors alike: a
 * load until the first rows are painted, each keystroke's work until the list is painted,
 * and frames while scrolling. All of it measured in the page, so DevTools round trips do not count.
 */
import type { Page } from '@playwright/test';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

/**
 * Opens the page afresh at `url` and returns the time from navigation start to the frame with
 * the first rows (the page marks `toggl-tray:first-rows` in that frame's animation-frame
 * callback). The tab must be on a blank page (`leaveForBlank`): a window opens on none, so a
 * load here does not pay for unloading the page before it (for the app, the whole list).
 * `atFirstRows` runs as soon as the mark is seen, before the load goes on to the whole list.
 */
export async function firstRows(page: Page, url: string, atFirstRows?: () => Promise<void>): Promise<number> {
  await page.goto(url);
  await markSeen(page, 'toggl-tray:first-rows');
  await atFirstRows?.();
  const at = await page.evaluate(() => performance.getEntriesByName('toggl-tray:first-rows')[0]?.startTime ?? NaN);
  // The window opens once and then stays: the next load starts when this one has the whole list
  // and has done what it leaves for idle time (the search index), as a window at rest has.
  await markSeen(page, 'toggl-tray:list-loaded');
  await page.evaluate('new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve())))');
  return at;
}

/** Takes the tab to a blank page (unloading the one it had) and returns the address it was on. */
export async function leaveForBlank(page: Page): Promise<string> {
  const url = page.url();
  await page.goto('about:blank');
  return url;
}

/**
 * Waits in the page for a performance mark, without polling. Not `page.waitForFunction`: that
 * first evaluates Playwright's injected script in the new page (14 ms of its main thread on a
 * slow machine), in the middle of the load being timed.
 */
function markSeen(page: Page, name: string): Promise<void> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const seen = () => performance.getEntriesByName(${JSON.stringify(name)}).length > 0;
    if (seen()) return resolve();
    const observer = new PerformanceObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'mark' });
    setTimeout(() => reject(new Error('no mark ' + ${JSON.stringify(name)} + ' in 60 s')), 60000);
  })`);
}

export interface Keystroke {
  typed: string;
  ms: number;
  update: number;
  paint: number;
}

/**
 * Per keystroke into the page's `input[type=search]`, the main thread's work until the updated
 * list is on screen: from the input event until the list's DOM is updated (a task after
 * Svelte's microtask flush), plus the work of the frame that paints it (from its
 * animation-frame callbacks to the end of its style, layout, paint and commit). Each key is
 * pressed just after a frame, so no unrelated frame runs in between; the wait for the display's
 * next frame is not work, and not counted.
 */
export async function searchLatencies(page: Page, queries: string[]): Promise<Keystroke[]> {
  const timings: Keystroke[] = [];
  for (const query of queries) {
    for (let length = 0; length <= query.length; length++) {
      const typed = query.slice(0, length);
      const [update, paint] = await timedInput(
        page,
        `const input = document.querySelector('input[type=search]');
         const act = () => {
           input.value = ${JSON.stringify(typed)};
           input.dispatchEvent(new Event('input', { bubbles: true }));
         };`,
      );
      if (length > 0) timings.push({ typed, ms: update + paint, update, paint });
    }
  }
  return timings;
}

/** How many inputs `searchLatencies` makes of `queries`: each query key by key, after clearing the box. */
export const inputsOf = (queries: string[]): number => queries.reduce((sum, query) => sum + query.length + 1, 0);

/**
 * A checkbox above the list ticked or unticked (by its label's text): input to the updated
 * list painted, measured as a keystroke is.
 */
export async function toggleLatency(page: Page, name: string): Promise<Keystroke> {
  const [update, paint] = await timedInput(
    page,
    `const box = [...document.querySelectorAll('input[type=checkbox]')].find(
       (input) => input.parentElement?.textContent.trim() === ${JSON.stringify(name)},
     );
     if (!box) throw new Error('no checkbox ' + ${JSON.stringify(name)});
     const act = () => box.click();`,
  );
  return { typed: name, ms: update + paint, update, paint };
}

/**
 * Runs `setup` (page code that defines `act`) just after a frame, then times `act`: until the
 * DOM is updated (after Svelte's microtask flush), and the work of the frame that paints it.
 * A string, not a closure: tsx would wrap named functions in a helper the page lacks.
 */
function timedInput(page: Page, setup: string): Promise<[number, number]> {
  return page.evaluate<[number, number]>(`new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(() => {
      ${setup}
      const started = performance.now();
      act();
      setTimeout(() => {
        const update = performance.now() - started;
        requestAnimationFrame(() => {
          const frame = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve([update, performance.now() - frame]);
          channel.port2.postMessage(0);
        });
      }, 0);
    }, 0));
  })`);
}

export interface FrameTimes {
  /** Time between one frame and the next: the display's clock, jitter and all. */
  intervals: number[];
  /** Each frame's main-thread work, from its begin time to the end of its paint and commit. */
  work: number[];
}

/**
 * 300 frames, scrolling the list 120 px each (a quick mouse wheel) or, for a baseline, not.
 * A frame's work includes its scroll event, the list's update, its animation-frame callbacks
 * and its style, layout, paint and commit: a message posted from the callback runs after those.
 */
export async function scrollFrames(page: Page, scroll = true): Promise<FrameTimes> {
  await page.getByRole('tree').waitFor();
  // A string, not a closure: tsx would wrap named functions in a helper the page lacks.
  return page.evaluate<FrameTimes>(`new Promise((resolve) => {
    const tree = document.querySelector('[role="tree"]');
    const intervals = [];
    const work = [];
    let last = performance.now();
    let step = 0;
    function tick(now) {
      intervals.push(now - last);
      last = now;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => work.push(performance.now() - now);
      channel.port2.postMessage(0);
      if (tree && ${String(scroll)}) tree.scrollTop += 120;
      if (++step < 300) requestAnimationFrame(tick);
      else setTimeout(() => resolve({ intervals: intervals.slice(1), work: work.slice(1) }), 50);
    }
    requestAnimationFrame(tick);
  })`);
}
