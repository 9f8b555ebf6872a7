/**
 * `npm run bench:day`: does the app stay inside Toggl's hourly quotas through a working day?
 *
 * 1. A simulated day: 8 hours of clock time compressed (a virtual clock drives the app, its
 *    pacing and backoff, and the sandbox's quotas and rate limit), the popover opened 60
 *    times, 40 edits, two offline spells, a timer switched 16 times, Free-plan quotas. Prints
 *    requests per bucket per hour and the busiest 60 minutes; fails when Toggl does not end up
 *    with exactly the entries the day made.
 * 2. Ingest of a 10,000-project / 100,000-task account (seconds, peak memory, cache bytes per task).
 * 3. An incremental sync after 10 changes on Toggl (requests, the client's own milliseconds).
 * 4. The main process's event-loop delay (p99, max) through that sync, through one edit
 *    saved and sent, and through a full load while the user is away with a timer running (the
 *    idle watcher looking every second), at 100,000 tasks: how long the app answers nothing.
 * 5. Per phase, the main process's minor page faults (/proc/self/stat) and longest stall: the
 *    faults are what the machine charges by the page (machine.ts, printed first, says how much).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { DEMO } from '../tools/sandbox/fixture';
import { startSandboxProcess } from '../tools/sandbox/process';
import { simulatedDay, type DayFigures } from './day-simulation';
import { Figures, TARGETS } from './figures';
import { formatMachine, machineJson, minorFaults, probeMachine, type MachineCosts } from './machine';
import { measure } from './measure';
import { TogglApi } from '../src/main/services/toggl/api';
import { MemoryVault } from '../test/support/memory-vault';
import { launchApp } from '../test/support/sync-world';
import { ListView } from '../src/main/services/changes/list-view';
import { awayFullLoad } from './away-full-load';
import { Agent } from 'undici';

/** One phase's main-process minor page faults and longest event-loop stall. */
interface Phase {
  label: string;
  /** The JSON keys' prefix. */
  key: string;
  faults: number;
  stallMs: number;
}

