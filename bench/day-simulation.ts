/**
 * `npm run bench:day`'s first part: a simulated working day against Free-plan quotas. 8 hours
 * of clock time compressed (a virtual clock drives the app, its pacing and backoff, and the
 * sandbox's quotas and rate limit), the popover opened 60 times, 40 edits, two offline spells,
 * and the timer day (timer-day.ts: 16 switches, stops, a continue, a timer started on the
 * phone). Prints requests per quota bucket per hour and the busiest 60 minutes of each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEMO, createFixture } from '../tools/sandbox/fixture';
import { FREE_PLAN_QUOTAS } from '../tools/sandbox/limits';
import { seededRandom } from '../tools/sandbox/faults';
import { TogglSandbox, type RecordedRequest } from '../tools/sandbox/server';
import { DEFAULT_POLICY } from '../src/main/services/sync/budget';
import { INCREMENTAL_COST } from '../src/main/services/sync/sync-engine';
import { TimerDay } from './timer-day';
import { MemoryVault } from '../test/support/memory-vault';
import { launchApp } from '../test/support/sync-world';

const HOUR = 3600_000;
const MINUTE = 60_000;
const HOURS = 8;
const LABEL = 34;

/** What the day's JSON keys carry. */
export interface DayFigures {
  /** /me requests in the busiest 60 minutes (Toggl's window slides). */
  meBusiestHour: number;
  /** The same for the busiest organization. */
  orgBusiestHour: number;
  answers402: number;
  answers429: number;
  switches: number;
  /** GET /me/time_entries/{id}: a stop looks at its entry first. */
  stopLooks: number;
  stopLooksBusiestHour: number;
  /** Popover syncs an hour the /me budget leaves beside the timer and the reserve: incremental (4 requests) … */
  popoverSyncsLeftLarge: number;
  /** … and full loads (1 request), as small accounts sync. */
  popoverSyncsLeftSmall: number;
  skippedSyncs: number;
  /** GET /workspaces/{wid}/users: who tasks may be assigned to, with the full sync at most hourly. */
  peopleLoads: number;
  elsewhereShownAfterMinutes: number;
}

