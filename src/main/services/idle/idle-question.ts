import type { IdleAnswer, IdleQuestion } from '../../../shared/contract';
import type { DataView } from '../../../shared/entities';
import type { TimerCommands } from '../changes/timer-commands';
import { UserFacingError } from '../errors';
import type { EventSink } from '../events';
import type { Logger } from '../logger';
import type { IdlePeriod, RunningEntry } from './idle-watcher';
import { placeOfEntry, runningEntry } from '../../../shared/running-entry';

export interface IdleQuestionsOptions {
  timer: Pick<TimerCommands, 'stop' | 'continue'>;
  view: () => DataView;
  /**
   * The list as last built, for the watcher's poll (every second while the user is away):
   * building the list there would take a full load's 110,000 items in one go. Defaults to `view`.
   */
  glance?: () => DataView;
  /** A temporary id's real one once Toggl gave it (the entry may reach Toggl while the question waits). */
  knownId: (id: number) => number;
  /**
   * How far Toggl's clock is ahead of this machine's (its `Date` header): entries' times are
   * Toggl's, the watcher's this machine's, as the user saw them.
   */
  togglAhead: () => number;
  events: EventSink;
  log: Logger;
}

type Pending = IdlePeriod & { id: string };

const STOPPED =
  'That timer was stopped meanwhile (here or elsewhere), so nothing was changed: its time stays as it is.';
const ANSWERED = 'That question about idle time was answered already; nothing was changed.';

/**
 * The one question about time away: asked when the watcher reports a return, sent to the
 * windows (`idle.changed`), kept until answered, and dropped when its entry no longer runs
 * (stopped here or elsewhere, another started). The answers are the timer's own commands with
 * the times of the question: queue changes like any other, so they work offline too.
 */
export class IdleQuestions {
  private pending: Pending | null = null;
  private shown: IdleQuestion | null = null;
  /** The last question that went because its entry stopped: an answer to it says so. */
  private stoppedId: string | null = null;
  private asked = 0;

  constructor(private readonly options: IdleQuestionsOptions) {}

  /** What the windows show: the question waiting, or null. */
  current(): IdleQuestion | null {
    return this.shown;
  }

  /** The running entry, by the id the list knows it by now, for the watcher. */
  running(): RunningEntry | null {
    const entry = runningEntry((this.options.glance ?? this.options.view)().entries);
    return entry ? { id: entry.id, start: Date.parse(entry.start) - this.options.togglAhead() } : null;
  }

  /** The watcher saw a return. One question at a time: a discard of the waiting one covers later time too. */
  ask(period: IdlePeriod): void {
    if (this.pending) return;
    this.pending = { ...period, id: `idle-${++this.asked}` };
    this.options.log.info('idle: asking about time away', {
      minutes: Math.round((period.returnedAt - period.idleSince) / 60_000),
    });
    this.follow();
  }

  /** The list changed: the question follows its entry, and goes when the entry no longer runs. */
  follow(): void {
    const next = this.pending && this.questionFor(this.pending);
    if (this.pending && !next) {
      this.stoppedId = this.pending.id;
      this.pending = null;
    }
    if (JSON.stringify(next) === JSON.stringify(this.shown)) return;
    this.shown = next;
    this.options.events.emit('idle.changed', { question: next });
  }

  /** Keep, discard (stop at the start of the time away) or discard and continue (and start again from the return). */
  answer(id: string, answer: IdleAnswer): void {
    const pending = this.pending;
    const question = pending?.id === id ? this.questionFor(pending) : null;
    if (!question) {
      this.follow();
      throw new UserFacingError('refused', this.stoppedId === id ? STOPPED : ANSWERED);
    }
    this.pending = null;
    this.follow();
    this.options.log.info('idle: answered', { answer });
    if (answer === 'keep') return;
    const ahead = this.options.togglAhead();
    this.options.timer.stop(question.idleSince + ahead);
    if (answer === 'continue') this.options.timer.continue(question.entryId, question.returnedAt + ahead);
  }

  /** The question as it stands in the list now, or null when nothing of it is left to ask. */
  private questionFor(pending: Pending): IdleQuestion | null {
    const view = this.options.view();
    const entry = runningEntry(view.entries);
    const { knownId } = this.options;
    if (!entry || knownId(entry.id) !== knownId(pending.entryId)) return null;
    // Its start moved (edited elsewhere): only the time away since then is in question.
    const idleSince = Math.max(pending.idleSince, Date.parse(entry.start) - this.options.togglAhead());
    if (idleSince >= pending.returnedAt) return null;
    const { project } = placeOfEntry(view, entry);
    return {
      id: pending.id,
      entryId: entry.id,
      idleSince,
      returnedAt: pending.returnedAt,
      description: entry.description,
      project: project?.name ?? null,
    };
  }
}
