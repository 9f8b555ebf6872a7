// Every time budget of the e2e suite, in one place, each with why it is that number.
//
// Measured on a 2-core machine running the whole suite (2 workers) with a third, CPU-bound
// process busy on one of the cores (`node -e 'for(;;){}'`), which makes the browser and the app
// 2-3x slower than idle. Each budget is at least twice the slowest time measured so, with the
// app's own fixed waits (pacing, retries) counted in: a test that fails on one is stuck, not slow.
//
// E2E_SLOWDOWN (default 1) multiplies every budget, for a machine slower than that one (an
// emulated CPU, a debugger, a laptop on battery): `E2E_SLOWDOWN=3 npm run test:e2e`. Specs
// never wait on time: a budget only says how long a wait on the app's state may take before
// the test fails, so a larger factor never slows a passing run.
//
// The app paces its requests to Toggl at one a second (as Toggl asks), to the sandbox as well:
// a step that needs n requests takes about n seconds on any machine.

/** The factor from E2E_SLOWDOWN: a positive number, 1 when unset. */
export const SLOWDOWN = parseSlowdown(process.env.E2E_SLOWDOWN);

function parseSlowdown(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1;
  const factor = Number(value);
  if (!Number.isFinite(factor) || factor <= 0) {
    throw new Error(`E2E_SLOWDOWN must be a positive number (a factor for every e2e budget), not "${value}"`);
  }
  return factor;
}

const scaled = (ms: number): number => Math.round(ms * SLOWDOWN);

/**
 * One test, from its sandbox and app starting to their teardown (Playwright's `timeout`).
 * Each test starts its own app (sandbox, web shell process, browser page: ~2.5 s idle, 5-8 s
 * with a core busy) and then drives one view or one short scenario. The slowest with a core
 * busy (CI's replica, 2026-12-05) took 33 s: the default workspace chosen offline, then its
 * changes sent at Toggl's pace, and a group made, staffed, renamed and deleted the same way
 * (32.7 s); a queue damaged on disk, 25 s. Twice the slowest, and some: 90 s. A test that
 * needs more says so with `test.slow()` and why (long-list.spec.ts).
 */
export const TEST_TIMEOUT = scaled(90_000);

/**
 * One `expect` on what the app shows (Playwright's `expect.timeout`, also `expect.poll`'s).
 * The longest measured with a core busy was 4 s: a Refresh after an offline edit, three paced
 * requests before the edit reaches the sandbox; a sign-in shows the list in 1-2 s.
 * Playwright's default, 5 s, is too close to that.
 */
export const EXPECT_TIMEOUT = scaled(10_000);

/**
 * Until the app says Toggl cannot be reached (the sandbox stopped): it says so only when a
 * request has failed four times (three retries, backing off 0.25-2 s), each attempt waiting
 * for its turn in the one-a-second pacing, a turn shared with whatever else is in flight (the
 * managers' lookup after a sign-in): 7.1-7.2 s measured, idle or busy alike (timers, not CPU).
 * Above the expect budget, which it would come too close to.
 */
export const TOGGL_UNREACHABLE = scaled(20_000);

/**
 * From Toggl reachable again (the sandbox back up, then Refresh) until what the outbox queued
 * meanwhile has reached it, or its refusal is shown: the last failed request may first finish
 * its back-off (up to 2 s), then each queued change waits its turn in the one-a-second pacing
 * behind the sync's own requests. One queued edit took 4 s with a core busy (EXPECT_TIMEOUT);
 * these specs queue up to three (a timer stopped and another started, a group and its people).
 * Timers, not CPU: the same budget as the wait above.
 */
export const OUTBOX_DRAIN = scaled(20_000);

/**
 * The app, from launch to its address or first window, and its first page load. The web shell
 * is a Node process that compiles src/main with tsx as it loads: ~1.1 s idle, up to ~8 s for
 * the whole app fixture with a core busy. `npm run demo:web` starts two such processes in a
 * row (the sandbox's, then the shell): 2.3 s idle, 8.5 s with a core busy.
 */
export const APP_START = scaled(30_000);

/**
 * Signing into a large generated account (long-list.spec.ts: 240 projects, 720 tasks) until
 * the list shows: the sandbox answers /me with every project and task, and the page parses,
 * indexes and draws them; 0.7-1.6 s with a core busy. It is the step whose work grows with the
 * account and happens in the browser, the part a slower machine slows most: its own budget,
 * twice the expect budget.
 */
export const LARGE_ACCOUNT_LOAD = scaled(20_000);
