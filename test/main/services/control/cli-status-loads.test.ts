import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../../src/main/services/control/cli-client';

// Tripwires: a panel bar runs `toggl-tray status` every few seconds, and loading the control
// socket (node:net) or node:crypto for it cost each call several milliseconds. Loading either
// module here throws, so a static import of one on the status path fails this file.
vi.mock('../../../../src/main/services/control/control-socket', () => {
  throw new Error('the control socket was loaded');
});
vi.mock('node:crypto', () => {
  throw new Error('node:crypto was loaded');
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-cli-loads-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('toggl-tray status', () => {
  it('loads neither the control socket nor node:crypto; a command for the app does', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => void out.push(text), err: (text: string) => void out.push(text) };
    const env = { TOGGL_TRAY_DATA_DIR: dataDir };
    // No status file yet: the status path all the way to its answer, exit 3.
    expect(await runCli(['status', '--json'], env, io)).toBe(3);
    expect(out.join('')).toContain('has written no status');
    // The tripwire holds: a command sent to the app loads the socket (vitest wraps the error).
    const loading = await runCli(['stop'], env, io).catch((error: unknown) => error);
    expect(loading).toBeInstanceOf(Error);
    expect((loading as Error).cause).toMatchObject({ message: 'the control socket was loaded' });
  });
});
