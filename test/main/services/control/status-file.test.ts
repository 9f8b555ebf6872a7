import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../../../src/main/services/clock';
import { StatusFile, statusFilePath } from '../../../../src/main/services/control/status-file';
import { statusSnapshot } from '../../../../src/main/services/control/status-snapshot';
import { createMemoryLogger } from '../../../../src/main/services/logger';
import type { SyncStatus } from '../../../../src/shared/entities';
import { FakeClock } from '../../../support/fake-clock';

const SYNC: SyncStatus = {
  online: true,
  syncing: true,
  lastSyncedAt: null,
  pending: 2,
  failed: 0,
  conflicts: 0,
  quota: { remaining: 28, limit: 30, resetsAt: null },
  pausedUntil: null,
  problem: null,
  diskProblem: null,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-status-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('a write looks at the app only once the list has taken in a large change, a slice at a time', async () => {
  const file = statusFilePath(dir);
  const steps: string[] = [];
  let listCaughtUp = (): void => undefined;
  const caughtUp = new Promise<void>((resolve) => (listCaughtUp = resolve));
  const status = new StatusFile({
    file,
    ready: () => (steps.push('ready'), caughtUp),
    snapshot: () => (steps.push('snapshot'), statusSnapshot(null, SYNC, Date.now(), process.pid)),
    clock: systemClock,
    log: createMemoryLogger(),
  });

  const writing = status.write();
  // The catch-up's slices run meanwhile: nothing is built, nothing is written.
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(steps).toEqual(['ready']);
  await expect(stat(file)).rejects.toThrow(/ENOENT/);

  listCaughtUp();
  await writing;
  expect(steps).toEqual(['ready', 'snapshot']);
  const written = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  expect(written).toMatchObject({ pid: process.pid });
  await status.close();
});

it('changes that keep coming, less than the settling time apart, still reach the file at least every half second', async () => {
  const clock = new FakeClock();
  const started = clock.now();
  const snapshots: number[] = [];
  // Every timer the status file sets starts a write: counted as it fires.
  let writesAsked = 0;
  const setTimer = clock.setTimeout.bind(clock);
  clock.setTimeout = (run, ms) =>
    setTimer(() => {
      writesAsked++;
      run();
    }, ms);
  const status = new StatusFile({
    file: statusFilePath(dir),
    snapshot: () => (snapshots.push(clock.now() - started), statusSnapshot(null, SYNC, clock.now(), process.pid)),
    clock,
    log: createMemoryLogger(),
  });
  // Time stands still while a write is under way, however slow the disk: the gaps are the timers'.
  const writesDone = async () => {
    while (snapshots.length < writesAsked) await new Promise((resolve) => setTimeout(resolve, 1));
  };
  // A change every 100 ms for three seconds (a sync's events, one after another).
  for (let at = 0; at < 3000; at += 100) {
    status.changed();
    clock.advance(100);
    await writesDone();
  }
  await status.close();
  const gaps = snapshots.map((at, index) => at - (snapshots[index - 1] ?? 0));
  expect(snapshots.length).toBeGreaterThanOrEqual(6);
  expect(Math.max(...gaps)).toBeLessThanOrEqual(500);

  // A single change still waits for the ones that may follow it.
  const single = new FakeClock();
  let written = 0;
  const quiet = new StatusFile({
    file: statusFilePath(dir),
    snapshot: () => (written++, statusSnapshot(null, SYNC, single.now(), process.pid)),
    clock: single,
    log: createMemoryLogger(),
  });
  quiet.changed();
  single.advance(200);
  quiet.changed();
  single.advance(200);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(written).toBe(0);
  single.advance(50);
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(written).toBe(1);
  await quiet.close();
});

it('changes while a write waits for the list to catch up are in its snapshot, not each a write of its own', async () => {
  const clock = new FakeClock();
  let caughtUp = (): void => undefined;
  let waiting: Promise<void> | null = new Promise<void>((resolve) => (caughtUp = resolve));
  let snapshots = 0;
  const status = new StatusFile({
    file: statusFilePath(dir),
    ready: () => waiting ?? Promise.resolve(),
    snapshot: () => (snapshots++, statusSnapshot(null, SYNC, clock.now(), process.pid)),
    clock,
    log: createMemoryLogger(),
  });
  status.changed();
  clock.advance(250);
  // A large change taken in a slice at a time: forty events meanwhile, over four seconds.
  for (let event = 0; event < 40; event++) {
    status.changed();
    clock.advance(100);
  }
  expect(clock.waiting).toEqual([]);
  waiting = null;
  caughtUp();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(snapshots).toBe(1);
  await status.close();
});
