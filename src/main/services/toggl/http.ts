import { Agent, request, type Dispatcher } from 'undici';
import { appIdentity } from '../app-identity';
import type { Logger } from '../logger';
import { TogglApiError } from './errors';
import { JsonOffThread, LARGE_JSON_BYTES } from './json-off-thread';
import { PiecedJson } from './pieced-json';
import {
  DROPPED_CODES,
  UNREACHABLE_CODES,
  defaultSleep,
  errorCode,
  isQuota402,
  kindForStatus,
  parseRetryAfter,
  serverMessageOf,
} from './http-answers';
import { QuotaTracker, readQuotaHeaders } from './quota';
import { ServerClock } from './server-clock';
import { Slices } from '../store/slices';

export type Credentials = { token: string } | { email: string; password: string };

export interface RetryPolicy {
  /** How many times a request is tried again after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the caller hears "rate-limited". */
  maxRetryAfterMs: number;
}

export interface TogglHttpOptions {
  /** The API root, e.g. https://api.track.toggl.com/api/v9 */
  baseUrl: string;
  credentials?: Credentials;
  /** Per attempt. */
  timeoutMs?: number;
  /** The least time between two requests' starts; about 1/s keeps Toggl's leaky bucket happy. */
  minIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  dispatcher?: Dispatcher;
  log?: Logger;
  /** Told every secret the client sends, so the log can take it out wherever it is echoed. */
  secrets?: { remember(secret: string): void };
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Overrides the client's credentials for this call (sign-in with email and password). */
  credentials?: Credentials;
  /** Sends no credentials at all (a reachability check). */
  anonymous?: boolean;
  /** Overrides the retry count for this call. */
  retries?: number;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
/** A large answer's bytes go to the parsing worker in pieces about this large (one copy, one message each). */
const HAND_OVER_BYTES = 256 * 1024;
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE', 'PATCH']);
/**
 * The HTTP layer of the Toggl client: undici keep-alive pool, Basic auth, JSON, per-attempt
 * timeouts, pacing, bounded retries with jitter, and quota bookkeeping. Errors are
 * TogglApiError; no credential ever reaches an error, a log line or a stack.
 */
export class TogglHttp {
  readonly quota: QuotaTracker;
  /** Toggl's clock against ours, from each answer's `Date` header. */
  readonly serverClock: ServerClock;
  private readonly baseUrl: string;
  private credentials: Credentials | undefined;
  private readonly secrets: TogglHttpOptions['secrets'];
  private readonly timeoutMs: number;
  private readonly minIntervalMs: number;
  private readonly retry: RetryPolicy;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly log: Logger | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private nextSlot = 0;
  private closed = false;
  private signedOutListener: ((error: TogglApiError) => void) | undefined;