export async function simulatedDay(): Promise<DayFigures> {
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
  const timer = new TimerDay(app, sandbox, () => clock.now);

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
    await timer.at(minute);
    await app.services.data.settled();
    await app.services.data.loop.notify('tick');
    if (!app.services.data.engine.status().online) await app.services.data.loop.probe();
    await app.services.data.settled();
    timer.look();
  }
  await sandbox.setDown(false);
  await app.services.data.loop.probe();

  await app.services.data.settled();
  const status = app.services.data.status();
  const toggl = timer.check(start);
  const skipped = app.log.entries.filter((entry) => entry.message === 'sync: skipped to save quota').length;
  const requests = sandbox.requests.filter((request) => request.bucket !== undefined);
  const perHour = (picked: RecordedRequest[]): number[] => {
    const row = Array<number>(HOURS).fill(0);
    for (const request of picked) {
      const hour = Math.min(HOURS - 1, Math.floor((request.at - start) / HOUR));
      row[hour] = (row[hour] ?? 0) + 1;
    }
    return row;
  };
  const buckets = [...new Set(requests.map((request) => request.bucket ?? ''))].sort().map((key) => {
    const picked = requests.filter((request) => request.bucket === key);
    return {
      label: bucketLabel(sandbox, key),
      user: key.endsWith(':user'),
      row: perHour(picked),
      busiest: busiestHour(picked),
    };
  });
  const stopLooks = requests.filter(
    (request) => request.method === 'GET' && /^\/me\/time_entries\/\d+$/.test(request.path),
  );
  const timerWrites = requests.filter(
    (request) => request.method !== 'GET' && /\/time_entries(\/|$)/.test(request.path),
  );
  // Who tasks may be assigned to: each paid workspace's users with a full sync, at most hourly.
  const peopleLoads = requests.filter(
    (request) => request.method === 'GET' && /^\/workspaces\/\d+\/users$/.test(request.path),
  );
  const user = buckets.find((bucket) => bucket.user);
  // A benchmark that counted nothing measured nothing.
  if (!user || buckets.length < 2 || stopLooks.length === 0 || timerWrites.length === 0 || peopleLoads.length === 0)
    throw new Error(
      `simulated day: the requests were not counted by bucket (${buckets.length} buckets, ${stopLooks.length} stop looks, ${peopleLoads.length} people loads)`,
    );
  const answers402 = sandbox.countRequests((request) => request.status === 402);
  const answers429 = sandbox.countRequests((request) => request.status === 429);
  const stopLooksBusiest = busiestHour(stopLooks);
  // What a popover sync must leave (budget.ts) and the timer's own /me requests in its busiest hour.
  const spare = FREE_PLAN_QUOTAS.user - DEFAULT_POLICY.reserve.popover - stopLooksBusiest;
  const figures: DayFigures = {
    meBusiestHour: user.busiest,
    orgBusiestHour: Math.max(...buckets.filter((bucket) => !bucket.user).map((bucket) => bucket.busiest)),
    answers402,
    answers429,
    switches: timer.switches,
    stopLooks: stopLooks.length,
    stopLooksBusiestHour: stopLooksBusiest,
    popoverSyncsLeftLarge: Math.floor(spare / INCREMENTAL_COST),
    popoverSyncsLeftSmall: spare,
    skippedSyncs: skipped,
    peopleLoads: peopleLoads.length,
    elsewhereShownAfterMinutes: timer.elsewhereShownAfterMinutes ?? -1,
  };

  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `\n1. Simulated day: ${opened} popover opens (+ ${timer.opens} to use the timer), ${edited} edits, 2 offline spells (30 and 45 min), Free-plan quotas`,
  );
  out(
    `   timer: ${timer.switches} switches, ${timer.stops} stops, ${timer.continues} continue, ${timer.offline} made offline; ` +
      `a timer started on the phone showed ${figures.elsewhereShownAfterMinutes.toFixed(0)} min later (the next sync the app made anyway)`,
  );
  out(
    `   Toggl holds exactly the ${toggl.entries} entries the day made, with their times: none twice, none overlapping`,
  );
  out(
    `   requests per quota bucket (as the sandbox counts them) per hour from 09:00, and the busiest 60 minutes of the day`,
  );
  const hours = Array.from({ length: HOURS }, (_, hour) => `h${hour + 1}`.padStart(4)).join('');
  out(`   ${'bucket'.padEnd(LABEL)} ${hours}   busiest 60 min`);
  const show = (label: string, row: number[], busiest: number, limit = '') =>
    out(
      `   ${label.padEnd(LABEL)} ${row.map((count) => String(count).padStart(4)).join('')}   ${String(busiest).padStart(3)}${limit}`,
    );
  for (const bucket of buckets)
    show(bucket.label, bucket.row, bucket.busiest, ` of ${bucket.user ? FREE_PLAN_QUOTAS.user : 30}`);
  show('  of them: stop looks (/me)', perHour(stopLooks), stopLooksBusiest);
  show('  of them: timer writes (org)', perHour(timerWrites), busiestHour(timerWrites));
  show('  of them: people (org, assignees)', perHour(peopleLoads), busiestHour(peopleLoads));
  out(
    `   402 answers: ${answers402}, 429 answers: ${answers429}, syncs skipped to save quota: ${skipped}, ` +
      `reachability probes: ${sandbox.countRequests((request) => request.path === '/')}, left in outbox: ${status.pending + status.failed + status.conflicts}`,
  );
  out(
    `   /me: busiest hour ${user.busiest} of ${FREE_PLAN_QUOTAS.user}; the timer's stop looks took at most ${stopLooksBusiest} an hour, ` +
      `leaving ${spare} after the popover's reserve of ${DEFAULT_POLICY.reserve.popover}: ${spare} popover syncs an hour on a small account ` +
      `(a full load, 1 request) or ${figures.popoverSyncsLeftLarge} on a large one (an incremental sync, ${INCREMENTAL_COST})`,
  );
  await app.close();
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
  return figures;
}

/** "/me (user)", "org 3 Demo Studio (premium)". */
function bucketLabel(sandbox: TogglSandbox, key: string): string {
  if (key.endsWith(':user')) return '/me (user)';
  const id = Number(key.split(':').at(-1));
  const organization = sandbox.state.organizations.get(id);
  return organization ? `org ${organization.name} (${organization.plan})` : `org ${id}`;
}

/** The most requests in any 60 minutes (Toggl's window slides). */
function busiestHour(requests: RecordedRequest[]): number {
  const times = requests.map((request) => request.at).sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= HOUR) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
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
