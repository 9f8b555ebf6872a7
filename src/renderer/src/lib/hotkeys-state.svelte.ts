import type { Api } from '../../../preload/api';
import type { HotkeyMatch, HotkeyPinView, HotkeyPress, HotkeysView } from '../../../shared/contract';
import type { IpcResult } from '../../../shared/ipc-result';

const NO_MATCH: HotkeyMatch = { text: '', target: null };

/**
 * The pinned hotkeys as the popover shows them: main's pins (asked on load, pushed as
 * `hotkeys.changed`), what the words typed in Settings would pin, and the last press that
 * started nothing until it is dismissed.
 */
export class HotkeysState {
  view = $state<HotkeysView | null>(null);
  /** What the words in Settings' "Pin a project or task" name, and whether Enter pins it. */
  match = $state<HotkeyMatch>(NO_MATCH);
  error = $state<string | null>(null);
  #dismissed = $state<number | null>(null);
  /** Answers to `find` may come back out of order: only the latest typed counts. */
  #asked = 0;
  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  /** A press that started nothing, until dismissed or followed by another press. */
  get notice(): HotkeyPress | null {
    const press = this.view?.lastPress ?? null;
    return press?.refused && press.at !== this.#dismissed ? press : null;
  }

  async load(): Promise<void> {
    const result = await this.#api.invoke('hotkeys.get');
    if (result.ok) this.view = result.value;
  }

  listen(): () => void {
    return this.#api.on('hotkeys.changed', (view) => (this.view = view));
  }

  async find(words: string): Promise<void> {
    const asked = ++this.#asked;
    this.error = null;
    if (words.trim() === '') {
      this.match = NO_MATCH;
      return;
    }
    const result = await this.#api.invoke('hotkeys.find', { words });
    if (asked !== this.#asked) return;
    this.match = result.ok ? result.value : { text: result.error.message, target: null };
  }

  /** Pins what the words found; false (and why, in `error`) when there is nothing to pin. */
  async pin(): Promise<boolean> {
    const { target, text } = this.match;
    if (!target) {
      this.error = text || 'Type a project’s name, then a task’s if you want one of its tasks.';
      return false;
    }
    // Cleared while main pins, so a second Enter does not pin it again; an answer to an older find is stale.
    const pinning = this.match;
    const asked = ++this.#asked;
    this.match = NO_MATCH;
    const done = await this.#take(this.#api.invoke('hotkeys.pin', target));
    // Not pinned: its preview comes back with its words, unless others were typed meanwhile.
    if (!done && asked === this.#asked) this.match = pinning;
    return done;
  }

  unpin(pin: HotkeyPinView): Promise<boolean> {
    return this.#take(this.#api.invoke('hotkeys.unpin', { projectId: pin.projectId, taskId: pin.taskId }));
  }

  setKeys(pin: HotkeyPinView, accelerator: string): Promise<boolean> {
    const request = { projectId: pin.projectId, taskId: pin.taskId, accelerator };
    return this.#take(this.#api.invoke('hotkeys.setKeys', request));
  }

  dismiss(): void {
    this.#dismissed = this.view?.lastPress?.at ?? null;
  }

  async #take(call: Promise<IpcResult<HotkeysView>>): Promise<boolean> {
    const result = await call;
    if (!result.ok) {
      this.error = result.error.message;
      return false;
    }
    this.view = result.value;
    this.error = null;
    return true;
  }
}
