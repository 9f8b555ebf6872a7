import type { Clock } from '../clock';
import type { Logger } from '../logger';

export interface WriteProblemOptions {
  /** The file's short name, for the log ("cache", "outbox"). */
  name: string;
  file: string;
  log: Logger;
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  /** Told when writing starts or stops failing. */
  onChange?: () => void;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Why a file's last write failed (null once one takes), and the tries again after a failure:
 * 2 s, 4 s … 1 min, until a write takes. The disk problem the user sees is this.
 */
export class WriteProblem {
  current: string | null = null;
  private retry: unknown;
  private retries = 0;

  constructor(private readonly options: WriteProblemOptions) {}

  /** A write failed: log why, and run `again` a little later. */
  failed(error: unknown, again: () => void): void {
    const reason = reasonOf(error);
    this.options.log.warn(`${this.options.name}: could not write ${this.options.file}`, { reason });
    this.note(reason);
    const { clock } = this.options;
    clock.clearTimeout(this.retry);
    this.retry = clock.setTimeout(again, Math.min(60_000, 2_000 * 2 ** this.retries++));
  }

  /** A write failed and the caller refuses what asked for it: only noted, not tried again. */
  refused(error: unknown): void {
    this.note(reasonOf(error));
  }

  /** A write took: no problem, nothing to try again. */
  ok(): void {
    this.stop();
    this.retries = 0;
    this.note(null);
  }

  /** Stops trying again (the app is closing). */
  stop(): void {
    this.options.clock.clearTimeout(this.retry);
    this.retry = undefined;
  }

  private note(problem: string | null): void {
    if (problem === this.current) return;
    this.current = problem;
    this.options.onChange?.();
  }
}
