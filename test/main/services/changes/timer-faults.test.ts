import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, createFixture } from '../../../../tools/sandbox/fixture';
import { FakeClock } from '../../../support/fake-clock';
import { loadRecording } from '../../../support/recordings';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';
import {
  entriesAtToggl,
  expectOneTimeline,
  runningIn,
  sent,
  websiteRedesign,
  wholeSecond,
} from '../../../support/timer-toggl';

/*
 * The timer against Toggl's faults: each test says what Toggl (the sandbox) ends up with:
 * exactly the entries and times the user made, never two running, no minute counted twice.
 */

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

const described = (description: string) => entriesAtToggl(world.sandbox, description);
const MINUTE = 60_000;
/** Requests the app made, as "METHOD /path" with ids as N, from `from` on. */
const requestsFrom = (from: number) =>
  world.sandbox.requests.slice(from).map((request) => `${request.method} ${request.path.replace(/\d+/g, 'N')}`);
const timeEntryWrites = () =>
  world.sandbox.requests.filter((request) => request.method !== 'GET' && request.path.includes('/time_entries'));

/**
 * The app on a clock the test moves, and Toggl (the sandbox) on the same one, or `ahead` ms
 * behind it: a machine whose clock runs ahead of Toggl's (the app learns the offset from the
 * `Date` header of the sign-in's answers, and stamps its timer on Toggl's clock).
 */
async function launchOnClock(ahead = 0): Promise<{ app: LaunchedApp; clock: FakeClock; wid: number; pid: number }> {
  const clock = new FakeClock(Date.now() - 60 * MINUTE);
  await world.cleanup();
  world = await createSyncWorld({ state: createFixture(() => clock.now() - ahead) });
  const app = await world.launch({ data: { clock, cacheDebounceMs: 0 } });
  const { project } = websiteRedesign(await app.call('data.view'));
  return { app, clock, wid: project.wid, pid: project.id };
}

describe('killed mid-replay: a restart from the files sends nothing twice', () => {
  /** Runs the probe until Toggl has done what `landed` looks for, then kills it without warning. */
  async function killWhen(scenario: 'start' | 'switch', landed: () => boolean): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.resolve('test/support/timer-kill-probe.ts'),
        world.sandbox.apiUrl,
        world.dataDir,
        scenario,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(landed, { timeout: 20_000, interval: 20 }).toBe(true);
    child.kill('SIGKILL');
    await exited;
    // It never heard Toggl's answer.
    expect(output).not.toContain('answered');
  }

  async function outboxOnDisk(): Promise<{ op: { kind: string }; inFlight: boolean }[]> {
    const file = JSON.parse(await readFile(path.join(world.dataDir, 'outbox.json'), 'utf8')) as {
      entries: { op: { kind: string }; inFlight: boolean }[];
    };
    return file.entries;
  }

  it('after Toggl took the POST of a start, before the outbox heard of it', async () => {
    const posts = (method: string, requestPath: string) => method === 'POST' && requestPath.endsWith('/time_entries');
    const release = world.sandbox.hold(posts, 'after');
    await killWhen('start', () => described('Cut off').length > 0);
    release();
    // What the kill left: the start, marked as on the wire.
    expect(await outboxOnDisk()).toMatchObject([{ op: { kind: 'entry.start' }, inFlight: true }]);

    const app = await world.launch();
    const view = await sent(app);
    // It looked (the POST may have landed), found it, and did not post it again.
    expect(timeEntryWrites().map((request) => request.method)).toEqual(['POST']);
    const [entry, ...more] = described('Cut off');
    expect(more).toEqual([]);
    expect(entry?.stop).toBeNull();
    expect(runningIn(view)).toMatchObject([{ id: entry?.id, description: 'Cut off', sync: 'synced' }]);
    expect(view.outbox).toEqual([]);
    expectOneTimeline(entriesAtToggl(world.sandbox));
  }, 30_000);

  it('after Toggl took the PUT that stops the running entry in a switch', async () => {
    const puts = (method: string, requestPath: string) => method === 'PUT' && requestPath.includes('/time_entries/');
    const release = world.sandbox.hold(puts, 'after');
    await killWhen('switch', () => described('Before the switch')[0]?.stop != null);
    release();
    expect(await outboxOnDisk()).toMatchObject([{ op: { kind: 'entry.stop' } }, { op: { kind: 'entry.start' } }]);

    const app = await world.launch();
    const view = await sent(app);
    // The stop looked, found it stopped at its own second, and did not PUT again.
    expect(timeEntryWrites().map((request) => request.method)).toEqual(['POST', 'PUT', 'POST']);
    const [before] = described('Before the switch');
    const [after, ...more] = described('After the switch');
    expect(more).toEqual([]);
    expect(after?.stop).toBeNull();
    expect(before?.stop).toBe(after?.start);
    expect(runningIn(view)).toMatchObject([{ id: after?.id, sync: 'synced' }]);
    expectOneTimeline(entriesAtToggl(world.sandbox));
  }, 30_000);
});

