import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxElsewhere } from './elsewhere';
import { NO_FAULTS, seededRandom, type FaultSettings, type ForcedAnswer, type ForcedDrop } from './faults';
import { FREE_PLAN_QUOTAS, HourlyQuota, LeakyBucket, type LeakyBucketOptions, type QuotaLimits } from './limits';
import { groupRoutes } from './routes-groups';
import { meRoutes } from './routes-me';
import { projectRoutes } from './routes-projects';
import { taskRoutes } from './routes-tasks';
import { timeEntryRoutes } from './routes-time-entries';
import { SandboxHttpError, type Route } from './routing';
import type { SandboxState, SandboxUser } from './state';

export const API_PREFIX = '/api/v9';
const ROUTES: Route[] = [...meRoutes, ...timeEntryRoutes, ...projectRoutes, ...taskRoutes, ...groupRoutes];
const MAX_BODY_BYTES = 1024 * 1024;

export interface SandboxOptions {
  state: SandboxState;
  port?: number;
  /** Hourly quotas per bucket, or false to switch them off (large-account benchmarks). */
  quotas?: QuotaLimits | false;
  /** Toggl's leaky bucket, or false to switch it off. */
  rateLimit?: LeakyBucketOptions | false;
  /** Seed for the fault injector's dice. */
  seed?: number;
}

export interface RecordedRequest {
  method: string;
  /** The API path without /api/v9 and without the query. */
  path: string;
  query: string;
  status: number;
  at: number;
  userId?: number;
  /** The connection was dropped instead of answered. */
  dropped?: boolean;
  /** The hourly quota bucket it was counted in ("<user>:user", "<user>:organization:<id>"), if any. */
  bucket?: string;
}

/** `raw`: the body is sent as it is (a web page, or nothing) with no JSON content type. */
type Answer = { status: number; body: unknown; headers?: Record<string, string>; raw?: boolean };

/** What nginx at Toggl's edge answers to a burst (../shared/toggl-recordings, the 429 page). */
const HTML_429 =
  '<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function forcedAnswer(forced: ForcedAnswer): Answer {
  if (forced.html)
    return { status: forced.status, body: HTML_429.replace(/429 Too Many Requests/g, `${forced.status}`), raw: true };
  const headers: Record<string, string> =
    forced.status === 429
      ? { 'Retry-After': String(forced.retryAfterSeconds ?? 1) }
      : forced.status === 402
        ? { 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': '1800' }
        : {};
  const body =
    forced.body ?? (forced.status === 402 ? 'You have hit your hourly limit for API calls' : 'Forced by the sandbox');
  return { status: forced.status, body, headers };
}

