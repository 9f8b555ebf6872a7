import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, createLargeAccount } from '../../../../tools/sandbox/fixture';
import { startSandboxWithClient } from '../../../../tools/sandbox/testing';
import { TogglApi } from '../../../../src/main/services/toggl/api';
import { TogglApiError } from '../../../../src/main/services/toggl/errors';
import { PiecedList } from '../../../../src/main/services/toggl/pieced-json';
import { togglFailure } from '../../../support/expect-error';
import type { TogglHttpOptions } from '../../../../src/main/services/toggl/http';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(sandboxOptions = {}, clientOptions: Partial<TogglHttpOptions> = {}) {
  const started = await startSandboxWithClient(sandboxOptions, clientOptions);
  cleanups.push(started.close);
  return started;
}

/** Everything an error could show: message, stack, own fields, cause. */
function everythingIn(error: TogglApiError): string {
  return [error.message, error.stack ?? '', JSON.stringify(error), JSON.stringify(Object.entries(error))].join('\n');
}

describe('large answers', () => {
  it('an answer of megabytes (a whole account) is read on a worker thread and comes back the same', async () => {
    const { api, sandbox } = await setup(
      { state: createLargeAccount(1_000, 12_000), quotas: false },
      { timeoutMs: 20_000 },
    );
    const me = await api.getMeWithRelatedData();
    const answer = await fetch(`${sandbox.apiUrl}/me?with_related_data=true`, {
      headers: { authorization: `Basic ${Buffer.from(`${DEMO.apiToken}:api_token`).toString('base64')}` },
    });
    const text = await answer.text();
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(me).toEqual(JSON.parse(text));
  });
});

