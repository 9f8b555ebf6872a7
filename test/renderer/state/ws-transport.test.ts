import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createAppRouter } from '../../../src/main/ipc/app-router';
import { startWebShell, type WebConnection, type WebShell } from '../../../src/main/web/server';
import { webShellPort } from '../../../src/main/web/web-shell-port';
import { createApi } from '../../../src/preload/api';
import { createWebSocketTransport } from '../../../src/renderer/src/lib/ws-transport';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
let shell: WebShell;
let dir: string;

beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  dir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-ws-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Toggl Tray</title>');
  const router = createAppRouter<WebConnection>({
    shell: webShellPort,
    apiUrl: world.sandbox.apiUrl,
    logsFolder: path.join(dir, 'logs'),
    services: app.services,
    log: app.log,
    isTrustedSender: (connection) => connection.authenticated,
  });
  shell = await startWebShell({ port: 0, rendererDir: dir, log: app.log, dispatch: router.handle });
  app.events.attach(shell);
  // A browser sends its page's Origin with the socket; Node's client is told to.
  const origin = `http://127.0.0.1:${shell.port}`;
  globalThis.WebSocket = class extends NodeWebSocket {
    constructor(url: string) {
      super(url, { origin });
      // A browser reports a refused socket as an error event, then closes it; it never throws.
      this.on('error', () => undefined);
    }
  } as unknown as typeof WebSocket;
});

afterEach(async () => {
  await shell.close();
  await world.cleanup();
  await rm(dir, { recursive: true, force: true });
});

function pageLocation(key: string): Location {
  return { host: `127.0.0.1:${shell.port}`, search: `?key=${key}` } as Location;
}

describe('the browser shell transport', () => {
  it('carries calls and events over the socket with the launch secret', async () => {
    const key = new URL(shell.url).searchParams.get('key') ?? '';
    const api = createApi(createWebSocketTransport(pageLocation(key)));
    const info = await api.invoke('app.info');
    expect(info).toMatchObject({ ok: true, value: { shell: 'web' } });
    const statuses: boolean[] = [];
    const off = api.on('sync.status', (status) => statuses.push(status.online));
    await api.invoke('sync.refresh');
    expect(statuses.length).toBeGreaterThan(0);
    off();
  });

  it('answers a clear error, never hangs, when the socket is refused or lost', async () => {
    const refused = createApi(createWebSocketTransport(pageLocation('wrong-key')));
    expect(await refused.invoke('app.info')).toMatchObject({ ok: false, error: { code: 'transport' } });
    const key = new URL(shell.url).searchParams.get('key') ?? '';
    const api = createApi(createWebSocketTransport(pageLocation(key)));
    expect((await api.invoke('app.info')).ok).toBe(true);
    await shell.close();
    const lost = await api.invoke('app.info');
    expect(lost).toMatchObject({ ok: false, error: { code: 'transport' } });
    expect(lost.ok ? '' : lost.error.message).toMatch(/^Lost the connection to the Toggl Tray web shell/);
  });
});
