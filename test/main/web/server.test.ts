import { webShellPort } from '../../../src/main/web/web-shell-port';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/services/app-services';
import { createOfflineServices } from '../../support/offline-services';
import { WebSocket } from 'ws';
import { createAppRouter } from '../../../src/main/ipc/app-router';
import { createMemoryLogger } from '../../../src/main/services/logger';
import { startWebShell, type WebConnection, type WebShell } from '../../../src/main/web/server';

let dir: string;
let shell: WebShell;
let origin: string;
let secret: string;
let services: AppServices;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-web-'));
  await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(
    path.join(dir, 'renderer', 'index.html'),
    '<!doctype html><title>Toggl Tray</title><script type="module" src="./assets/index-BOYrFlfr.js"></script>',
  );
  await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'renderer', 'assets', 'index-BOYrFlfr.js'), 'console.log(2)');
  await writeFile(path.join(dir, 'outside.txt'), 'not for the browser');
  const log = createMemoryLogger();
  services = await createOfflineServices();
  const router = createAppRouter<WebConnection>({
    shell: webShellPort,
    apiUrl: 'http://127.0.0.1:4010/api/v9',
    logsFolder: path.join(dir, 'logs'),
    services,
    log,
    isTrustedSender: (connection) => connection.authenticated,
  });
  shell = await startWebShell({ port: 0, rendererDir: path.join(dir, 'renderer'), dispatch: router.handle, log });
  origin = `http://127.0.0.1:${shell.port}`;
  secret = new URL(shell.url).searchParams.get('key') ?? '';
});

afterEach(async () => {
  await shell.close();
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(pathAndQuery: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${pathAndQuery}`, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with the server's HTTP status when it refuses the upgrade. */
function connect(query: string, socketOrigin = origin): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/ipc${query}`, { origin: socketOrigin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

/** Opens a socket from the shell's own origin with extra headers (a replayed cookie). */
function connectWith(headers: Record<string, string>, query: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/ipc${query}`, { origin, headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: object): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify(message));
  });
}

describe('the browser shell server', () => {
  it('binds to 127.0.0.1 and prints a URL holding a long per-launch secret', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{40,}$/);
  });

  it('serves the page with the secret and sets an HttpOnly cookie for its files', async () => {
    const page = await get(`/?key=${secret}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Toggl Tray</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const cookie = String(page.headers['set-cookie']?.[0]).split(';')[0] ?? '';
    const asset = await get('/assets/app.js', { cookie });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('lets the browser keep the hashed script the page names for good, and never the page or other files', async () => {
    const page = await get(`/?key=${secret}`);
    expect(page.headers['cache-control']).toBe('no-store');
    const cookie = String(page.headers['set-cookie']?.[0]).split(';')[0] ?? '';
    const hashed = await get('/assets/index-BOYrFlfr.js', { cookie });
    expect(hashed.body).toBe('console.log(2)');
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await get('/assets/app.js', { cookie })).headers['cache-control']).toBe('no-store');
    // Refused without the cookie, and the refusal is not kept either.
    const refused = await get('/assets/index-BOYrFlfr.js');
    expect(refused.status).toBe(403);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('refuses the page and its files without the secret', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?key=wrong')).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get('/assets/app.js', { cookie: `toggl_tray_assets_${shell.port}=wrong` })).status).toBe(403);
    expect((await get('/assets/app.js', { cookie: `toggl_tray_assets_${shell.port}=${secret}` })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and paths that leave the renderer folder', async () => {
    expect((await get(`/?key=${secret}`, { host: 'evil.example:80' })).status).toBe(421);
    expect((await get(`/..%2Foutside.txt?key=${secret}`)).status).toBe(404);
    expect((await get(`/%2e%2e/outside.txt?key=${secret}`)).status).toBe(404);
  });

  it('carries the IPC contract over the socket: app.info round-trips', async () => {
    const ws = await connect(`?key=${secret}`);
    expect(ws).toBeInstanceOf(WebSocket);
    const answer = await call(ws as WebSocket, { id: 1, channel: 'app.info' });
    expect(answer).toMatchObject({
      id: 1,
      result: { ok: true, value: { name: 'Toggl Tray', shell: 'web', apiUrl: 'http://127.0.0.1:4010/api/v9' } },
    });
    const invalid = await call(ws as WebSocket, { id: 2, channel: 'shell.openExternal', request: { url: 3 } });
    expect(invalid).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid-arguments' } } });
    (ws as WebSocket).close();
  });

  it('pushes events to connected sockets', async () => {
    const ws = (await connect(`?key=${secret}`)) as WebSocket;
    const received = new Promise((resolve) =>
      ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    shell.emit('menu.command', { command: 'refresh' });
    expect(await received).toEqual({ event: 'menu.command', payload: { command: 'refresh' } });
    ws.close();
  });

  it('a process holding only the cookies the shell sets cannot open IPC, even with a forged Origin', async () => {
    // Browsers send 127.0.0.1 cookies to every port: any local server the browser visits has these.
    const page = await get(`/?key=${secret}`);
    const cookies = [page.headers['set-cookie'] ?? []].flat().map((line) => line.split(';')[0] ?? '');
    expect(cookies).toHaveLength(1);
    for (const cookie of cookies) {
      const value = cookie.slice(cookie.indexOf('=') + 1);
      expect(value).not.toBe(secret);
      expect(cookie).not.toContain(secret);
      expect(await connect(`?key=${encodeURIComponent(value)}`)).toBe(403);
      expect(await connectWith({ cookie }, '')).toBe(403);
      expect(await connectWith({ cookie }, `?key=${encodeURIComponent(value)}`)).toBe(403);
    }
  });

  it('refuses a socket without the secret, with a wrong one, or from a foreign origin', async () => {
    expect(await connect('')).toBe(403);
    expect(await connect('?key=wrong')).toBe(403);
    expect(await connect(`?key=${secret}`, 'http://evil.example')).toBe(403);
    expect(await connect(`?key=${secret}`, `http://127.0.0.1:${shell.port + 1}`)).toBe(403);
  });
});
