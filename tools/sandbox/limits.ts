import type { Plan } from './state';

const HOUR_MS = 60 * 60 * 1000;

export interface QuotaLimits {
  /** /me* requests per user per sliding hour. */
  user: number;
  /** Workspace/organization requests per user per organization per sliding hour, by plan. */
  organization: Record<Plan, number>;
}

/** Toggl's numbers since September 2025 (shared/toggl-api-notes.md). */
export const FREE_PLAN_QUOTAS: QuotaLimits = { user: 30, organization: { free: 30, starter: 240, premium: 600 } };

/** Sliding 60-minute windows of request times, one per bucket. */
export class HourlyQuota {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  private window(bucket: string): number[] {
    const cutoff = this.now() - HOUR_MS;
    const times = this.windows.get(bucket) ?? [];
    while (times.length > 0 && (times[0] ?? 0) <= cutoff) times.shift();
    this.windows.set(bucket, times);
    return times;
  }

  /** Takes one request from the bucket; false when it is spent. */
  take(bucket: string, limit: number): boolean {
    const times = this.window(bucket);
    if (times.length >= limit) return false;
    times.push(this.now());
    return true;
  }

  remaining(bucket: string, limit: number): number {
    return Math.max(0, limit - this.window(bucket).length);
  }

  /** Seconds until the oldest request in the window falls out (0 when the window is empty). */
  resetsIn(bucket: string): number {
    const oldest = this.window(bucket)[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + HOUR_MS - this.now()) / 1000));
  }

  clear(): void {
    this.windows.clear();
  }
}

export interface LeakyBucketOptions {
  /** Requests that drain per second (Toggl: about 1). */
  ratePerSecond: number;
  /** How many may queue up before a 429. */
  capacity: number;
}

/** Toggl's rate limit: a leaky bucket per token and IP; over it, 429 with Retry-After. */
export class LeakyBucket {
  private readonly levels = new Map<string, { level: number; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly options: LeakyBucketOptions,
  ) {}

  /** Adds a request; answers 0 when it fits, else the seconds to wait. */
  add(key: string): number {
    const now = this.now();
    const entry = this.levels.get(key) ?? { level: 0, at: now };
    const drained = Math.max(0, entry.level - ((now - entry.at) / 1000) * this.options.ratePerSecond);
    if (drained + 1 > this.options.capacity) {
      this.levels.set(key, { level: drained, at: now });
      return Math.max(1, Math.ceil((drained + 1 - this.options.capacity) / this.options.ratePerSecond));
    }
    this.levels.set(key, { level: drained + 1, at: now });
    return 0;
  }
}