  constructor(options: TogglHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.secrets = options.secrets;
    this.credentials = options.credentials;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.minIntervalMs = options.minIntervalMs ?? 1_000;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 4 });
    this.log = options.log;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.quota = new QuotaTracker(this.now);
    this.serverClock = new ServerClock(this.now);
  }

  setCredentials(credentials: Credentials | undefined): void {
    this.credentials = credentials;
  }

  /** Called when Toggl refuses the client's own credentials on /me* (token reset or revoked). */
  onSignedOut(listener: ((error: TogglApiError) => void) | undefined): void {
    this.signedOutListener = listener;
  }

  /** Waits for requests on the wire to end; `abandon` cuts them off instead (a quit past its grace). */
  async close(abandon = false): Promise<void> {
    if (this.ownsDispatcher && !this.closed) {
      this.closed = true;
      await (abandon ? this.dispatcher.destroy() : this.dispatcher.close());
    }
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    return (await (await this.requestPieced(method, path, options)).whole()) as T;
  }

  /**
   * `request`, with a large answer's lists left on the parsing worker: read them a piece at a
   * time (`lists`: the order they will be read in), and close the answer when done.
   */
  async requestPieced(
    method: HttpMethod,
    path: string,
    options: RequestOptions & { lists?: readonly string[] } = {},
  ): Promise<PiecedJson> {
    const credentials = options.anonymous ? undefined : (options.credentials ?? this.credentials);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(method, path, options, credentials);
      } catch (error) {
        if (!(error instanceof TogglApiError)) throw error;
        if (error.kind === 'signed-out' && !options.credentials && !options.anonymous) this.signedOutListener?.(error);
        const delay = this.retryDelay(method, error, attempt, options.retries ?? this.retry.retries);
        if (delay === undefined) throw error;
        this.log?.warn('toggl: retrying', { method, path, kind: error.kind, attempt: attempt + 1, delayMs: delay });
        try {
          await this.sleep(delay, options.signal);
        } catch {
          throw new TogglApiError('aborted', { method, path });
        }
      }
    }
  }

  /** Milliseconds to wait before the next attempt, or undefined to give up. */
  private retryDelay(method: HttpMethod, error: TogglApiError, attempt: number, retries: number): number | undefined {
    if (attempt >= retries || !error.transient) return undefined;
    // A POST is retried only when it surely did not reach Toggl: refused connection or 429.
    if (!IDEMPOTENT.has(method) && error.kind !== 'offline' && error.kind !== 'rate-limited') return undefined;
    if (error.retryAfterSeconds !== undefined) {
      const wait = error.retryAfterSeconds * 1000;
      return wait > this.retry.maxRetryAfterMs ? undefined : wait;
    }
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
    // "Equal jitter": at least half the backoff, so retries never bunch up at zero.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** Waits for this request's turn so that starts are at least minIntervalMs apart. */
  private async pace(signal: AbortSignal | undefined): Promise<void> {
    if (this.minIntervalMs <= 0) return;
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.minIntervalMs;
    if (slot > now) await this.sleep(slot - now, signal);
  }

  private url(path: string, query: Record<string, QueryValue> | undefined): string {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  private async attempt(
    method: HttpMethod,
    path: string,
    options: RequestOptions & { lists?: readonly string[] },
    credentials: Credentials | undefined,
  ): Promise<PiecedJson> {
    try {
      await this.pace(options.signal);
    } catch {
      throw new TogglApiError('aborted', { method, path });
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': `TogglTray/${appIdentity.version}`,
    };
    if (credentials) {
      const pair =
        'token' in credentials ? `${credentials.token}:api_token` : `${credentials.email}:${credentials.password}`;
      this.secrets?.remember('token' in credentials ? credentials.token : credentials.password);
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }

    const started = this.now();
    const sentAt = this.quota.countSent(path);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(this.url(path, options.query), {
        method,
        headers,
        body,
        signal,
        dispatcher: this.dispatcher,
      });
    } catch (error) {
      const failure = this.transportError(error, method, path, options.signal, timeout);
      if (failure.kind === 'offline') this.quota.notSent(path, sentAt);
      throw failure;
    }
    this.serverClock.observe(response.headers.date, started, this.now());

    // A whole account (megabytes) goes to a worker as it arrives: the main thread neither joins
    // nor decodes nor parses it, and must keep answering meanwhile. It takes the bytes a slice at
    // a time (undici reads no more than the body holds meanwhile) and hands them over in copies
    // of about HAND_OVER_BYTES, one message each.
    let chunks: Buffer[] = [];
    let size = 0;
    let held = 0;
    let offThread: JsonOffThread | undefined;
    const handOver = (worker: JsonOffThread): void => {
      worker.push(chunks);
      chunks = [];
      held = 0;
    };
    // The length the answer says lets the worker start at once, and gather it in one buffer.
    const declared = Number(response.headers['content-length']);
    // An error's body is read here, whatever its size: its message is the user's to see.
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    try {
      const slices = new Slices();
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        held += chunk.byteLength;
        chunks.push(chunk);
        // Starting a worker takes a while (10 ms or more): the first bytes go over in a later turn.
        if (offThread && held >= HAND_OVER_BYTES) handOver(offThread);
        else if (!offThread && ok && Math.max(size, declared || 0) >= LARGE_JSON_BYTES)
          offThread = new JsonOffThread(declared);
        if (slices.timeUp()) await slices.next();
      }
      if (offThread) handOver(offThread);
    } catch (error) {
      offThread?.cancel();
      throw this.transportError(error, method, path, options.signal, timeout);
    }
    const text = offThread ? '' : new TextDecoder().decode(Buffer.concat(chunks));
    const status = response.statusCode;
    this.quota.observe(path, response.headers);
    this.log?.info('toggl', { method, path, status, ms: this.now() - started });

    if (ok) {
      if (offThread) return await offThread.answer(options.lists);
      if (!text.trim()) return PiecedJson.of(undefined);
      try {
        return PiecedJson.of(JSON.parse(text));
      } catch {
        // Some endpoints answer plain text ("OK"): hand it back as it is.
        return PiecedJson.of(text);
      }
    }
    offThread?.cancel();
    const serverMessage = this.redact(serverMessageOf(text), credentials);
    const retryAfterSeconds = parseRetryAfter(response.headers['retry-after'], this.now());
    const { remaining, resetsInSeconds } = readQuotaHeaders(response.headers);
    const kind = kindForStatus(status, path, isQuota402(remaining, serverMessage));
    throw new TogglApiError(kind, {
      status,
      method,
      path,
      ...(serverMessage !== undefined && { serverMessage }),
      ...(kind === 'rate-limited' && retryAfterSeconds !== undefined && { retryAfterSeconds }),
      ...(kind === 'quota' && resetsInSeconds !== undefined && { resetsInSeconds }),
    });
  }

  private transportError(
    error: unknown,
    method: string,
    path: string,
    callerSignal: AbortSignal | undefined,
    timeout: AbortSignal,
  ): TogglApiError {
    if (callerSignal?.aborted) return new TogglApiError('aborted', { method, path });
    if (timeout.aborted) return new TogglApiError('timeout', { method, path });
    const code = errorCode(error);
    if (code && UNREACHABLE_CODES.has(code)) return new TogglApiError('offline', { method, path });
    if (code && DROPPED_CODES.has(code)) return new TogglApiError('connection-lost', { method, path });
    this.log?.warn('toggl: unexpected transport error', { method, path, code: code ?? 'none' });
    return new TogglApiError('connection-lost', { method, path });
  }

  /** A server that echoes credentials back must not get them into our errors. */
  private redact(text: string | undefined, credentials: Credentials | undefined): string | undefined {
    if (text === undefined || !credentials) return text;
    const secrets = 'token' in credentials ? [credentials.token] : [credentials.password];
    return secrets.reduce((result, secret) => (secret ? result.split(secret).join('[redacted]') : result), text);
  }
}
