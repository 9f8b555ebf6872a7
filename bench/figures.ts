/**
 * The figures a benchmark reports against the issues' targets (#12, #20, #23): each printed with its must
 * and goal beside it, and all of them as one JSON object on the last line, so a script can
 * compare runs.
 */
export interface Target {
  /** The JSON key. */
  key: string;
  label: string;
  unit: string;
  /** Lower is better; a figure meets a target when it is at most that. */
  must: number;
  goal: number;
}

export class Figures {
  private readonly values: Record<string, number> = {};
  private readonly groups: Record<string, Record<string, number>> = {};

  constructor(private readonly out: NodeJS.WritableStream = process.stdout) {}

  /** Prints one figure with its targets and notes it for the JSON line. */
  report(target: Target, value: number, detail = ''): void {
    this.values[target.key] = Number(value.toFixed(2));
    const verdict = value <= target.goal ? 'goal met' : value <= target.must ? 'must met, goal not' : 'MUST NOT MET';
    const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
    this.out.write(
      `  ${target.label}: ${shown} ${target.unit}${detail ? ` (${detail})` : ''}  ` +
        `[must ≤ ${target.must}, goal ≤ ${target.goal} ${target.unit}: ${verdict}]\n`,
    );
  }

  /** A figure with no target (context for the others), kept in the JSON line too. */
  note(key: string, value: number): void {
    this.values[key] = Number(value.toFixed(2));
  }

  /** A group of figures kept in the JSON line as one object under `key` (the machine's costs). */
  group(key: string, values: Record<string, number>): void {
    this.groups[key] = values;
  }

  /** The last line: every figure as one JSON object. */
  printJson(): void {
    this.out.write(`${JSON.stringify({ ...this.values, ...this.groups })}\n`);
  }
}

/** The targets: issue #12's table, with #20's floor ratio and first-screen bytes and #23's timer request. */
export const TARGETS = {
  search: { key: 'search_p95_ms', label: 'search per keystroke, p95', unit: 'ms', must: 16, goal: 4 },
  zeroHits: {
    key: 'search_zero_hit_queries',
    label: 'benchmark queries that find nothing',
    unit: '',
    must: 0,
    goal: 0,
  },
  firstRows: {
    key: 'first_rows_ms',
    label: 'window open → first rows (cached), median',
    unit: 'ms',
    must: 300,
    goal: 100,
  },
  firstRowsRatio: {
    key: 'first_rows_ratio',
    label: 'first rows against the bare page in the same run (its floor)',
    unit: '×',
    must: 2,
    goal: 1.2,
  },
  /** Issue #20: the window's first answer carries its first screen, whatever the account's size. */
  firstRowsBytes: {
    key: 'first_rows_bytes',
    label: 'data received before the first rows',
    unit: 'B',
    must: 65_536,
    goal: 65_536,
  },
  slowFrames: { key: 'slow_frames_pct', label: 'frames over 16.7 ms while scrolling', unit: '%', must: 1, goal: 0 },
  mainLoop: { key: 'main_loop_max_ms', label: 'main-process event-loop delay, max', unit: 'ms', must: 50, goal: 16 },
  cacheBytes: { key: 'cache_bytes_per_task', label: 'cache bytes per task', unit: 'B', must: 150, goal: 80 },
  syncRequests: {
    key: 'sync_requests',
    label: "incremental sync of 10 changes: the list's requests",
    unit: '',
    must: 3,
    goal: 1,
  },
  /** Issue #23: a sync adds at most one look for time entries (`/me/time_entries?since=`). */
  syncTimerRequests: {
    key: 'sync_timer_requests',
    label: "incremental sync of 10 changes: the timer's requests",
    unit: '',
    must: 1,
    goal: 1,
  },
  dayUserHour: {
    key: 'day_me_busiest_hour',
    label: 'simulated day: /me requests in the busiest 60 minutes (Toggl allows 30)',
    unit: '',
    must: 30,
    goal: 24,
  },
  day402: { key: 'day_402', label: 'simulated day: 402 answers on the Free plan', unit: '', must: 0, goal: 0 },
  syncClient: {
    key: 'sync_client_ms',
    label: 'incremental sync of 10 changes: client-side time',
    unit: 'ms',
    must: 50,
    goal: 20,
  },
} satisfies Record<string, Target>;
