/**
 * `npm run bench:day`'s first part: a simulated working day against Free-plan quotas. 8 hours
 * of clock time compressed (a virtual clock drives the app, its pacing and backoff, and the
 * sandbox's quotas and rate limit), the popover opened 60 times, 40 edits, two offline spells.
 * Prints requests per bucket per hour.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEMO, createFixture } from '../tools/sandbox/fixture';
import { FREE_PLAN_QUOTAS } from '../tools/sandbox/limits';
import { seededRandom } from '../tools/sandbox/faults';
import { TogglSandbox } from '../tools/sandbox/server';
import { MemoryVault } from '../test/support/memory-vault';
import { launchApp } from '../test/support/sync-world';

const HOUR = 3600_000;
const MINUTE = 60_000;

export async function simulatedDay(): Promise<void> {
  const clock = { now: Date.parse('2026-11-23T09:00:00Z') };
  const start = clock.now;
  // Every organization held to the Free plan's 30 requests an hour, the tightest Toggl has.
  const sandbox = new TogglSandbox({
    state: createFixture(() => clock.now),
    quotas: { user: FREE_PLAN_QUOTAS.user, organization: { free: 30, starter: 30, premium: 30 } },
  });
  await sandbox.start();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-day-'));
  const app = await launchApp(sandbox.apiUrl, dataDir, new MemoryVault(), {
    // Pacing and backoff wait on the virtual clock: a second of waiting costs no real time.
    http: {
      now: () => clock.now,
      sleep: (ms) => {
        clock.now += ms;
        return Promise.resolve();
      },
      minIntervalMs: 1000,
      retry: { retries: 3, baseDelayMs: 500, maxDelayMs: 8000 },
    },
    data: { clock: { now: () => clock.now, setTimeout: () => undefined, clearTimeout: () => undefined } },
  });
  await app.services.session.signInWithToken(DEMO.apiToken);
  await app.services.data.engine.sync('sign-in');

  const random = seededRandom(42);
  const opens = new Set(Array.from({ length: 60 }, (_, index) => Math.round(index * 8 + random() * 4)));
  const edits = Array.from({ length: 40 }, () => Math.floor(random() * 480)).sort((a, b) => a - b);
  const offline = (minute: number) => (minute >= 90 && minute < 120) || (minute >= 300 && minute < 345);
  let opened = 0;
  let edited = 0;

  for (let minute = 0; minute < 480; minute++) {
    clock.now = Math.max(clock.now, start + minute * MINUTE);
    if (offline(minute) !== sandbox.isDown) await sandbox.setDown(offline(minute));
    if (opens.has(minute)) {
      opened++;
      await app.call('sync.opened');
    }
    for (const _ of edits.filter((at) => at === minute)) {
      edited++;
      await edit(app, edited, random);
    }
    await app.services.data.settled();
    await app.services.data.loop.notify('tick');
    if (!app.services.data.engine.status().online) await app.services.data.loop.probe();
  }
  await sandbox.setDown(false);
  await app.services.data.loop.probe();

  const buckets = new Map<string, number[]>();
  for (const request of sandbox.requests) {
    if (request.path === '/') continue;
    const bucket = request.path.startsWith('/me') ? 'user (/me*)' : 'organization';
    const hour = Math.floor((request.at - start) / HOUR);
    const row = buckets.get(bucket) ?? Array<number>(8).fill(0);
    row[Math.min(hour, 7)] = (row[Math.min(hour, 7)] ?? 0) + 1;
    buckets.set(bucket, row);
  }
  const status = app.services.data.status();
  process.stdout.write(
    `\n1. Simulated day: ${opened} popover opens, ${edited} edits, 2 offline spells (30 and 45 min), Free-plan quotas\n`,
  );
  process.stdout.write(
    `   ${'bucket'.padEnd(14)} ${Array.from({ length: 8 }, (_, hour) => `h${hour + 1}`.padStart(4)).join('')}   largest hour\n`,
  );
  for (const [bucket, row] of buckets) {
    process.stdout.write(
      `   ${bucket.padEnd(14)} ${row.map((count) => String(count).padStart(4)).join('')}   ${Math.max(...row)}\n`,
    );
  }
  process.stdout.write(
    `   402 answers: ${sandbox.countRequests((request) => request.status === 402)}, 429 answers: ${sandbox.countRequests((request) => request.status === 429)}, ` +
      `reachability probes: ${sandbox.countRequests((request) => request.path === '/')}, left in outbox: ${status.pending + status.failed + status.conflicts}\n`,
  );
  await app.close();
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
}

/** One of the day's edits, picked in turn: rename, done/undone, new task, archive/restore. */
async function edit(app: Awaited<ReturnType<typeof launchApp>>, index: number, random: () => number): Promise<void> {
  const view = await app.call('data.view');
  const studio = view.workspaces.find((workspace) => workspace.name === 'Demo Studio')?.id;
  const projects = view.projects.filter((project) => project.wid === studio && project.active);
  const project = projects[Math.floor(random() * projects.length)];
  if (!project) return;
  const tasks = view.tasks.filter((task) => task.pid === project.id);
  const task = tasks[Math.floor(random() * tasks.length)];
  switch (index % 4) {
    case 0:
      return app.call('projects.update', {
        id: project.id,
        changes: { name: `${project.name.replace(/ #\d+$/, '')} #${index}` },
      });
    case 1:
      if (task) return app.call('tasks.setActive', { ids: [task.id], active: !task.active });
      return;
    case 2:
      await app.call('tasks.create', {
        pid: project.id,
        fields: { name: `Task from edit ${index}`, estimatedSeconds: 1800 },
      });
      return;
    default:
      return app.call('projects.setActive', { ids: [project.id], active: true });
  }
}