async function largeAccount(figures: Figures, phases: Phase[]): Promise<void> {
  const sandbox = await startSandboxProcess(['--large', '10000,100000', '--no-quotas']);
  const { apiUrl } = sandbox;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-ingest-'));
  // Every request the app sends, by path: what a sync asked for, read off the wire.
  const sentPaths: string[] = [];
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 4 }).compose(
    (dispatch) => (options, handler) => {
      // As Toggl's pages name them: from /me on, without the query.
      sentPaths.push(options.path.replace(/\?.*$/, '').replace(/^.*?(?=\/me\b)/, ''));
      return dispatch(options, handler);
    },
  );
  try {
    const app = await launchApp(apiUrl, dataDir, new MemoryVault(), { http: { timeoutMs: 300_000, dispatcher } });
    const { cache } = app.services.data;
    const fullStalls = monitorEventLoopDelay({ resolution: 5 });
    const fullFaults = minorFaults();
    fullStalls.enable();
    // Signing in loads the account whole: one request, then the cache written in pieces.
    const { seconds, peakRssMb, peakHeapMb } = await measure(async () => {
      await app.services.session.signInWithToken(DEMO.apiToken);
      await app.services.data.settled();
      app.services.data.currentView();
      await cache.settled();
    });
    fullStalls.disable();
    phases.push({
      label: 'full ingest',
      key: 'full_load',
      faults: minorFaults() - fullFaults,
      stallMs: fullStalls.max / 1e6,
    });
    const bytes = (await stat(cache.file)).size;
    const tasks = cache.tasks.size;
    process.stdout.write(`\n2. Full ingest: ${cache.projects.size} projects, ${tasks} tasks\n`);
    process.stdout.write(
      `   ${seconds.toFixed(2)} s (request, parse, cache write); peak RSS ${peakRssMb.toFixed(0)} MiB, peak heap ${peakHeapMb.toFixed(0)} MiB; ` +
        `cache file ${(bytes / 2 ** 20).toFixed(1)} MiB\n` +
        `   main-process event-loop delay through it: p99 ${(fullStalls.percentile(99) / 1e6).toFixed(0)} ms, max ${(fullStalls.max / 1e6).toFixed(0)} ms\n`,
    );
    figures.report(TARGETS.cacheBytes, Math.round(bytes / tasks));
    figures.note('full_load_s', Number(seconds.toFixed(2)));
    figures.note('full_load_peak_heap_mib', Math.round(peakHeapMb));
    figures.note('full_load_peak_rss_mib', Math.round(peakRssMb));

    // Ten changes on Toggl by someone else, then an incremental sync picks them up.
    const other = new TogglApi({ baseUrl: apiUrl, credentials: { token: DEMO.apiToken }, minIntervalMs: 0 });
    const changed = [...cache.tasks.values()].filter((task) => cache.projects.get(task.pid)?.active).slice(0, 10);
    for (const task of changed) await other.updateTask(task.wid, task.pid, task.id, { name: `${task.name} (changed)` });
    await other.close();
    app.services.data.currentView();
    const sentBefore = sentPaths.length;
    // The sandbox runs in its own process: the time this one's event loop was busy is the client's.
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    const syncFaults = minorFaults();
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
    phases.push({ label: 'incremental sync', key: 'sync', faults: minorFaults() - syncFaults, stallMs: syncStall });
    const syncPaths = sentPaths.slice(sentBefore);
    // The timer's own look for entries changed elsewhere (issue #23 allows it beside the list's).
    const timerRequests = syncPaths.filter((sent) => sent === '/me/time_entries').length;
    const listPaths = syncPaths.filter((sent) => sent !== '/me/time_entries');
    const picked = [...cache.tasks.values()].filter((task) => task.name.endsWith('(changed)')).length;
    process.stdout.write(
      `\n3. Incremental sync after 10 changes on Toggl: ${picked} picked up, ${ms.toFixed(0)} ms in all\n`,
    );
    figures.report(
      TARGETS.syncRequests,
      listPaths.length,
      `projects, tasks and clients each have their own \`since\` list: ${listPaths.join(', ')}`,
    );
    figures.report(
      TARGETS.syncTimerRequests,
      timerRequests,
      "the timer's entries changed elsewhere, since the last sync",
    );
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
    const secondFaults = minorFaults();
    secondStalls.enable();
    const secondBefore = performance.eventLoopUtilization();
    await app.services.data.engine.sync('manual');
    await app.services.data.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    secondStalls.disable();
    phases.push({
      label: 'second sync',
      key: 'second_sync',
      faults: minorFaults() - secondFaults,
      stallMs: secondStalls.max / 1e6,
    });
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
    const editFaults = minorFaults();
    stalls.enable();
    const edited = changed[0];
    if (edited) await app.call('tasks.update', { id: edited.id, changes: { name: `${edited.name} again` } });
    await app.services.data.loop.sendNow();
    await app.services.data.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    stalls.disable();
    const editStall = stalls.max / 1e6;
    phases.push({
      label: 'one edit saved and sent',
      key: 'edit',
      faults: minorFaults() - editFaults,
      stallMs: editStall,
    });
    await app.close();

    const away = await awayFullLoad(apiUrl);
    phases.push({
      label: 'full load, away, timer on',
      key: 'away_full_load',
      faults: away.faults,
      stallMs: away.stallMs,
    });
    process.stdout.write(
      `\n4. Main-process event-loop delay at ${tasks} tasks\n` +
        `   (a full load while away with a timer running: ${away.seconds.toFixed(1)} s, the idle watcher looked ${away.looks} times meanwhile)\n`,
    );
    if (away.looks === 0)
      throw new Error('the idle watcher never looked during the away full load: the benchmark is wrong');
    figures.note('away_full_load_looks', away.looks);
    const fullStall = fullStalls.max / 1e6;
    figures.report(
      TARGETS.mainLoop,
      Math.max(fullStall, syncStall, editStall, away.stallMs),
      `full load ${fullStall.toFixed(0)} ms, incremental sync ${syncStall.toFixed(0)} ms, one edit saved and sent ${editStall.toFixed(0)} ms, ` +
        `full load while away with a timer ${away.stallMs.toFixed(0)} ms`,
    );
  } finally {
    sandbox.stop();
    await dispatcher.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function printPhases(phases: Phase[], machine: MachineCosts, figures: Figures): void {
  process.stdout.write(`\n5. The main process per phase: minor page faults and longest event-loop stall\n`);
  for (const phase of phases) {
    const faultMs = (phase.faults * machine.faultUs) / 1000;
    process.stdout.write(
      `   ${phase.label.padEnd(26)} ${String(phase.faults).padStart(8)} faults (≈ ${faultMs.toFixed(0)} ms at this ` +
        `machine's ${machine.faultUs.toFixed(1)} µs)   longest stall ${phase.stallMs.toFixed(0)} ms\n`,
    );
    figures.note(`${phase.key}_faults`, phase.faults);
    figures.note(`${phase.key}_loop_max_ms`, phase.stallMs);
  }
}

/** The simulated day's figures: the busiest /me hour and the 402s against their targets, the rest as context. */
function reportDay(figures: Figures, day: DayFigures): void {
  figures.report(
    TARGETS.dayUserHour,
    day.meBusiestHour,
    `the timer's stop looks at most ${day.stopLooksBusiestHour} of them`,
  );
  figures.report(TARGETS.day402, day.answers402);
  figures.note('day_org_busiest_hour', day.orgBusiestHour);
  figures.note('day_429', day.answers429);
  figures.note('day_timer_switches', day.switches);
  figures.note('day_stop_looks', day.stopLooks);
  figures.note('day_stop_looks_busiest_hour', day.stopLooksBusiestHour);
  figures.note('day_popover_syncs_left_per_hour', day.popoverSyncsLeftLarge);
  figures.note('day_popover_syncs_left_per_hour_small', day.popoverSyncsLeftSmall);
  figures.note('day_syncs_skipped', day.skippedSyncs);
  figures.note('day_people_loads', day.peopleLoads);
  figures.note('day_elsewhere_shown_after_min', day.elsewhereShownAfterMinutes);
}

async function main(): Promise<void> {
  const machine = await probeMachine();
  process.stdout.write(`bench:day\n${formatMachine(machine)}\n`);
  const phases: Phase[] = [];
  const dayStalls = monitorEventLoopDelay({ resolution: 5 });
  const dayFaults = minorFaults();
  dayStalls.enable();
  const day = await simulatedDay();
  dayStalls.disable();
  phases.push({
    label: 'simulated day (+ sandbox)',
    key: 'day',
    faults: minorFaults() - dayFaults,
    stallMs: dayStalls.max / 1e6,
  });
  const figures = new Figures();
  reportDay(figures, day);
  await largeAccount(figures, phases);
  printPhases(phases, machine, figures);
  figures.group('machine', machineJson(machine));
  figures.printJson();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:day failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
