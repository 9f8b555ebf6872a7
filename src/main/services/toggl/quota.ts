/**
 * Toggl's hourly quotas (shared/toggl-api-notes.md): /me* requests count against the user's
 * bucket, /workspaces/… and /organizations/… against the organization's. This tracks, per
 * bucket, the last quota headers seen and what this client itself sent in the last hour.
 */

export type QuotaBucketKind = 'user' | 'organization';

export interface QuotaSnapshot {
  /** "user", "workspace:123" or "organization:5". */
  bucket: string;
  kind: QuotaBucketKind;
  /** From X-Toggl-Quota-Remaining, when the server sent it. */
  remaining: number | null;
  /** Epoch ms from X-Toggl-Quota-Resets-In, when the server sent it. */
  resetsAt: number | null;
  /** When the headers were read. */
  observedAt: number | null;
  /** Requests this client sent to the bucket in the last 60 minutes. */
  sentLastHour: number;
}

const HOUR_MS = 60 * 60 * 1000;

/** The bucket an API path counts against; undefined for paths no quota counts. */
export function quotaBucketOf(path: string): { bucket: string; kind: QuotaBucketKind } | undefined {
  if (path === '/me' || path.startsWith('/me/') || path.startsWith('/me?')) return { bucket: 'user', kind: 'user' };
  const match = /^\/(workspaces|organizations)\/(\d+)/.exec(path);
  if (match)
    return { bucket: `${match[1] === 'workspaces' ? 'workspace' : 'organization'}:${match[2]}`, kind: 'organization' };
  return undefined;
}

function headerNumber(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

export function readQuotaHeaders(headers: Record<string, string | string[] | undefined>): {
  remaining?: number;
  resetsInSeconds?: number;
} {
  return {
    remaining: headerNumber(headers['x-toggl-quota-remaining']),
    resetsInSeconds: headerNumber(headers['x-toggl-quota-resets-in']),
  };
}

export class QuotaTracker {
  private readonly buckets = new Map<string, QuotaSnapshot & { sent: number[] }>();

  constructor(private readonly now: () => number = Date.now) {}

  private entry(path: string): (QuotaSnapshot & { sent: number[] }) | undefined {
    const counted = quotaBucketOf(path);
    if (!counted) return undefined;
    const { bucket, kind } = counted;
    let entry = this.buckets.get(bucket);
    if (!entry) {
      entry = { bucket, kind, remaining: null, resetsAt: null, observedAt: null, sentLastHour: 0, sent: [] };
      this.buckets.set(bucket, entry);
    }
    return entry;
  }

  /** Called once per request actually sent (retries count: the server counts them too); answers when. */
  countSent(path: string): number {
    const at = this.now();
    this.entry(path)?.sent.push(at);
    return at;
  }

  /**
   * A request counted at `at` that never reached Toggl (the connection was refused or the
   * name did not resolve): Toggl counted nothing, so neither do we. Else every retry made
   * offline would hold the next hour's syncs back.
   */
  notSent(path: string, at: number): void {
    const sent = this.entry(path)?.sent;
    const index = sent?.lastIndexOf(at) ?? -1;
    if (index >= 0) sent?.splice(index, 1);
  }

  /** Called with every response's headers. */
  observe(path: string, headers: Record<string, string | string[] | undefined>): void {
    const { remaining, resetsInSeconds } = readQuotaHeaders(headers);
    if (remaining === undefined && resetsInSeconds === undefined) return;
    const entry = this.entry(path);
    if (!entry) return;
    const now = this.now();
    entry.observedAt = now;
    if (remaining !== undefined) entry.remaining = remaining;
    if (resetsInSeconds !== undefined) entry.resetsAt = now + resetsInSeconds * 1000;
  }

  snapshot(): QuotaSnapshot[] {
    const cutoff = this.now() - HOUR_MS;
    return [...this.buckets.values()].map(({ sent, ...rest }) => {
      while (sent.length > 0 && (sent[0] ?? 0) <= cutoff) sent.shift();
      return { ...rest, sentLastHour: sent.length };
    });
  }

  /** Requests sent to a path's bucket after a moment (epoch ms). */
  sentSince(path: string, since: number): number {
    const counted = quotaBucketOf(path);
    return counted ? (this.buckets.get(counted.bucket)?.sent.filter((at) => at > since).length ?? 0) : 0;
  }

  bucket(path: string): QuotaSnapshot | undefined {
    const counted = quotaBucketOf(path);
    return counted && this.snapshot().find((entry) => entry.bucket === counted.bucket);
  }
}
