import type { SessionUser, SessionView, SignOutResponse } from '../../../shared/contract';
import type { EventSink } from '../events';
import { UserFacingError } from '../errors';
import type { Logger } from '../logger';
import type { TogglApi } from '../toggl/api';
import { TogglApiError } from '../toggl/errors';
import type { Credentials } from '../toggl/http';
import type { PiecedJson } from '../toggl/pieced-json';
import type { TogglMeWithRelated } from '../toggl/types';
import { VaultError, type TokenVault } from '../vault/vault';
import { toUser } from '../toggl/mapping';
import { ProfileStore } from './profile-store';

export interface SessionOptions {
  apiUrl: string;
  api: TogglApi;
  vault: TokenVault;
  profile: ProfileStore;
  events: EventSink;
  log: Logger;
  /** Changes waiting to reach Toggl; signing out with some asks first. */
  pendingChanges?: () => number;
  /** Whose queued changes are waiting (the account the cached list belongs to) and how many. */
  queuedFor?: () => { userId: number | null; count: number };
  /** Wipes what was cached for the signed-in user. */
  onSignOut?: () => Promise<void>;
  /**
   * After a successful sign-in: take in the answer that signed the user in (it carries the
   * whole list), not awaited by the sign-in, and close it.
   */
  onSignIn?: (answer: PiecedJson) => Promise<void>;
}

const TOKEN_SHAPE = /^[A-Za-z0-9]{16,128}$/;
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+$/;
const REFUSED_REASON = 'Toggl no longer accepts the saved API token (it may have been reset). Sign in again.';

function keychainError(error: VaultError): UserFacingError {
  return new UserFacingError('keychain', error.message);
}

/**
 * Signing in and out. The token goes from the sign-in form to Toggl and into the vault; it is
 * never handed back to the renderer, logged, or written anywhere else. Signing in asks
 * `GET /me?with_related_data=true` once: the answer that checks the token is also the list,
 * so the user's first hour starts with one `/me` request spent, not two.
 */
export class SessionService {
  private view: SessionView;
  /** Saving a refusal to the profile; verify() waits for it so a restart sees it. */
  private refusal: Promise<void> = Promise.resolve();

  constructor(private readonly options: SessionOptions) {
    this.view = { status: 'signed-out', user: null, reason: null, vault: options.vault.description };
    // A refusal of the stored token anywhere (sync, refresh) sends the user to sign in.
    options.api.http.onSignedOut(() => {
      this.refusal = this.markRefused().catch((error: unknown) => {
        options.log.error('session: could not save the refusal', { error });
      });
    });
  }

  current(): SessionView {
    return this.view;
  }

  /** At start-up: a stored token and profile open straight into the main view, with no request. */
  async restore(): Promise<SessionView> {
    const { vault, profile, apiUrl, api, log } = this.options;
    let token: string | null;
    try {
      token = await vault.get();
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      log.warn('session: the keychain is unavailable', { message: error.message });
      return this.update({ status: 'signed-out', user: null, reason: error.message });
    }
    const saved = await profile.read(apiUrl);
    if (!token) {
      if (saved) await profile.delete();
      return this.update({ status: 'signed-out', user: null, reason: null });
    }
    api.setCredentials({ token });
    if (saved?.refusedReason)
      return this.update({ status: 'needs-sign-in', user: saved.user, reason: saved.refusedReason });
    if (saved) return this.update({ status: 'signed-in', user: saved.user, reason: null });
    // A token without a profile (first start after an update): ask Toggl who it belongs to.
    this.update({ status: 'signed-in', user: null, reason: null });
    try {
      return await this.verify();
    } catch (error) {
      log.warn('session: could not check the token at start-up', { error: String(error) });
      return this.view;
    }
  }

  async signInWithToken(token: string, discardPending = false): Promise<SessionView> {
    const trimmed = token.trim();
    if (!TOKEN_SHAPE.test(trimmed)) {
      throw new UserFacingError(
        'refused',
        'That does not look like a Toggl API token: it is a string of letters and digits, found at the bottom of your Toggl Profile page.',
      );
    }
    const me = await this.fetchMe({ token: trimmed }, 'this API token');
    return this.complete(trimmed, me, discardPending);
  }

  async signInWithPassword(email: string, password: string, discardPending = false): Promise<SessionView> {
    if (!EMAIL_SHAPE.test(email.trim()))
      throw new UserFacingError('refused', 'Enter the email address of your Toggl account.');
    if (password === '') throw new UserFacingError('refused', 'Enter your Toggl password.');
    // The password is used for this one request and kept nowhere; only the token is stored.
    const me = await this.fetchMe({ email: email.trim(), password }, 'this email and password');
    const token = (me.root as Partial<TogglMeWithRelated> | null)?.api_token;
    if (!token) {
      me.close();
      throw new UserFacingError(
        'toggl',
        'Toggl signed you in but sent no API token. Sign in with the token from your Profile page instead.',
      );
    }
    return this.complete(token, me, discardPending);
  }