describe('5xx, then recovery: sent once, with the times made', () => {
  it.each([
    ['before doing anything', false, -60],
    ['after saving it (a gateway’s 502 after the backend)', true, -60],
    ['after saving it, on a machine whose clock is 5 minutes ahead of Toggl’s', true, 5],
  ])('a start answered 502 %s', async (_, applied, clockMinutes) => {
    const { app, clock, wid, pid } = await launchOnClock(clockMinutes * MINUTE);
    world.sandbox.force({ status: 502, times: 1, method: 'POST', applied });
    // On Toggl's clock.
    const madeAt = wholeSecond(clock.now() - clockMinutes * MINUTE);
    await app.call('timer.start', { wid, pid, tid: null, description: 'Through a 502' });
    await app.services.data.settled();
    expect(app.services.data.queue.entries).toMatchObject([{ uncertain: true, attempts: 1 }]);

    clock.advance(20 * MINUTE);
    const view = await sent(app);
    const [entry, ...more] = described('Through a 502');
    expect(more).toEqual([]);
    expect(Date.parse(entry?.start ?? '')).toBe(madeAt);
    expect(entry?.stop).toBeNull();
    // Posted again only when the first never took effect.
    expect(timeEntryWrites()).toHaveLength(applied ? 1 : 2);
    expect(runningIn(view)).toMatchObject([{ id: entry?.id, sync: 'synced' }]);
    expect(view.outbox).toEqual([]);
    // The whole account, not only this entry: no second running entry, nothing counted twice.
    expectOneTimeline(entriesAtToggl(world.sandbox));
  });

  it.each([
    ['the look at the entry', 'GET', false],
    ['the PUT, before saving', 'PUT', false],
    ['the PUT, after saving', 'PUT', true],
  ])(
    'a stop made at 10:00 and delivered at 10:20 through a 503 on %s still stops at 10:00',
    async (_, method, applied) => {
      const { app, clock, wid, pid } = await launchOnClock();
      await app.call('timer.start', { wid, pid, tid: null, description: 'Stopped through a 503' });
      await sent(app);
      clock.advance(30 * MINUTE);
      // Every attempt of the request (the client retries GET and PUT twice) is answered 503.
      world.sandbox.force({ status: 503, times: 3, method, applied });
      const stoppedAt = wholeSecond(clock.now());
      await app.call('timer.stop');
      await app.services.data.settled();
      expect(app.services.data.queue.entries).toMatchObject([{ op: { kind: 'entry.stop' }, attempts: 1 }]);

      clock.advance(20 * MINUTE);
      const from = world.sandbox.requests.length;
      const view = await sent(app);
      const [entry] = described('Stopped through a 503');
      expect(Date.parse(entry?.stop ?? '')).toBe(stoppedAt);
      expect(entry?.duration).toBe(30 * 60);
      // A PUT that took effect is seen by the look and not sent again.
      expect(requestsFrom(from)).toEqual(
        applied ? ['GET /me/time_entries/N'] : ['GET /me/time_entries/N', 'PUT /workspaces/N/time_entries/N'],
      );
      expect(view.outbox).toEqual([]);
      expect(runningIn(view)).toEqual([]);
      expectOneTimeline(entriesAtToggl(world.sandbox));
    },
  );

  it('a switch whose stop meets 503s: the new entry waits for it, so Toggl never holds two running', async () => {
    const { app, clock, wid, pid } = await launchOnClock();
    await app.call('timer.start', { wid, pid, tid: null, description: 'First' });
    await sent(app);
    clock.advance(10 * MINUTE);
    world.sandbox.force({ status: 503, times: 3, method: 'PUT' });
    const switchedAt = wholeSecond(clock.now());
    await app.call('timer.start', { wid, pid, tid: null, description: 'Second' });
    await app.services.data.settled();
    // The stop did not reach Toggl, so neither did the start queued after it.
    expect(
      entriesAtToggl(world.sandbox)
        .filter((entry) => entry.stop === null)
        .map((entry) => entry.description),
    ).toEqual(['First']);
    expect(described('Second')).toEqual([]);

    clock.advance(20 * MINUTE);
    await sent(app);
    const [first] = described('First');
    const [second] = described('Second');
    expect(Date.parse(first?.stop ?? '')).toBe(switchedAt);
    expect(Date.parse(second?.start ?? '')).toBe(switchedAt);
    expect(second?.stop).toBeNull();
    expectOneTimeline(entriesAtToggl(world.sandbox));
  });
});

