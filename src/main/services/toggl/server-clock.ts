/**
 * Toggl's clock as seen from ours, from the `Date` header of its answers. A timer's start and
 * stop are stamped on this machine, but they are ordered against entries other devices made on
 * Toggl's clock: a laptop five minutes fast would otherwise start "in the future" and overlap
 * the phone's entry. The header has whole seconds, so small offsets are noise and are ignored.
 */

/** Offsets under this are the header's rounding and the trip, not a wrong clock. */
export const NOISE_MS = 2_000;
/** Answers remembered; their median is the offset, so one slow answer does not move it. */
const KEPT = 5;

export class ServerClock {
  private readonly offsets: number[] = [];

  constructor(private readonly localNow: () => number = Date.now) {}

  /**
   * One answer's `Date` header, with when its request left and its answer came (local ms).
   * Toggl stamped it somewhere in between, within the header's second.
   */
  observe(dateHeader: unknown, sentAt: number, receivedAt: number): void {
    if (typeof dateHeader !== 'string') return;
    const stamped = Date.parse(dateHeader);
    if (!Number.isFinite(stamped) || receivedAt < sentAt) return;
    // The header truncates to the second: its middle is the best guess at Toggl's instant.
    const offset = stamped + 500 - (sentAt + receivedAt) / 2;
    this.offsets.push(offset);
    if (this.offsets.length > KEPT) this.offsets.shift();
  }

  /** How far Toggl's clock is ahead of ours (ms; negative: behind); 0 while within the noise or unknown. */
  get offsetMs(): number {
    if (this.offsets.length === 0) return 0;
    const sorted = [...this.offsets].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    return Math.abs(median) < NOISE_MS ? 0 : Math.round(median);
  }

  /** Now on Toggl's clock, as well as the answers so far tell it. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }
}
