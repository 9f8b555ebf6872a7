import { madeTimerPlace, quickAddRequest } from '../../../shared/quick-add/request';
import { isQuickAdd } from '../../../shared/quick-add/parse';
import type { QuickAddAction, QuickAddPlan } from '../../../shared/quick-add/plan';
import { planInList } from './list/quick-add-plan';
import type { DataCommands } from './data-commands.svelte';
import type { DataState } from './data-state.svelte';
import type { TimerState } from './timer-state.svelte';

const LOADING: QuickAddPlan = { action: null, text: 'Your projects are still loading…', completion: null };

/**
 * The search box's quick-add: `+Fix login bug @website ~2h` previews what Enter will do
 * (src/shared/quick-add), Enter does it through the same commands as the forms (rights,
 * queue, offline), Shift+Enter starts a timer on it too, and Tab completes the `@` part.
 */
export class QuickAddState {
  /** Where the caret is in the search box (the box reports it): Tab completes only inside the `@` part. */
  caret = $state(0);
  /** The last Enter's refusal, with the line it refused: shown until the line changes. */
  #refused = $state<{ line: string; message: string } | null>(null);
  #busy = false;
  readonly #list: DataState;
  readonly #commands: DataCommands;
  readonly #timer: TimerState;

  constructor(list: DataState, commands: DataCommands, timer: TimerState) {
    this.#list = list;
    this.#commands = commands;
    this.#timer = timer;
  }

  /** What the line will do; null while the box holds a search (or nothing). */
  readonly plan = $derived.by((): QuickAddPlan | null => {
    const list = this.#list;
    const line = list.query;
    if (!isQuickAdd(line)) return null;
    // Before the whole list is here, "matches nothing" could be wrong.
    if (!list.view || !list.complete) return LOADING;
    // The list's search index lists its projects first: the @ words are matched on it.
    const { view, index, prepared } = list;
    return planInList({ view, index, prepared }, line, list.workspaceId === 'all' ? null : list.workspaceId);
  });

  /** The preview line: empty when the box holds no quick-add. */
  readonly text = $derived.by((): string => {
    const refused = this.#refused;
    if (refused && refused.line === this.#list.query) return refused.message;
    return this.plan?.text ?? '';
  });

  /** Whether Enter will do something. */
  readonly ready = $derived.by(() => (this.plan?.action ?? null) !== null && this.#refused?.line !== this.#list.query);

  /** The name Tab puts in the `@` part now: while the caret is inside it, and it names one project or client. */
  readonly completion = $derived.by(() => {
    const completion = this.plan?.completion;
    return completion && this.caret > completion.part.start && this.caret <= completion.part.end ? completion : null;
  });

  /** Enter (and Shift+Enter, `startTimer`): makes what the preview says, clears the box; a refusal stays in the preview. */
  async submit(startTimer: boolean): Promise<void> {
    const action = this.plan?.action;
    const line = this.#list.query;
    if (!action || this.#busy || !this.ready) return;
    this.#busy = true;
    try {
      const made = await this.#create(action);
      if (typeof made === 'string') {
        this.#refused = { line, message: made };
        return;
      }
      // Typed on meanwhile: what was typed stays.
      if (this.#list.query === line) this.#list.query = '';
      if (startTimer) await this.#timer.start(madeTimerPlace(action, made.id));
    } finally {
      this.#busy = false;
    }
  }

  /** Through the forms' commands: the new row is selected (and its project opened). */
  #create(action: QuickAddAction): Promise<{ id: number } | string> {
    const request = quickAddRequest(action);
    return request.kind === 'task'
      ? this.#commands.createTask({ pid: request.pid, fields: request.fields })
      : this.#commands.createProject({ wid: request.wid, fields: request.fields });
  }

  /**
   * Tab in the search box: puts the completion in the `@` part, the caret after it. Answers
   * false (Tab moves focus as always) when there is none where the caret is.
   */
  complete(input: HTMLInputElement): boolean {
    this.caret = input.selectionStart ?? input.value.length;
    const completion = this.completion;
    if (!completion) return false;
    const line = this.#list.query;
    const text = line.slice(0, completion.from) + completion.text + line.slice(completion.to);
    const caret = completion.from + completion.text.length;
    input.value = text;
    input.setSelectionRange(caret, caret);
    this.#list.query = text;
    this.caret = caret;
    return true;
  }
}