function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new SandboxHttpError(413, 'Request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Plays Toggl's API v9 over real HTTP for tests and demos: the seed pages' endpoints over
 * in-memory state, Basic auth, hourly quotas (402), a leaky bucket (429), and faults that a
 * test switches at run time. No Toggl code: everything here is written from the seeds.
 */
export class TogglSandbox {
  readonly state: SandboxState;
  /** Changes made outside the app under test (the web app, a phone): elsewhere.ts. */
  readonly elsewhere: SandboxElsewhere;
  readonly requests: RecordedRequest[] = [];
  faults: FaultSettings = { ...NO_FAULTS };
  private readonly held: {
    match: (method: string, path: string) => boolean;
    when: 'before' | 'after';
    released: Promise<void>;
  }[] = [];
  private readonly forced: ForcedAnswer[] = [];
  private readonly drops: ForcedDrop[] = [];
  private readonly quota: HourlyQuota;
  private readonly limits: QuotaLimits | false;
  private readonly bucket: LeakyBucket | undefined;
  private readonly random: () => number;
  private server: Server | undefined;
  private port: number;

  constructor(options: SandboxOptions) {
    this.state = options.state;
    this.elsewhere = new SandboxElsewhere(this.state);
    this.port = options.port ?? 0;
    this.limits = options.quotas ?? FREE_PLAN_QUOTAS;
    this.quota = new HourlyQuota(this.state.now);
    const rate = options.rateLimit ?? { ratePerSecond: 1, capacity: 3 };
    this.bucket = rate ? new LeakyBucket(this.state.now, rate) : undefined;
    this.random = seededRandom(options.seed ?? 1);
  }

  /** The API root, e.g. http://127.0.0.1:4010/api/v9 */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}${API_PREFIX}`;
  }

  get isDown(): boolean {
    return this.server === undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Let a client in this process read the closed sockets (one poll phase) before the next
    // request, so "down" means a refused connection, as it does for a real outage.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** "Down": the port refuses connections until it is up again (same port, same state). */
  async setDown(down: boolean): Promise<void> {
    if (down) await this.stop();
    else await this.start();
  }

  setFaults(faults: Partial<FaultSettings>): void {
    this.faults = { ...this.faults, ...faults };
  }

  /** The next `times` API requests get this status instead of their answer. */
  force(answer: ForcedAnswer): void {
    this.forced.push({ ...answer });
  }

  /** Drops the connection of the next `times` API requests (of one method, if given). */
  dropNext(drop: ForcedDrop): void {
    this.drops.push({ ...drop });
  }

  /**
   * Holds the requests that `match` picks until the returned function is called: a test can
   * look at the app while an answer is on its way. "before": they do nothing meanwhile;
   * "after": they have taken effect and only their answer waits (a process killed then never
   * hears it).
   */
  hold(match: (method: string, path: string) => boolean, when: 'before' | 'after' = 'before'): () => void {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = { match, when, released };
    this.held.push(held);
    return () => {
      this.held.splice(this.held.indexOf(held), 1);
      release();
    };
  }

  clearFaults(): void {
    this.faults = { ...NO_FAULTS };
    this.forced.length = 0;
    this.drops.length = 0;
  }

  resetQuotas(): void {
    this.quota.clear();
  }

  /** Resets a user's API token, as "Reset API token" on Toggl's profile page does. */
  revokeToken(token: string): string | undefined {
    const user = this.state.userByToken(token);
    if (!user) return undefined;
    user.apiToken = `${user.id.toString(16)}${Math.floor(this.random() * 2 ** 48).toString(16)}`.padEnd(32, '0');
    return user.apiToken;
  }

  countRequests(filter: (request: RecordedRequest) => boolean = () => true): number {
    return this.requests.filter(filter).length;
  }

  private authenticate(req: IncomingMessage): SandboxUser | undefined {
    const credentials = parseBasicAuth(req.headers.authorization);
    if (!credentials) return undefined;
    if (credentials.password === 'api_token') return this.state.userByToken(credentials.user);
    const user = this.state.userByEmail(credentials.user);
    return user && user.password === credentials.password ? user : undefined;
  }

  /** The quota bucket a path counts against, with its hourly limit. */
  private quotaBucket(path: string, user: SandboxUser): { key: string; limit: number } | undefined {
    if (!this.limits) return undefined;
    if (path === '/me' || path.startsWith('/me/')) return { key: `${user.id}:user`, limit: this.limits.user };
    const match = /^\/(workspaces|organizations)\/(\d+)/.exec(path);
    if (!match) return undefined;
    const id = Number(match[2]);
    const organizationId = match[1] === 'workspaces' ? this.state.workspaces.get(id)?.organization_id : id;
    const plan = organizationId === undefined ? 'free' : (this.state.organizations.get(organizationId)?.plan ?? 'free');
    return { key: `${user.id}:organization:${organizationId ?? 'none'}`, limit: this.limits.organization[plan] };
  }

  private quotaHeaders(bucket: { key: string; limit: number }): Record<string, string> {
    return {
      'X-Toggl-Quota-Remaining': String(this.quota.remaining(bucket.key, bucket.limit)),
      'X-Toggl-Quota-Resets-In': String(this.quota.resetsIn(bucket.key)),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.search,
      status: 0,
      at: this.state.now(),
    };
    this.requests.push(record);
    let bodyText = '';
    try {
      bodyText = await readBody(req);
    } catch {
      record.status = 413;
      return this.send(res, { status: 413, body: 'Request body too large' });
    }
    if (!url.pathname.startsWith(API_PREFIX)) {
      record.status = 404;
      return this.send(res, { status: 404, body: 'Not Found' });
    }
    if (this.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    const holds = (when: 'before' | 'after') =>
      this.held.filter((hold) => hold.when === when && hold.match(record.method, path)).map((hold) => hold.released);
    await Promise.all(holds('before'));

    const forcedDrop = path === '/' ? undefined : this.drops.find((drop) => !drop.method || drop.method === req.method);
    if (forcedDrop && --forcedDrop.times <= 0) this.drops.splice(this.drops.indexOf(forcedDrop), 1);
    const drop = forcedDrop !== undefined || (this.faults.dropRate > 0 && this.random() < this.faults.dropRate);
    const dropMode = forcedDrop?.mode ?? this.faults.dropMode;
    if (drop && dropMode === 'before') return this.dropConnection(res, record);
    // A forced answer stands in for the real one; "applied": the request takes effect first.
    const forced = this.takeForced(record.method, path);
    if (forced?.applied) this.answer(req, record, path, url.searchParams, bodyText);
    const answer = forced ? forcedAnswer(forced) : this.answer(req, record, path, url.searchParams, bodyText);
    if (drop) return this.dropConnection(res, record);
    await Promise.all(holds('after'));
    record.status = answer.status;
    this.send(res, answer);
  }

  private dropConnection(res: ServerResponse, record: RecordedRequest): void {
    record.dropped = true;
    res.socket?.destroy();
  }

  /** The forced answer due for this request, if any (dropped from the list once used up). */
  private takeForced(method: string, path: string): ForcedAnswer | undefined {
    if (path === '/') return undefined;
    const forced = this.forced.find((answer) => !answer.method || answer.method === method);
    if (!forced) return undefined;
    if (forced.after !== undefined && forced.after > 0) {
      forced.after--;
      return undefined;
    }
    if (--forced.times <= 0) this.forced.splice(this.forced.indexOf(forced), 1);
    return forced;
  }

  private answer(
    req: IncomingMessage,
    record: RecordedRequest,
    path: string,
    query: URLSearchParams,
    bodyText: string,
  ): Answer {
    if (this.faults.serverErrorRate > 0 && this.random() < this.faults.serverErrorRate) {
      return { status: this.random() < 0.5 ? 500 : 503, body: 'Internal Server Error' };
    }

    // As recorded: no Authorization header at all is a 401 with an empty body.
    if (!req.headers.authorization) return { status: 401, body: '', raw: true };
    const user = this.authenticate(req);
    if (!user) return { status: 403, body: 'Incorrect username and/or password' };
    record.userId = user.id;

    if (this.bucket) {
      const wait = this.bucket.add(`${user.id}:${req.socket.remoteAddress ?? ''}`);
      if (wait > 0) return { status: 429, body: 'Too Many Requests', headers: { 'Retry-After': String(wait) } };
    }
    const bucket = this.quotaBucket(path, user);
    if (bucket && !this.quota.take(bucket.key, bucket.limit)) {
      const resetsIn = this.quota.resetsIn(bucket.key);
      return {
        status: 402,
        body: `You have hit your hourly limit for API calls. It resets in ${resetsIn} seconds.`,
        headers: this.quotaHeaders(bucket),
      };
    }
    if (bucket) record.bucket = bucket.key;
    const headers = bucket ? this.quotaHeaders(bucket) : {};

    const method = req.method ?? 'GET';
    let matched: { route: Route; params: Record<string, string> } | undefined;
    let pathExists = false;
    for (const candidate of ROUTES) {
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      pathExists = true;
      if (candidate.method === method) {
        matched = { route: candidate, params: { ...match.groups } };
        break;
      }
    }
    // As recorded (me-organizations-post-405, ws-time-entries-get-405): a 405 has an empty
    // body and no content type.
    if (!matched && pathExists) return { status: 405, body: '', raw: true, headers };
    if (!matched) return { status: 404, body: 'Not Found', headers };

    let body: unknown;
    if (bodyText.trim() !== '') {
      try {
        body = JSON.parse(bodyText);
      } catch {
        return { status: 400, body: 'Invalid JSON input', headers };
      }
    }
    try {
      const result = matched.route.handler({
        state: this.state,
        user,
        params: matched.params,
        query,
        body,
        now: this.state.now(),
      });
      return { status: 200, body: result, headers };
    } catch (error) {
      if (error instanceof SandboxHttpError) return { status: error.status, body: error.message, headers };
      return { status: 500, body: 'Internal Server Error', headers };
    }
  }

  private send(res: ServerResponse, answer: Answer): void {
    const text = answer.raw ? String(answer.body) : answer.body === undefined ? '' : JSON.stringify(answer.body);
    const html = answer.raw && text.startsWith('<');
    // Toggl's clock is the sandbox's (a test may set it apart from this machine's).
    res.sendDate = false;
    res.writeHead(answer.status, {
      Date: new Date(this.state.now()).toUTCString(),
      ...(!answer.raw && { 'Content-Type': 'application/json; charset=utf-8' }),
      ...(html && { 'Content-Type': 'text/html' }),
      'Content-Length': Buffer.byteLength(text),
      ...answer.headers,
    });
    res.end(text);
  }
}