/** A server that answers /me with `text` in pieces of 7,919 bytes, saying its length or not (chunked). */
async function pieceServer(
  text: string,
  length: (bytes: number) => number | undefined,
  status = 200,
): Promise<TogglApi> {
  const bytes = Buffer.from(text);
  const server = createServer((_req, res) => {
    const declared = length(bytes.length);
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(declared !== undefined && { 'content-length': String(declared) }),
    });
    for (let at = 0; at < bytes.length; at += 7_919) res.write(bytes.subarray(at, at + 7_919));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  const api = new TogglApi({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v9`,
    credentials: { token: DEMO.apiToken },
    minIntervalMs: 0,
  });
  cleanups.push(() => api.close());
  return api;
}

describe('large answers, however they come', () => {
  const me = {
    id: 1,
    tasks: Array.from({ length: 40_000 }, (_, at) => ({ id: at, name: `Überarbeitung – ${at} 🎉`, active: true })),
  };
  const text = JSON.stringify(me);

  it('without a length (chunked): handed over a piece at a time, and read the same', async () => {
    const api = await pieceServer(text, () => undefined);
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(await api.getMeWithRelatedData()).toEqual(me);
  });

  it('with its length: gathered in one buffer on the worker, and read the same', async () => {
    const api = await pieceServer(text, (bytes) => bytes);
    expect(await api.getMeWithRelatedData()).toEqual(me);
  });

  it('an error of megabytes is read whole: its message reaches the user', async () => {
    const message = `Workspace limit reached ${'·'.repeat(600_000)}`;
    const api = await pieceServer(JSON.stringify({ message }), (bytes) => bytes, 400);
    const error = await togglFailure(api.getMeWithRelatedData());
    expect(error.serverMessage?.startsWith('Workspace limit reached')).toBe(true);
  });

  it('an answer of megabytes of spaces is no answer, as a short one', async () => {
    const api = await pieceServer(' '.repeat(1_200_000), (bytes) => bytes);
    expect(await api.getMeWithRelatedData()).toBeUndefined();
  });

  it('read as a full load reads it: the tasks a piece at a time, the rest with the root', async () => {
    const api = await pieceServer(text, (bytes) => bytes);
    const answer = await api.loadMeWithRelatedData();
    const tasks = answer.list('tasks');
    expect(tasks).toBeInstanceOf(PiecedList);
    let pieces = 0;
    const read: unknown[] = [];
    for await (const items of tasks as PiecedList) {
      pieces += 1;
      read.push(...items);
    }
    answer.close();
    expect(pieces).toBeGreaterThan(10);
    expect(read).toEqual(me.tasks);
    expect(answer.list('id')).toBe(1);
  });
});

describe('error mapping, one status at a time', () => {
  it('403 on /me is "signed out"; a bad token never appears in the error', async () => {
    const { api } = await setup({}, { credentials: { token: 'not-a-real-token-0123456789' } });
    const error = await togglFailure(api.getMe());
    expect(error).toMatchObject({ kind: 'signed-out', status: 403, transient: false });
    expect(error.message).toBe('Toggl did not accept your API token (it may have been reset). Sign in again.');
    expect(everythingIn(error)).not.toContain('not-a-real-token-0123456789');
  });

  it('a revoked token signs the user out', async () => {
    const { api, sandbox } = await setup();
    await api.getMe();
    sandbox.revokeToken(DEMO.apiToken);
    expect((await togglFailure(api.getMe())).kind).toBe('signed-out');
  });

  it('402 is "quota", carries when it resets, and is never retried', async () => {
    const { api, sandbox } = await setup();
    sandbox.force({ status: 402, times: 5 });
    const error = await togglFailure(api.getMe());
    expect(error).toMatchObject({ kind: 'quota', status: 402, resetsInSeconds: 1800, transient: false });
    expect(error.message).toBe("Toggl's hourly API limit is used up. It resets in 30 min.");
    expect(sandbox.countRequests()).toBe(1);
  });

  it('spends the real hourly quota: 30 /me requests, then 402 with the reset time', async () => {
    const { api, sandbox } = await setup();
    for (let index = 0; index < 30; index++) await api.isLoggedIn();
    expect(api.quota.bucket('/me')).toMatchObject({ bucket: 'user', kind: 'user', remaining: 0, sentLastHour: 30 });
    const error = await togglFailure(api.getMe());
    expect(error.kind).toBe('quota');
    expect(error.resetsInSeconds).toBeGreaterThan(3500);
    // Workspace requests count against the organization's own bucket, still open.
    const me = sandbox.state.workspaces.values().next().value;
    await api.listProjects(me?.id ?? 0);
    expect(api.quota.snapshot().map((entry) => entry.bucket)).toEqual(['user', `workspace:${me?.id}`]);
  });

  it('429 is retried after Retry-After, then reported as "rate-limited" when it persists', async () => {
    const sleeps: number[] = [];
    const { api, sandbox } = await setup({}, { sleep: (ms) => (sleeps.push(ms), Promise.resolve()) });
    sandbox.force({ status: 429, times: 2, retryAfterSeconds: 2 });
    expect((await api.getMe()).email).toBe(DEMO.email);
    expect(sleeps).toEqual([2000, 2000]);
    expect(sandbox.countRequests()).toBe(3);

    sandbox.force({ status: 429, times: 10, retryAfterSeconds: 1 });
    const error = await togglFailure(api.getMe());
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 1 });
    expect(sandbox.countRequests()).toBe(3 + 4);
  });

  it('a Retry-After longer than the client waits is handed to the caller at once', async () => {
    const { api, sandbox } = await setup();
    sandbox.force({ status: 429, times: 1, retryAfterSeconds: 600 });
    const error = await togglFailure(api.getMe());
    expect(error.message).toBe('Toggl asked to slow down. Try again in 10 min.');
    expect(sandbox.countRequests()).toBe(1);
  });

  it('5xx on GET/PUT/DELETE/PATCH is retried with backoff; a POST is not', async () => {
    const sleeps: number[] = [];
    const { api, sandbox } = await setup({}, { sleep: (ms) => (sleeps.push(ms), Promise.resolve()) });
    sandbox.force({ status: 503, times: 2 });
    await api.getMe();
    expect(sandbox.countRequests()).toBe(3);
    // Equal jitter: each wait is between half and all of 5 ms, 10 ms.
    expect(sleeps[0]).toBeGreaterThanOrEqual(3);
    expect(sleeps[1]).toBeGreaterThanOrEqual(5);

    const workspace = (await api.getMeWithRelatedData()).workspaces?.[0]?.id ?? 0;
    const before = sandbox.countRequests();
    sandbox.force({ status: 500, times: 1 });
    const error = await togglFailure(api.createProject(workspace, { name: 'Only once' }));
    expect(error).toMatchObject({ kind: 'server', status: 500, transient: true });
    expect(error.message).toBe('Toggl is having trouble (HTTP 500). Try again in a few minutes.');
    expect(sandbox.countRequests() - before).toBe(1);
    expect((await api.listProjects(workspace)).some((project) => project.name === 'Only once')).toBe(false);

    sandbox.force({ status: 502, times: 4 });
    expect((await togglFailure(api.getMe())).kind).toBe('server');
    expect(sandbox.countRequests() - before).toBe(1 + 1 + 4);
  });

  it('a 30% 5xx rate: bounded retries carry most GETs through; the rest fail as transient', async () => {
    const { api, sandbox } = await setup({ seed: 7 });
    sandbox.setFaults({ serverErrorRate: 0.3 });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.isLoggedIn().then(
          () => 'ok',
          (error: unknown) =>
            error instanceof TogglApiError && error.kind === 'server' && error.transient ? 'server' : 'other',
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'other')).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 'ok').length).toBeGreaterThanOrEqual(17);
    // Each failed request was tried exactly four times (one attempt and three retries).
    const failed = outcomes.filter((outcome) => outcome === 'server').length;
    expect(sandbox.countRequests((request) => request.status === 200)).toBe(20 - failed);
    expect(sandbox.countRequests()).toBeGreaterThan(20);
  });

  it('404 is "not found" and 400 is "invalid" with the server message', async () => {
    const { api } = await setup();
    const workspace = (await api.getMeWithRelatedData()).workspaces?.[0]?.id ?? 0;
    expect(await togglFailure(api.getProject(workspace, 424242))).toMatchObject({ kind: 'not-found', status: 404 });
    expect(await togglFailure(api.createProject(workspace, { name: '' }))).toMatchObject({
      kind: 'invalid',
      status: 400,
    });
    expect(await togglFailure(api.getProject(99, 1))).toMatchObject({
      kind: 'not-found',
      serverMessage: 'Workspace not found',
    });
  });

  it('a sandbox that is down is "offline"; a dropped connection is "connection-lost"', async () => {
    const { api, sandbox } = await setup();
    await sandbox.setDown(true);
    const offline = await togglFailure(api.getMe());
    expect(offline).toMatchObject({ kind: 'offline', transient: true });
    expect(offline.message).toBe('Toggl cannot be reached. Check your internet connection.');
    // Refused connections reached no quota: the hour after an offline spell keeps all of it.
    expect(api.quota.bucket('/me')?.sentLastHour).toBe(0);
    await sandbox.setDown(false);
    expect((await api.getMe()).email).toBe(DEMO.email);

    sandbox.setFaults({ dropRate: 1 });
    const dropped = await togglFailure(api.getMe());
    expect(dropped.kind).toBe('connection-lost');
    expect(sandbox.countRequests((request) => request.dropped === true)).toBe(4);
    // Dropped ones may have been counted there: they count here too.
    expect(api.quota.bucket('/me')?.sentLastHour).toBe(5);
  });

  it('a slow answer times out per attempt; the caller can cancel with an AbortSignal', async () => {
    const { api, sandbox } = await setup({}, { timeoutMs: 100, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    sandbox.setFaults({ latencyMs: 400 });
    const timedOut = await togglFailure(api.getMe());
    expect(timedOut).toMatchObject({ kind: 'timeout', message: 'Toggl took too long to answer.' });
    expect(sandbox.countRequests()).toBe(2);

    const controller = new AbortController();
    const pending = api.getMe({ signal: controller.signal });
    setImmediate(() => controller.abort());
    expect((await togglFailure(pending)).kind).toBe('aborted');
  });

  it('never lets a credential into an error, even when a server echoes it back', async () => {
    const token = 'echoed-secret-token-5566';
    const password = 'echoed-password-7788';
    const echo = createServer((req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          `bad request from ${Buffer.from((req.headers.authorization ?? '').slice(6), 'base64').toString()}`,
        ),
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => echo.close(() => resolve())));
    const api = new TogglApi({
      baseUrl: `http://127.0.0.1:${(echo.address() as AddressInfo).port}/api/v9`,
      credentials: { token },
      minIntervalMs: 0,
    });
    cleanups.push(() => api.close());
    const error = await togglFailure(api.getMe());
    expect(error.serverMessage).toBe('bad request from [redacted]:api_token');
    expect(everythingIn(error)).not.toContain(token);
    const signIn = await togglFailure(api.getMe({ credentials: { email: 'a@b.c', password } }));
    expect(everythingIn(signIn)).not.toContain(password);
  });
});

