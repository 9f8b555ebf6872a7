import type { CachedTimeEntry } from '../../../shared/entities';

/** Where a timer started here fits among the entries Toggl has from elsewhere (web, phone). */
export interface Placement {
  /** Its stop: cut where the first entry started elsewhere after it begins, never later than its own. */
  stop: string | null;
  /** Entries still running at Toggl that began before it: each stops where it starts. */
  toStop: CachedTimeEntry[];
}

const ms = Date.parse;

/** A second of slack either way: Toggl keeps whole seconds. */
const SAME_START_MS = 1_000;

/** The entry itself, as Toggl has it after a POST whose answer was lost: same start, project and task. */
export function isCopyOf(
  other: CachedTimeEntry,
  entry: { start: string; pid: number | null; tid: number | null },
): boolean {
  return (
    Math.abs(ms(other.start) - ms(entry.start)) < SAME_START_MS && other.pid === entry.pid && other.tid === entry.tid
  );
}

/**
 * Toggl keeps one running entry and entries do not overlap: whichever started later is the
 * one running. A start made offline reaches Toggl late, after other devices may have started
 * (or added) entries: ours ends where the first of those begins, and one running from before
 * ours ends where ours begins, as it would have had we been online. Times are Toggl's clock.
 */
export function placeAmong(
  entry: { start: string; stop: string | null; pid: number | null; tid: number | null },
  others: Iterable<CachedTimeEntry>,
  nowMs: number,
): Placement {
  const start = ms(entry.start);
  const ownStop = entry.stop === null ? Infinity : ms(entry.stop);
  let cut = ownStop;
  let cutAt: string | null = entry.stop;
  const toStop: CachedTimeEntry[] = [];
  for (const other of others) {
    const otherStart = ms(other.start);
    if (isCopyOf(other, entry)) continue;
    if (otherStart > start && otherStart < cut && otherStart <= nowMs) {
      cut = otherStart;
      cutAt = other.start;
    } else if (other.stop === null && otherStart <= start) {
      toStop.push(other);
    }
  }
  return { stop: cutAt, toStop };
}