describe('409 “Time entry already stopped” (recorded)', () => {
  /*
   * Toggl answers it to PATCH …/stop (its OpenAPI document lists it there alone), which stops
   * at Toggl's own clock and so is never sent: a stop looks at the entry (GET) and then PUTs the
   * second it was made. A stop elsewhere between the look and the PUT is later than that
   * second, so the PUT never extends an entry past it. The 409's case is met by the look.
   */
  it.each([
    ['earlier: Toggl’s stop is kept, nothing is written', -10, false],
    ['later: the earlier one, ours, is sent', 10, true],
  ])('a stop made offline at 10:00 of an entry the phone stopped %s', async (_, phoneMinutes, ours) => {
    const { app, clock, wid, pid } = await launchOnClock();
    await app.call('timer.start', { wid, pid, tid: null, description: 'Also stopped on the phone' });
    await sent(app);
    clock.advance(30 * MINUTE);
    await world.sandbox.setDown(true);
    const stoppedAt = wholeSecond(clock.now());
    await app.call('timer.stop');
    await app.services.data.settled();
    const [entry] = described('Also stopped on the phone');
    const phoneStop = stoppedAt + phoneMinutes * MINUTE;
    world.sandbox.elsewhere.stopTimeEntry(entry?.id ?? 0, phoneStop);
    // Toggl's stop endpoint would now answer the recorded 409.
    const recorded = loadRecording('time-entry-stop-409-rb-2024-04-25').response;
    await world.sandbox.setDown(false);
    const patch = await fetch(`${world.sandbox.apiUrl}/workspaces/${wid}/time_entries/${entry?.id}/stop`, {
      method: 'PATCH',
      headers: { authorization: `Basic ${Buffer.from(`${DEMO.apiToken}:api_token`).toString('base64')}` },
    });
    expect({ status: patch.status, body: (await patch.json()) as unknown }).toEqual({
      status: recorded.status,
      body: recorded.body,
    });

    clock.advance(20 * MINUTE);
    const from = world.sandbox.requests.length;
    const view = await sent(app);
    expect(requestsFrom(from)).toEqual(
      ours ? ['GET /me/time_entries/N', 'PUT /workspaces/N/time_entries/N'] : ['GET /me/time_entries/N'],
    );
    const [after] = described('Also stopped on the phone');
    expect(Date.parse(after?.stop ?? '')).toBe(Math.min(stoppedAt, phoneStop));
    expect(view.entries.find((item) => item.id === entry?.id)).toMatchObject({
      stop: new Date(Math.min(stoppedAt, phoneStop)).toISOString(),
      sync: 'synced',
    });
    expect(view.outbox).toEqual([]);
    expectOneTimeline(entriesAtToggl(world.sandbox));
  });
});

describe('Toggl’s refusals, in its words beside Retry and Discard', () => {
  const refusal = (name: string) => `Toggl refused the change: ${String(loadRecording(name).response.body)}`;

  it('a clock set to 2031: “Start time year must be between 2006 and 2030” (recorded)', async () => {
    // Toggl's own clock too: a machine's alone would be set right by Toggl's Date header.
    const clock = new FakeClock(Date.parse('2031-01-06T09:00:00Z'));
    await world.cleanup();
    world = await createSyncWorld({ state: createFixture(clock.now) });
    const app = await world.launch({ data: { clock, cacheDebounceMs: 0 } });
    const { project } = websiteRedesign(await app.call('data.view'));
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: '' });
    await app.services.data.settled();
    const failed = {
      summary: 'Start timer on “Website redesign”',
      state: 'failed',
      error: refusal('time-entry-post-400-year-go-2024-12-13'),
    };
    let view = await app.call('data.view');
    expect(view.outbox).toMatchObject([failed]);
    // Shown as it is, marked failed, until the user decides.
    expect(runningIn(view)).toMatchObject([{ sync: 'failed' }]);

    const [entry] = view.outbox;
    await app.call('outbox.retry', { entryId: entry?.id ?? '' });
    await app.services.data.settled();
    expect((await app.call('data.view')).outbox).toMatchObject([failed]);
    await app.call('outbox.discard', { entryId: entry?.id ?? '' });
    view = await app.call('data.view');
    expect(view.outbox).toEqual([]);
    expect(runningIn(view)).toEqual([]);
    expect(timeEntryWrites().map((request) => request.status)).toEqual([400, 400]);
  });

  it('“start is required for time entry creation” (recorded)', async () => {
    const app = await world.launch();
    const { project } = websiteRedesign(await app.call('data.view'));
    const recorded = loadRecording('time-entry-post-400-start-required-go-2024-12-15');
    world.sandbox.force({ status: 400, times: 1, method: 'POST', body: String(recorded.response.body) });
    await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Refused' });
    await app.services.data.settled();
    const view = await app.call('data.view');
    expect(view.outbox).toMatchObject([
      {
        summary: 'Start timer “Refused”',
        state: 'failed',
        error: refusal('time-entry-post-400-start-required-go-2024-12-15'),
      },
    ]);
    expect(entriesAtToggl(world.sandbox).filter((entry) => entry.stop === null)).toEqual([]);
  });
});
