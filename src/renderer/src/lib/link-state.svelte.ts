import type { Api } from '../../../preload/api';
import type { LinkAnswer, LinkRequest } from '../../../shared/contract';

/**
 * The `toggl-tray://` link that waits for the user, as the popover shows it: main's (pushed as
 * `link.changed`, and asked for on load, so it survives the popover being closed), and the
 * answer. A refused answer keeps the dialog open with main's words until the user closes it,
 * unless main sent a request in its place (the link's target changed meanwhile): then that one.
 */
export class LinkState {
  request = $state<LinkRequest | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  readonly #api: Api;
  /** What main pushed while an answer was on its way (undefined: nothing). */
  #meanwhile: LinkRequest | null | undefined;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const result = await this.#api.invoke('link.request');
    if (result.ok) this.#take(result.value);
  }

  listen(): () => void {
    return this.#api.on('link.changed', ({ request }) => this.#take(request));
  }

  async answer(answer: LinkAnswer): Promise<void> {
    const asked = this.request;
    if (!asked || this.busy) return;
    this.busy = true;
    const result = await this.#api.invoke('link.answer', { id: asked.id, answer });
    this.busy = false;
    const meanwhile = this.#meanwhile;
    this.#meanwhile = undefined;
    const next = meanwhile && meanwhile.id !== asked.id ? meanwhile : null;
    if (result.ok || next) {
      this.request = next;
      this.error = null;
    } else {
      this.error = result.error.message;
    }
  }

  /** Closes the dialog after a refused answer. */
  close(): void {
    this.request = null;
    this.error = null;
  }

  #take(request: LinkRequest | null): void {
    if (this.busy) {
      this.#meanwhile = request;
      return;
    }
    // A refusal on show stays until it is closed, or a new link comes.
    if (this.error !== null && request === null) return;
    this.request = request;
    this.error = null;
  }
}
