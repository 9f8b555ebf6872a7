import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../shared/contract';
import { fail, type IpcResult } from '../../shared/ipc-result';
import type { EventSink } from '../ipc/events';
import type { Logger } from '../services/logger';
import { RENDERER_CSP, readStaticFile } from '../renderer-files';
import { assetsNamedBy, cacheControlFor } from './asset-caching';

/** A socket that presented the launch secret from an allowed origin. */
export interface WebConnection {
  readonly authenticated: true;
  readonly id: number;
}

export type Dispatch = (channel: unknown, request: unknown, sender: WebConnection) => Promise<IpcResult<unknown>>;

export interface WebShellOptions {
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  dispatch: Dispatch;
  log: Logger;
  /** Fixed only in tests; normally a fresh random secret per launch. */
  secret?: string;
  /** Sees every message sent to the page (answers and events); tests record them. */
  onOutgoing?: (message: string) => void;
}

export interface WebShell extends EventSink {
  /** The address to open, secret included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
// Browsers send 127.0.0.1 cookies to every port, so the cookie is never the launch secret:
// it admits the page's own files and nothing else; the socket needs the secret itself.
const ASSET_COOKIE = 'toggl_tray_assets';
const MAX_MESSAGE_BYTES = 1024 * 1024;

function sameSecret(expected: Buffer, given: string | null | undefined): boolean {
  if (!given) return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

interface WireCall {
  id: number;
  channel: unknown;
  request?: unknown;
}

function parseCall(data: string): WireCall | undefined {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return undefined;
    const call = value as Record<string, unknown>;
    if (typeof call.id !== 'number' || !Number.isSafeInteger(call.id)) return undefined;
    return { id: call.id, channel: call.channel, request: call.request };
  } catch {
    return undefined;
  }
}

/**
 * The browser shell's server: serves the built renderer on 127.0.0.1 and carries the IPC
 * contract over a WebSocket. Only a client holding the per-launch secret, from the shell's
 * own origin, gets a socket: the secret comes in the printed URL and stays in the page's
 * memory. The page's files are admitted by the secret or by a separate cookie that cannot
 * open a socket, since other local servers receive it too.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const { rendererDir, dispatch, log } = options;
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const secretBytes = Buffer.from(secret);
  const assetKey = randomBytes(32).toString('base64url');
  const assetKeyBytes = Buffer.from(assetKey);
  const sockets = new Set<WebSocket>();
  let nextConnectionId = 1;
  let namedAssets: ReadonlySet<string> = new Set();
  let port = 0;

  const allowedHosts = (): string[] => [`${HOST}:${port}`, `localhost:${port}`];
  const hostAllowed = (req: IncomingMessage): boolean => allowedHosts().includes(req.headers.host ?? '');
  // Named per port, so two shells on one machine do not overwrite each other's cookie.
  const assetCookie = (): string => `${ASSET_COOKIE}_${port}`;

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}): void => {
      res.writeHead(status, {
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
        ...headers,
      });
      res.end(body);
    };
    if (!hostAllowed(req)) return send(421, 'Unknown host.\n', { 'Content-Type': 'text/plain' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'Method not allowed.\n', { 'Content-Type': 'text/plain', Allow: 'GET, HEAD' });
    }
    const keyInUrl = sameSecret(secretBytes, url.searchParams.get('key'));
    if (!keyInUrl && !sameSecret(assetKeyBytes, cookieValue(req, assetCookie()))) {
      return send(403, 'Toggl Tray web shell: open the address with the secret it printed at launch.\n', {
        'Content-Type': 'text/plain; charset=utf-8',
      });
    }
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return send(404, 'Not found.\n', { 'Content-Type': 'text/plain' });
    // The page names the files it loads next: those, and only those, may be kept.
    if (file.contentType.startsWith('text/html')) namedAssets = assetsNamedBy(file.body.toString('utf8'));
    const cookie: Record<string, string> = keyInUrl
      ? { 'Set-Cookie': `${assetCookie()}=${assetKey}; HttpOnly; SameSite=Strict; Path=/` }
      : {};
    send(200, req.method === 'HEAD' ? '' : file.body, {
      'Content-Type': file.contentType,
      'Cache-Control': cacheControlFor(url.pathname, namedAssets),
      ...cookie,
    });
  }

  const server = createServer((req, res) => {
    serveHttp(req, res).catch((error: unknown) => {
      log.error('web shell: request failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const origin = req.headers.origin ?? '';
    if (url.pathname !== '/ipc' || !hostAllowed(req)) return refuseUpgrade(socket, '404 Not Found');
    if (!allowedHosts().some((host) => origin === `http://${host}`)) {
      log.warn('web shell: refused a socket from a foreign origin', { origin });
      return refuseUpgrade(socket, '403 Forbidden');
    }
    if (!sameSecret(secretBytes, url.searchParams.get('key'))) {
      log.warn('web shell: refused a socket without the launch secret');
      return refuseUpgrade(socket, '403 Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  /**
   * A message encoded once, sent as a text frame: handed a string, ws measures it
   * (Buffer.byteLength) and then encodes it, two passes over a large answer; handed the bytes,
   * it sends them as they are, and one event's bytes serve every window.
   */
  const textFrame = (message: string): Buffer => Buffer.from(message, 'utf8');

  function accept(ws: WebSocket): void {
    const connection: WebConnection = { authenticated: true, id: nextConnectionId++ };
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', (error) => log.warn('web shell: socket error', { error: error.message }));
    ws.on('message', (data, isBinary) => {
      const call = isBinary ? undefined : parseCall(rawText(data));
      if (!call) {
        log.warn('web shell: dropped a malformed message');
        return;
      }
      dispatch(call.channel, call.request, connection)
        .catch(() => fail('internal', 'Something went wrong inside Toggl Tray. The log has the details.'))
        .then((result) => {
          if (ws.readyState !== ws.OPEN) return;
          const message = JSON.stringify({ id: call.id, result });
          options.onOutgoing?.(message);
          ws.send(textFrame(message), { binary: false });
        })
        .catch((error: unknown) =>
          log.error('web shell: an answer could not be sent', { channel: call.channel, error }),
        );
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/?key=${secret}`,
    port,
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      const message = JSON.stringify({ event, payload });
      options.onOutgoing?.(message);
      const frame = textFrame(message);
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame, { binary: false });
    },
    async close(): Promise<void> {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
