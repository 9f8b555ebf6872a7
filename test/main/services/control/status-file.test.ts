import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../../../src/main/services/clock';
import { StatusFile, statusFilePath } from '../../../../src/main/services/control/status-file';
import { statusSnapshot } from '../../../../src/main/services/control/status-snapshot';
import { createMemoryLogger } from '../../../../src/main/services/logger';
import type { SyncStatus } from '../../../../src/shared/entities';

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
