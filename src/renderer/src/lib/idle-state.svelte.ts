import type { Api } from '../../../preload/api';
import type { IdleAnswer, IdleQuestion } from '../../../shared/contract';
import { formatDuration } from './list/durations';

/** A formatter in the user's locale and, where it is a zone Intl knows, their Toggl time zone. */
function zoned(options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

/** A question's times as the dialog words them: "10:02 AM", "10:31 AM", "29 min"; the weekday too when the days differ. */
export function idleTimes(
  question: Pick<IdleQuestion, 'idleSince' | 'returnedAt'>,
  timeZone?: string,
): { from: string; to: string; length: string } {
  const date = zoned({ year: 'numeric', month: 'numeric', day: 'numeric' }, timeZone);
  const sameDay = date.format(question.idleSince) === date.format(question.returnedAt);
  const time = zoned({ hour: 'numeric', minute: '2-digit', ...(!sameDay && { weekday: 'short' }) }, timeZone);
  return {
    from: time.format(question.idleSince),
    to: time.format(question.returnedAt),
    length: formatDuration((question.returnedAt - question.idleSince) / 1000) || 'under a minute',
  };
}

/** How the question names its entry: the description, else the project. */
export function idleEntryName(question: Pick<IdleQuestion, 'description' | 'project'>): string {
  const name = question.description || question.project;
  return name ? `“${name}”` : 'the timer';
}

/**
 * The question about time away, as the popover shows it: main's (pushed as `idle.changed`, and
 * asked for on load, so it survives the popover being closed), and the answer. A refused answer
 * keeps the dialog open with main's words until the user closes it.
 */
export class IdleState {
  question = $state<IdleQuestion | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  readonly #api: Api;
  /** What main pushed while an answer was on its way (undefined: nothing). */
  #meanwhile: IdleQuestion | null | undefined;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const result = await this.#api.invoke('idle.question');
    if (result.ok) this.#take(result.value);
  }

  listen(): () => void {
    return this.#api.on('idle.changed', ({ question }) => this.#take(question));
  }

  async answer(answer: IdleAnswer): Promise<void> {
    const asked = this.question;
    if (!asked || this.busy) return;
    this.busy = true;
    const result = await this.#api.invoke('idle.answer', { id: asked.id, answer });
    this.busy = false;
    const meanwhile = this.#meanwhile;
    this.#meanwhile = undefined;
    // A new question that came meanwhile takes its place; the answered one goes.
    const next = meanwhile && meanwhile.id !== asked.id ? meanwhile : null;
    if (result.ok || next) {
      this.question = next;
      this.error = null;
    } else {
      this.error = result.error.message;
    }
  }

  /** Closes the dialog after a refused answer. */
  dismiss(): void {
    this.question = null;
    this.error = null;
  }

  #take(question: IdleQuestion | null): void {
    if (this.busy) {
      this.#meanwhile = question;
      return;
    }
    // A refusal on show stays until it is closed, or a new question comes.
    if (this.error !== null && question === null) return;
    this.question = question;
    this.error = null;
  }
}
