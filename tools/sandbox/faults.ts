/** Faults a test can switch on at run time. */
export interface FaultSettings {
  /** Added to every API answer. */
  latencyMs: number;
  /** Share of API requests (0–1) answered with a 5xx before they do anything. */
  serverErrorRate: number;
  /** Share of API requests (0–1) whose connection is dropped. */
  dropRate: number;
  /** "before": dropped unanswered and not applied; "after": applied, then dropped unanswered. */
  dropMode: 'before' | 'after';
}

export interface ForcedAnswer {
  status: 400 | 402 | 429 | 500 | 502 | 503;
  /** How many of the next API requests (of `method`, if given) get it. */
  times: number;
  /** Only requests with this method (e.g. "PUT"). */
  method?: string;
  /** Sent as Retry-After on a 429. */
  retryAfterSeconds?: number;
  /** Lets this many of those requests through first ("a 402 halfway"). */
  after?: number;
  /** Answers the edge's HTML error page instead, with no Retry-After or quota headers. */
  html?: boolean;
  /** The answer's words (a JSON string, as Toggl's refusals are), instead of the sandbox's own. */
  body?: string;
  /** The request takes effect first and only its answer is the error: a gateway's 5xx after the backend saved it. */
  applied?: boolean;
}

export interface ForcedDrop {
  times: number;
  mode: 'before' | 'after';
  /** Only requests with this method (e.g. "POST"). */
  method?: string;
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, serverErrorRate: 0, dropRate: 0, dropMode: 'before' };

/** A small seeded generator (mulberry32), so fault tests are repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
