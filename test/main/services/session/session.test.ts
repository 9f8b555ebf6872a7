import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../../src/shared/contract';
import { DEMO } from '../../../../tools/sandbox/fixture';
import type { TogglSandbox } from '../../../../tools/sandbox/server';
import { startSandboxWithClient } from '../../../../tools/sandbox/testing';
import { UserFacingError } from '../../../../src/main/services/errors';
import { createMemoryLogger } from '../../../../src/main/services/logger';
import { TogglApi } from '../../../../src/main/services/toggl/api';
import { TogglApiError } from '../../../../src/main/services/toggl/errors';
import { assertPrivateKeyring } from '../../../support/keyring-guard';
import { KeytarVault } from '../../../../src/main/services/vault/keytar-vault';
import { ProfileStore } from '../../../../src/main/services/session/profile-store';
import { SessionService } from '../../../../src/main/services/session/session';

beforeAll(() => assertPrivateKeyring());

let sandbox: TogglSandbox;
let closeSandbox: () => Promise<void>;
let dataDir: string;
let vault: KeytarVault;
let events: { event: EventName; payload: unknown }[];
const opened: { api: TogglApi }[] = [];

beforeEach(async () => {
  ({ sandbox, close: closeSandbox } = await startSandboxWithClient());
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-session-'));
  // A fresh keychain entry per test: the real Secret Service, a throwaway account.
  vault = new KeytarVault(`session-test ${randomBytes(4).toString('hex')}`);
  events = [];
});

afterEach(async () => {
  await vault.delete();
  for (const { api } of opened.splice(0)) await api.close();
  await closeSandbox();
  await rm(dataDir, { recursive: true, force: true });
});

/** A session as the app builds it at start-up (a new one per "launch"). */
async function launch(pendingChanges = 0, onSignOut?: () => Promise<void>): Promise<SessionService> {
  const log = createMemoryLogger();
  const api = new TogglApi({ baseUrl: sandbox.apiUrl, minIntervalMs: 0, retry: { retries: 0 }, timeoutMs: 2000 });
  opened.push({ api });
  const session = new SessionService({
    apiUrl: sandbox.apiUrl,
    api,
    vault,
    profile: new ProfileStore(dataDir, log),
    events: { emit: <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }) },
    log,
    pendingChanges: () => pendingChanges,
    ...(onSignOut && { onSignOut }),
  });
  await session.restore();
  return session;
}

async function refusal(promise: Promise<unknown>): Promise<UserFacingError | TogglApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error instanceof UserFacingError || error instanceof TogglApiError).toBe(true);
  return error as UserFacingError | TogglApiError;
}

