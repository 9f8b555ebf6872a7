import type { QuotaStatus } from '../../../shared/entities';
import type { QuotaTracker } from '../toggl/quota';

/** Why a sync runs; each trigger may spend a different share of the hourly quota. */
export type SyncTrigger = 'first' | 'manual' | 'popover' | 'resume' | 'online' | 'timer' | 'sign-in';

export interface BudgetPolicy {
  /** Toggl's /me* limit per hour (30 on every plan). */
  userLimit: number;
  /** Requests each trigger must leave for the user's own refreshes. */
  reserve: Record<SyncTrigger, number>;
}

export const DEFAULT_POLICY: BudgetPolicy = {
  userLimit: 30,
  reserve: { first: 0, 'sign-in': 0, manual: 0, popover: 6, resume: 10, online: 10, timer: 15 },
};

/**
 * How much of the user's hourly /me* quota is left: the server's own count when its headers
 * came (less what we sent since), else our count of the last hour, whichever is lower.
 */
export function userQuota(tracker: QuotaTracker, limit: number, now: number): QuotaStatus {
  const snapshot = tracker.bucket('/me');
  const ownCount = limit - (snapshot?.sentLastHour ?? 0);
  let remaining = ownCount;
  let resetsAt: number | null = null;
  if (snapshot?.remaining !== null && snapshot?.remaining !== undefined && snapshot.observedAt !== null) {
    const fresh = snapshot.resetsAt === null || snapshot.resetsAt > now;
    if (fresh) {
      remaining = Math.min(ownCount, snapshot.remaining - tracker.sentSince('/me', snapshot.observedAt));
      resetsAt = snapshot.resetsAt;
    }
  }
  return { remaining: Math.max(0, remaining), limit, resetsAt };
}

/** Whether a sync costing `cost` requests may run for this trigger now. */
export function mayAfford(quota: QuotaStatus, cost: number, trigger: SyncTrigger, policy: BudgetPolicy): boolean {
  return quota.remaining - cost >= policy.reserve[trigger];
}