describe('pacing and quota bookkeeping', () => {
  it('spaces request starts by the minimum interval (about 1 per second by default)', async () => {
    const clock = 1_000_000;
    const waits: number[] = [];
    const { api } = await setup(
      {},
      {
        minIntervalMs: 1000,
        now: () => clock,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
    await Promise.all([api.isLoggedIn(), api.isLoggedIn(), api.isLoggedIn()]);
    expect(waits).toEqual([1000, 2000]);
  });

  it('the real leaky bucket never answers 429 to a client paced at 1/s', async () => {
    // The same bucket as the burst test below: 1 per second, room for 2.
    const { api, sandbox } = await setup({ rateLimit: { ratePerSecond: 1, capacity: 2 } }, { minIntervalMs: 1000 });
    await Promise.all([api.isLoggedIn(), api.isLoggedIn(), api.isLoggedIn(), api.isLoggedIn()]);
    expect(sandbox.countRequests((request) => request.status === 429)).toBe(0);
    expect(sandbox.countRequests()).toBe(4);
  }, 10_000);

  it('an unpaced burst meets the leaky bucket’s 429 and recovers through Retry-After', async () => {
    const { api, sandbox } = await setup({ rateLimit: { ratePerSecond: 1, capacity: 2 } });
    await Promise.all([api.isLoggedIn(), api.isLoggedIn(), api.isLoggedIn()]);
    expect(sandbox.countRequests((request) => request.status === 429)).toBeGreaterThan(0);
    expect(sandbox.countRequests((request) => request.status === 200)).toBe(3);
  }, 10_000);

  it('reads the quota headers and counts what it sent per bucket in the last hour', async () => {
    let clock = Date.now();
    const { api } = await setup({}, { now: () => clock });
    await api.getMe();
    await api.getMe();
    expect(api.quota.bucket('/me')).toMatchObject({ remaining: 28, sentLastHour: 2, resetsAt: clock + 3600_000 });
    clock += 61 * 60_000;
    expect(api.quota.bucket('/me')?.sentLastHour).toBe(0);
  });
});

describe('npm run sandbox', () => {
  it('prints its API URL and a demo token, and the client loads the demo account from it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tools/sandbox/cli.ts'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    });
    let output = '';
    const printed = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /^Toggl sandbox: (http:\/\/127\.0\.0\.1:\d+\/api\/v9)$/m.exec(output)?.[1];
        const token = /^Demo API token: (\w+)/m.exec(output)?.[1];
        if (url && token) {
          clearTimeout(timer);
          resolve({ url, token });
        }
      });
    });
    const api = new TogglApi({ baseUrl: printed.url, credentials: { token: printed.token } });
    cleanups.push(() => api.close());
    const me = await api.getMeWithRelatedData();
    expect(me.fullname).toBe('Dana Demo');
    expect(me.projects?.length).toBeGreaterThan(5);
  });
});
