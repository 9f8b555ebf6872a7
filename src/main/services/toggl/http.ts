import { Agent, request, type Dispatcher } from 'undici';
import { appIdentity } from '../app-identity';
import type { Logger } from '../logger';
import { TogglApiError } from './errors';
import { JsonOffThread, LARGE_JSON_BYTES } from './json-off-thread';
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
/** A large answer's bytes go to the parsing worker in pieces this large (one copy, one message each). */
const HAND_OVER_BYTES = 1_000_000;
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
    const credentials = options.anonymous ? undefined : (options.credentials ?? this.credentials);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt<T>(method, path, options, credentials);
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

  private async attempt<T>(
    method: HttpMethod,
    path: string,
    options: RequestOptions,
    credentials: Credentials | undefined,
  ): Promise<T> {
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
    // a time (undici reads no more than the body holds meanwhile) and hands them over a megabyte
    // at a time, each in a copy of its own (the network's buffers are shared).
    let chunks: Buffer[] = [];
    let size = 0;
    let held = 0;
    let offThread: JsonOffThread | undefined;
    // When the answer says how long it is, its bytes gather in one buffer, handed over at the
    // end: the worker decodes it as it is, without joining pieces (tens of megabytes less).
    const declared = Number(response.headers['content-length']);
    let whole: Uint8Array<ArrayBuffer> | undefined;
    let filled = 0;
    const handOver = (worker: JsonOffThread): void => {
      const bytes = new Uint8Array(held);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
      worker.push(bytes.buffer);
      chunks = [];
      held = 0;
    };
    const gather = (worker: JsonOffThread): void => {
      if (whole && filled + held > whole.byteLength) {
        // Longer than it said: what is there goes over, and the rest in pieces.
        worker.push(whole.slice(0, filled).buffer);
        whole = undefined;
      }
      if (!whole) {
        if (held >= HAND_OVER_BYTES) handOver(worker);
        return;
      }
      for (const chunk of chunks) {
        whole.set(chunk, filled);
        filled += chunk.byteLength;
      }
      chunks = [];
      held = 0;
    };
    try {
      const slices = new Slices();
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        held += chunk.byteLength;
        chunks.push(chunk);
        if (!offThread && size >= LARGE_JSON_BYTES) {
          offThread = new JsonOffThread();
          if (Number.isSafeInteger(declared) && declared >= size) whole = new Uint8Array(declared);
        }
        if (offThread) gather(offThread);
        if (slices.timeUp()) await slices.next();
      }
      if (whole) offThread?.push(filled === whole.byteLength ? whole.buffer : whole.slice(0, filled).buffer);
      if (offThread && held > 0) handOver(offThread);
    } catch (error) {
      offThread?.cancel();
      throw this.transportError(error, method, path, options.signal, timeout);
    }
    const text = offThread ? '' : new TextDecoder().decode(Buffer.concat(chunks));
    const status = response.statusCode;
    this.quota.observe(path, response.headers);
    this.log?.info('toggl', { method, path, status, ms: this.now() - started });

    if (status >= 200 && status < 300) {
      if (offThread) return (await offThread.finish()) as T;
      if (!text.trim()) return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        // Some endpoints answer plain text ("OK"): hand it back as it is.
        return text as T;
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
