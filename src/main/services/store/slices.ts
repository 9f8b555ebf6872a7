import { performance } from 'node:perf_hooks';

/**
 * Long work on a large account (a full load's 110,000 items, the list taking them in, the
 * cache file written anew) runs a slice at a time: a slice ends once it has run this long,
 * and everything else waiting on the event loop (the tray, the windows' calls, the network)
 * goes before the next one. Time rather than a count of items: the same count costs ten
 * times as much on a slow, busy machine as on a fast one.
 */
export const SLICE_MS = 5;

/** Items done between two looks at the clock (a look is not free at 100,000 items). */
const LOOK_EVERY = 64;

const waiting: (() => void)[] = [];

function resumeNext(): void {
  const resume = waiting.shift();
  if (waiting.length > 0) setImmediate(resumeNext);
  resume?.();
}

/**
 * The next turn of the event loop for work done in slices. Such work resumes one at a time,
 * one per turn, in the order it asked: two large jobs running at once (the list catching up
 * while the cache file is written) take turns rather than adding up in one long one. The
 * first to ask after a pause waits a whole turn (asked from an answer that arrived, an
 * immediate would run in the same turn, after it).
 */
export function nextSlice(): Promise<void> {
  return new Promise((resolve) => {
    if (waiting.push(resolve) === 1) setImmediate(() => setImmediate(resumeNext));
  });
}

/** A job's clock: tells it when its slice has run its time, and waits for its next turn. */
export class Slices {
  private endsAt: number;
  private count = 0;

  /** `now`: the clock slices are measured by (tests hand in their own). */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.endsAt = now() + SLICE_MS;
  }

  /** Counts an item; true once this slice has run its time (the clock is read every few items). */
  due(): boolean {
    if (++this.count < LOOK_EVERY) return false;
    this.count = 0;
    return this.timeUp();
  }

  /** Whether this slice has run its time (after a large step: reads the clock at once). */
  timeUp(): boolean {
    return this.now() >= this.endsAt;
  }

  /** Waits for the job's next turn, which starts a new slice. */
  async next(): Promise<void> {
    await nextSlice();
    this.restart();
  }

  /** A new slice from now (the job was waiting on something else, e.g. the disk, meanwhile). */
  restart(): void {
    this.endsAt = this.now() + SLICE_MS;
    this.count = 0;
  }
}

/**
 * New keys a Map or Set of this size takes before its table doubles (V8's tables hold a power
 * of two). From 32,768 keys on, doubling writes megabytes at once, which a loop over a large
 * list does at the start of a slice rather than at the end of one; below, it is cheap and this
 * says Infinity. A table that had deletions may grow elsewhere: then this costs a turn or misses.
 */
export function roomBeforeGrowth(size: number): number {
  if (size < 32_768) return Number.POSITIVE_INFINITY;
  let capacity = 32_768;
  while (capacity < size) capacity *= 2;
  return capacity - size;
}

/** Whether a Map or Set of this size doubles its table on its next new key (see roomBeforeGrowth). */
export const growsNext = (size: number): boolean => roomBeforeGrowth(size) === 0;
