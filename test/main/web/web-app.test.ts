import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createMemoryLogger } from '../../../src/main/services/logger';
import { startWebApp, type WebApp } from '../../../src/main/web/web-app';
import { createFixture } from '../../../tools/sandbox/fixture';
import { TogglSandbox } from '../../../tools/sandbox/server';
import { MemoryVault } from '../../support/memory-vault';

let dir: string;
let sandbox: TogglSandbox;
let web: WebApp | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-webapp-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Toggl Tray</title>');
  sandbox = new TogglSandbox({ state: createFixture(), rateLimit: false, quotas: false });
  await sandbox.start();
});
afterEach(async () => {
  await web?.close();
  web = undefined;
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  TOGGL_API_URL: sandbox.apiUrl,
  TOGGL_TRAY_DATA_DIR: path.join(dir, 'data'),
  TOGGL_TRAY_PORT: '0',
  TOGGL_TRAY_IPC_RECORD: path.join(dir, 'ipc.log'),
});

/** Starts the browser shell app and connects to it as its page does: a socket with the page's key, open. */
async function openPage(): Promise<{ app: WebApp; socket: WebSocket }> {
  const app = await startWebApp({
    env: env(),
    rendererDir: dir,
    log: createMemoryLogger(),
    vault: () => new MemoryVault(),
  });
  web = app;
  const url = new URL(app.url);
  const socket = new WebSocket(`ws://${url.host}/ipc${url.search}`, { origin: `http://${url.host}` });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { app, socket };
}

describe('the browser shell app', () => {
  it('serves the renderer and answers IPC over its socket, recording what the page receives', async () => {
    const { socket } = await openPage();
    const answer = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data: Buffer) => resolve(data.toString()));
      socket.once('error', reject);
      socket.send(JSON.stringify({ id: 1, channel: 'app.info' }));
    });
    socket.close();
    expect(JSON.parse(answer)).toMatchObject({
      id: 1,
      result: { ok: true, value: { shell: 'web', apiUrl: sandbox.apiUrl } },
    });
    expect(await readFile(path.join(dir, 'ipc.log'), 'utf8')).toContain('"shell":"web"');
  });

  it('tells the page it was shown when asked to show or open (a tray click, in the desktop app)', async () => {
    const { app, socket } = await openPage();
    const shown = new Promise<unknown>((resolve) =>
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { event?: string; payload?: unknown };
        if (message.event === 'popover.shown') resolve(message.payload);
      }),
    );
    const before = Date.now();
    expect(app.show()).toBe(`Open ${app.url} in your browser.`);
    expect(await shown).toEqual({ at: expect.any(Number) as number });
    expect(((await shown) as { at: number }).at).toBeGreaterThanOrEqual(before);
    socket.close();
  });

  it('refuses to start without a built renderer, saying what to run', async () => {
    await rm(path.join(dir, 'index.html'));
    await expect(startWebApp({ env: env(), rendererDir: dir, log: createMemoryLogger() })).rejects.toThrow(
      /The renderer is not built .* Run "npm run build" first\./,
    );
  });
});