async function everyFileIn(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    names.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

describe('SessionService', () => {
  it('starts signed out, signs in with a token checked by GET /me, and keeps it only in the keychain', async () => {
    const session = await launch();
    expect(session.current()).toMatchObject({ status: 'signed-out', user: null });
    const view = await session.signInWithToken(`  ${DEMO.apiToken}\n`);
    expect(view).toMatchObject({
      status: 'signed-in',
      user: { fullname: 'Dana Demo', email: DEMO.email },
      reason: null,
    });
    expect(await vault.get()).toBe(DEMO.apiToken);
    expect(JSON.stringify(view)).not.toContain(DEMO.apiToken);
    expect(JSON.stringify(events)).not.toContain(DEMO.apiToken);
    expect(events.at(-1)).toEqual({ event: 'session.changed', payload: view });
    const files = await everyFileIn(dataDir);
    expect(files).toContain('Dana Demo');
    expect(files).not.toContain(DEMO.apiToken);
  });

  it('closes the answer that signed in when nothing takes it in, and when the sign-in is refused', async () => {
    const session = await launch();
    const api = opened.at(-1)?.api;
    if (!api) throw new Error('launch opens an API client');
    // Each answer the session asks for, and how often it was closed (a large one holds a worker thread).
    const closes: number[] = [];
    const load = api.loadMeWithRelatedData.bind(api);
    api.loadMeWithRelatedData = async (options) => {
      const answer = await load(options);
      const at = closes.push(0) - 1;
      const close = answer.close.bind(answer);
      answer.close = () => {
        closes[at] = (closes[at] ?? 0) + 1;
        close();
      };
      return answer;
    };
    await session.signInWithToken(DEMO.apiToken);
    // Toggl signs a password in but sends no token: refused after the answer came.
    const demo = sandbox.state.userByToken(DEMO.apiToken);
    if (!demo) throw new Error('the sandbox has the demo user');
    demo.apiToken = '';
    await refusal(session.signInWithPassword(DEMO.email, DEMO.password));
    expect(closes).toEqual([1, 1]);
  });

  it('signs in with email and password, keeping the token and never the password', async () => {
    const session = await launch();
    await session.signInWithPassword(DEMO.email, DEMO.password);
    expect(await vault.get()).toBe(DEMO.apiToken);
    expect(await everyFileIn(dataDir)).not.toContain(DEMO.password);
    expect(JSON.stringify(events)).not.toContain(DEMO.password);
    const wrong = await refusal((await launch()).signInWithPassword(DEMO.email, 'wrong-password'));
    expect(wrong.message).toBe(
      'Toggl did not accept this email and password (Toggl said: Incorrect username and/or password). Check it and try again.',
    );
  });

  it('refuses a bad token with Toggl’s words, a malformed one before any request, and stores nothing', async () => {
    const session = await launch();
    const bad = await refusal(session.signInWithToken('0123456789abcdef0123456789abcdef'));
    expect(bad).toMatchObject({ code: 'toggl', togglKind: 'signed-out' });
    expect(bad.message).toBe(
      'Toggl did not accept this API token (Toggl said: Incorrect username and/or password). Check it and try again.',
    );
    const before = sandbox.countRequests();
    const malformed = await refusal(session.signInWithToken('my token!'));
    expect(malformed.message).toMatch(/^That does not look like a Toggl API token/);
    expect(sandbox.countRequests()).toBe(before);
    expect(await vault.get()).toBeNull();
    expect(session.current().status).toBe('signed-out');
  });

  it('offline sign-in says Toggl cannot be reached', async () => {
    const session = await launch();
    await sandbox.setDown(true);
    const error = await refusal(session.signInWithToken(DEMO.apiToken));
    expect(error).toMatchObject({
      kind: 'offline',
      message: 'Toggl cannot be reached. Check your internet connection.',
    });
    expect(await vault.get()).toBeNull();
  });

  it('a restart with the token in the keychain opens signed in, without a request, even offline', async () => {
    await (await launch()).signInWithToken(DEMO.apiToken);
    await sandbox.setDown(true);
    const before = sandbox.countRequests();
    const restarted = await launch();
    expect(restarted.current()).toMatchObject({ status: 'signed-in', user: { fullname: 'Dana Demo' } });
    expect(sandbox.countRequests()).toBe(before);
    // Offline never signs anyone out.
    await expect(restarted.verify()).rejects.toMatchObject({ kind: 'offline' });
    expect(restarted.current().status).toBe('signed-in');
  });

  it('a token revoked at Toggl moves the app to sign-in with the reason, across restarts', async () => {
    const session = await launch();
    await session.signInWithToken(DEMO.apiToken);
    sandbox.revokeToken(DEMO.apiToken);
    const view = await session.verify();
    expect(view).toMatchObject({
      status: 'needs-sign-in',
      user: { fullname: 'Dana Demo' },
      reason: 'Toggl no longer accepts the saved API token (it may have been reset). Sign in again.',
    });
    expect((await launch()).current().status).toBe('needs-sign-in');
    const newToken = [...sandbox.state.users.values()].find((user) => user.email === DEMO.email)?.apiToken ?? '';
    expect((await session.signInWithToken(newToken)).status).toBe('signed-in');
    expect((await launch()).current().status).toBe('signed-in');
  });

  it('signs out: asks first when changes are waiting, then deletes the token, the profile and the cache', async () => {
    let wiped = 0;
    await (await launch()).signInWithToken(DEMO.apiToken);
    const session = await launch(3, () => {
      wiped++;
      return Promise.resolve();
    });
    expect(await session.signOut(false)).toEqual({ signedOut: false, pendingChanges: 3 });
    expect(await vault.get()).toBe(DEMO.apiToken);
    expect(await session.signOut(true)).toEqual({ signedOut: true });
    expect(await vault.get()).toBeNull();
    expect(wiped).toBe(1);
    expect(await readdir(dataDir)).toEqual([]);
    expect(session.current().status).toBe('signed-out');
    expect((await launch()).current().status).toBe('signed-out');
  });
});
