import type { TogglErrorKind } from './errors';

/** Reading what came back (or did not): network error codes, status kinds, Retry-After, bodies. */
export const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
export const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Seconds from a Retry-After header: a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/** The server's own words from an error body: a JSON string, {message|error}, or text; never a web page. */
export function serverMessageOf(text: string): string | undefined {
  const trimmed = text.trim();
  // A proxy's or the edge's HTML page (a 429, a 502) says nothing a user can act on.
  if (!trimmed || /^<(!doctype|html|head|body)\b/i.test(trimmed)) return undefined;
  let message = trimmed;
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value === 'string') message = value;
    else if (value && typeof value === 'object') {
      const candidate =
        (value as { message?: unknown; error?: unknown }).message ?? (value as { error?: unknown }).error;
      if (typeof candidate === 'string') message = candidate;
    }
  } catch {
    // Plain text: keep it.
  }
  return message.length > 300 ? `${message.slice(0, 297)}…` : message;
}

/**
 * Toggl answers 402 both for a spent hourly quota and for a feature the workspace's plan
 * lacks ("Custom project colors available only for premium plans"). Only the first pauses
 * everything: the quota headers say 0 left, or the words say it is the hourly limit.
 */
export function isQuota402(remaining: number | undefined, message: string | undefined): boolean {
  if (remaining !== undefined) return remaining <= 0;
  return /hourly limit|quota|api calls/i.test(message ?? '');
}

export function kindForStatus(status: number, path: string, quotaSpent: boolean): TogglErrorKind {
  const onMe = path === '/me' || path.startsWith('/me/');
  if (status === 401 || (status === 403 && onMe)) return 'signed-out';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 402) return quotaSpent ? 'quota' : 'plan';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  if (status === 400 || status === 409 || status === 422) return 'invalid';
  return 'unexpected';
}
