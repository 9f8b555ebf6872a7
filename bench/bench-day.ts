/**
 * `npm run bench:day`: does the app stay inside Toggl's hourly quotas through a working day?
 *
 * 1. A simulated day: 8 hours of clock time compressed (a virtual clock drives the app, its
 *    pacing and backoff, and the sandbox's quotas and rate limit), the popover opened 60
 *    times, 40 edits, two offline spells, Free-plan quotas. Prints requests per bucket per hour.
 * 2. Ingest of a 10,000-project / 100,000-task account (seconds, peak memory, cache bytes per task).
 * 3. An incremental sync after 10 changes on Toggl (requests, the client's own milliseconds).
 * 4. The main process's event-loop delay (p99, max) through that sync and through one edit
 *    saved and sent, at 100,000 tasks: how long the app answers nothing.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { DEMO, createFixture } from '../tools/sandbox/fixture';
import { FREE_PLAN_QUOTAS } from '../tools/sandbox/limits';
import { seededRandom } from '../tools/sandbox/faults';
import { startSandboxProcess } from '../tools/sandbox/process';
import { TogglSandbox } from '../tools/sandbox/server';
import { Figures, TARGETS } from './figures';
import { measure } from './measure';
import { TogglApi } from '../src/main/services/toggl/api';
import { MemoryVault } from '../test/support/memory-vault';
import { launchApp } from '../test/support/sync-world';
import { ListView } from '../src/main/services/changes/list-view';

const HOUR = 3600_000;
const MINUTE = 60_000;

async function simulatedDay(): Promise<void> {
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

async function largeAccount(figures: Figures): Promise<void> {
  const sandbox = await startSandboxProcess(['--large', '10000,100000', '--no-quotas']);
  const { apiUrl } = sandbox;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-ingest-'));
  try {
    const app = await launchApp(apiUrl, dataDir, new MemoryVault(), { http: { timeoutMs: 300_000 } });
    const { cache } = app.services.data;
    const fullStalls = monitorEventLoopDelay({ resolution: 5 });
    fullStalls.enable();
    // Signing in loads the account whole: one request, then the cache written in pieces.
    const { seconds, peakRssMb, peakHeapMb } = await measure(async () => {
      await app.services.session.signInWithToken(DEMO.apiToken);
      await app.services.data.settled();
      app.services.data.currentView();
      await cache.settled();
    });
    fullStalls.disable();
    const bytes = (await stat(cache.file)).size;
    const tasks = cache.tasks.size;
    process.stdout.write(`\n2. Full ingest: ${cache.projects.size} projects, ${tasks} tasks\n`);
    process.stdout.write(
      `   ${seconds.toFixed(2)} s (request, parse, cache write); peak RSS ${peakRssMb.toFixed(0)} MiB, peak heap ${peakHeapMb.toFixed(0)} MiB; ` +
        `cache file ${(bytes / 2 ** 20).toFixed(1)} MiB\n` +
        `   main-process event-loop delay through it: p99 ${(fullStalls.percentile(99) / 1e6).toFixed(0)} ms, max ${(fullStalls.max / 1e6).toFixed(0)} ms\n`,
    );
    figures.note('full_load_loop_max_ms', fullStalls.max / 1e6);
    figures.report(TARGETS.cacheBytes, Math.round(bytes / tasks));

    // Ten changes on Toggl by someone else, then an incremental sync picks them up.
    const other = new TogglApi({ baseUrl: apiUrl, credentials: { token: DEMO.apiToken }, minIntervalMs: 0 });
    const changed = [...cache.tasks.values()].filter((task) => cache.projects.get(task.pid)?.active).slice(0, 10);
    for (const task of changed) await other.updateTask(task.wid, task.pid, task.id, { name: `${task.name} (changed)` });
    await other.close();
    app.services.data.currentView();
    const sentBefore = app.services.api.quota.bucket('/me')?.sentLastHour ?? 0;
    // The sandbox runs in its own process: the time this one's event loop was busy is the client's.
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    const busyBefore = performance.eventLoopUtilization();
    const started = performance.now();
    await app.services.data.engine.sync('manual');
    await app.services.data.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = performance.eventLoopUtilization(busyBefore);
    const ms = performance.now() - started - 50;
    stalls.disable();
    const syncStall = stalls.max / 1e6;
    const requests = (app.services.api.quota.bucket('/me')?.sentLastHour ?? 0) - sentBefore;
    const picked = [...cache.tasks.values()].filter((task) => task.name.endsWith('(changed)')).length;
    process.stdout.write(
      `\n3. Incremental sync after 10 changes on Toggl: ${picked} picked up, ${ms.toFixed(0)} ms in all\n`,
    );
    figures.report(TARGETS.syncRequests, requests, 'projects, tasks and clients each have their own `since` list');
    figures.report(
      TARGETS.syncClient,
      busy.active,
      'parse, cache save, view update and delta, and what the full load left to collect; the rest is the sandbox',
    );
    // Context: the same again, now that the full load's garbage is gone (as a sync minutes later finds it).
    const again = new TogglApi({ baseUrl: apiUrl, credentials: { token: DEMO.apiToken }, minIntervalMs: 0 });
    for (const task of changed) await again.updateTask(task.wid, task.pid, task.id, { name: `${task.name} (again)` });
    await again.close();
    const secondStalls = monitorEventLoopDelay({ resolution: 5 });
    secondStalls.enable();
    const secondBefore = performance.eventLoopUtilization();
    await app.services.data.engine.sync('manual');
    await app.services.data.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    secondStalls.disable();
    process.stdout.write(
      `   (a second one right after: client ${performance.eventLoopUtilization(secondBefore).active.toFixed(0)} ms, ` +
        `longest stall ${(secondStalls.max / 1e6).toFixed(0)} ms)\n`,
    );

    // Context: what a start-up pays to list 110,000 items from nothing.
    const fresh = new ListView(cache);
    const viewStart = performance.now();
    fresh.build(app.services.data.queue.entries);
    process.stdout.write(
      `   (a view built from nothing, as at start-up: ${(performance.now() - viewStart).toFixed(0)} ms)\n`,
    );
    fresh.close();

    // The main process answers nothing while a task runs: the longest stall is what a user feels.
    stalls.reset();
    stalls.enable();
    const edited = changed[0];
    if (edited) await app.call('tasks.update', { id: edited.id, changes: { name: `${edited.name} again` } });
    await app.services.data.loop.sendNow();
    await app.services.data.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    stalls.disable();
    const editStall = stalls.max / 1e6;
    process.stdout.write(`\n4. Main-process event-loop delay at ${tasks} tasks\n`);
    const fullStall = fullStalls.max / 1e6;
    figures.report(
      TARGETS.mainLoop,
      Math.max(fullStall, syncStall, editStall),
      `full load ${fullStall.toFixed(0)} ms, incremental sync ${syncStall.toFixed(0)} ms, one edit saved and sent ${editStall.toFixed(0)} ms`,
    );
    await app.close();
  } finally {
    sandbox.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.stdout.write('bench:day\n');
  await simulatedDay();
  const figures = new Figures();
  await largeAccount(figures);
  figures.printJson();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:day failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
