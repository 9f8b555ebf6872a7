import type { Api } from '../../../preload/api';
import type { SessionView } from '../../../shared/contract';
import type { IpcError, IpcResult } from '../../../shared/ipc-result';

/** Signing in and out, as the popover sees it. It never holds a token beyond the form. */
export class SessionState {
  view = $state<SessionView | null>(null);
  error = $state<IpcError | null>(null);
  busy = $state(false);
  /** Set when signing out would drop unsynced changes: the count to confirm. */
  confirmSignOut = $state<number | null>(null);

  readonly signedIn = $derived(this.view?.status === 'signed-in');
  /** What the sign-in view's alert says: the last error, else why the user must sign in again. */
  readonly alert = $derived(this.error?.message ?? this.view?.reason ?? null);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    this.#apply(await this.#api.invoke('session.get'));
  }

  listen(): () => void {
    return this.#api.on('session.changed', (view) => {
      this.view = view;
    });
  }

  async signInWithToken(token: string, discardPending = false): Promise<void> {
    await this.#run(() => this.#api.invoke('session.signInWithToken', { token, discardPending }));
  }

  async signInWithPassword(email: string, password: string, discardPending = false): Promise<void> {
    await this.#run(() => this.#api.invoke('session.signInWithPassword', { email, password, discardPending }));
  }

  /** Main asks before dropping changes another account left queued: the sign-in view offers it. */
  readonly mustConfirmDiscard = $derived(this.error?.confirm === 'discard-pending');

  async signOut(discardPending = false): Promise<void> {
    this.busy = true;
    const result = await this.#api.invoke('session.signOut', { discardPending });
    this.busy = false;
    if (!result.ok) {
      this.error = result.error;
    } else if (!result.value.signedOut) {
      this.confirmSignOut = result.value.pendingChanges;
    } else {
      this.confirmSignOut = null;
      this.error = null;
    }
  }

  clearError(): void {
    this.error = null;
  }

  async #run(call: () => Promise<IpcResult<SessionView>>): Promise<void> {
    this.busy = true;
    try {
      this.#apply(await call());
    } finally {
      this.busy = false;
    }
  }

  #apply(result: IpcResult<SessionView>): void {
    if (result.ok) {
      this.view = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }
}