  /** GET /me with the stored token: refreshes the user, or finds the token refused. */
  async verify(): Promise<SessionView> {
    if (this.view.status === 'signed-out') return this.view;
    try {
      const me = await this.options.api.getMe();
      const user = toUser(me);
      await this.options.profile.write({ apiUrl: this.options.apiUrl, user, refusedReason: null });
      return this.update({ status: 'signed-in', user, reason: null });
    } catch (error) {
      // Offline, quota or a Toggl outage never sign anyone out; the caller hears why.
      if (error instanceof TogglApiError && error.kind === 'signed-out') {
        await this.refusal;
        return this.view;
      }
      throw error;
    }
  }

  async signOut(discardPending: boolean): Promise<SignOutResponse> {
    const pending = this.options.pendingChanges?.() ?? 0;
    if (pending > 0 && !discardPending) return { signedOut: false, pendingChanges: pending };
    try {
      await this.options.vault.delete();
    } catch (error) {
      if (error instanceof VaultError) throw keychainError(error);
      throw error;
    }
    this.options.api.setCredentials(undefined);
    await this.options.onSignOut?.();
    await this.options.profile.delete();
    this.update({ status: 'signed-out', user: null, reason: null });
    this.options.log.info('session: signed out');
    return { signedOut: true };
  }

  private async fetchMe(credentials: Credentials, what: string): Promise<PiecedJson> {
    try {
      // Someone is waiting at the sign-in form: one quick retry, then say what is wrong.
      return await this.options.api.loadMeWithRelatedData({ credentials, retries: 1 });
    } catch (error) {
      if (error instanceof TogglApiError && error.kind === 'signed-out') {
        const said = error.serverMessage ? ` (Toggl said: ${error.serverMessage})` : '';
        throw new UserFacingError(
          'toggl',
          `Toggl did not accept ${what}${said}. Check it and try again.`,
          'signed-out',
        );
      }
      throw error;
    }
  }

  /** Signs in with the answer that checked the credentials; the load takes the answer in (or it is closed). */
  private async complete(token: string, me: PiecedJson, discardPending: boolean): Promise<SessionView> {
    let handedOver = false;
    try {
      const user = toUser(me.root);
      await this.guardOtherAccountsQueue(user, discardPending);
      try {
        await this.options.vault.set(token);
      } catch (error) {
        if (error instanceof VaultError) throw keychainError(error);
        throw error;
      }
      this.options.api.setCredentials({ token });
      await this.options.profile.write({ apiUrl: this.options.apiUrl, user, refusedReason: null });
      this.options.log.info('session: signed in', { userId: user.id });
      const view = this.update({ status: 'signed-in', user, reason: null });
      const load = this.options.onSignIn?.(me);
      handedOver = load !== undefined;
      load?.catch((error: unknown) => this.options.log.error('session: loading data failed', { error }));
      return view;
    } finally {
      if (!handedOver) me.close();
    }
  }

  /**
   * Changes queued as another account must not be dropped without asking: signing in as
   * someone else is refused until the user agrees, then they go (with that account's list).
   */
  private async guardOtherAccountsQueue(user: SessionUser, discardPending: boolean): Promise<void> {
    const queued = this.options.queuedFor?.() ?? { userId: null, count: 0 };
    if (queued.count === 0 || queued.userId === null || queued.userId === user.id) return;
    if (discardPending) {
      this.options.log.info('session: another account signs in; the queued changes were discarded', {
        count: queued.count,
      });
      await this.options.onSignOut?.();
      return;
    }
    const one = queued.count === 1;
    const [changes, are, them] = one ? ['1 change', 'is', 'it'] : [`${queued.count} changes`, 'are', 'them'];
    throw new UserFacingError(
      'refused',
      `${changes} made with another Toggl account ${are} still waiting to be sent. ` +
        `Signing in as ${user.fullname || user.email} discards ${them}; ` +
        `sign in with the other account to send ${them} instead.`,
      undefined,
      'discard-pending',
    );
  }

  private async markRefused(): Promise<void> {
    if (this.view.status !== 'signed-in') return;
    this.options.log.warn('session: Toggl refused the stored token');
    const user = this.view.user;
    this.update({ status: 'needs-sign-in', user, reason: REFUSED_REASON });
    if (user) await this.options.profile.write({ apiUrl: this.options.apiUrl, user, refusedReason: REFUSED_REASON });
  }

  private update(next: Omit<SessionView, 'vault'>): SessionView {
    this.view = { ...next, vault: this.options.vault.description };
    this.options.events.emit('session.changed', this.view);
    return this.view;
  }
}
