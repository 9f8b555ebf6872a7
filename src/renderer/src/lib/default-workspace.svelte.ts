import type { Api } from '../../../preload/api';
import type { CachedWorkspace, OutboxEntryView } from '../../../shared/entities';

/** The list key of the user's own settings (main's changes/default-workspace.ts). */
const ME_KEY = 'u:me';

/**
 * Settings' "Default workspace": the user's workspaces and their default as queued (so an
 * offline choice shows at once), and that choice's change while it waits or was refused.
 * Reads the list without its projects and tasks (a few hundred bytes on any account).
 */
export class DefaultWorkspaceState {
  workspaces = $state.raw<CachedWorkspace[]>([]);
  /** The default as the user last chose it (queued or Toggl's); null when Toggl has none. */
  chosen = $state<number | null>(null);
  /** The queued change of it, while there is one (pending, or failed with Toggl's reason). */
  change = $state.raw<OutboxEntryView | null>(null);
  /** A choice main refused (no workspace of the account, a full disk), in its words. */
  error = $state<string | null>(null);
  loaded = $state(false);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const answer = await this.#api.invoke('data.view', { tasks: false, projects: false });
    if (answer.ok) this.#take(answer.value);
    this.loaded = true;
  }

  /** Follows the list's changes: the small rest of the view comes whole with each. */
  listen(): () => void {
    return this.#api.on('data.changed', (delta) => this.#take(delta.rest));
  }

  async choose(wid: number): Promise<void> {
    const before = this.chosen;
    // Shown at once; main's answer (and the next data.changed) confirms it.
    this.chosen = wid;
    const result = await this.#api.invoke('me.setDefaultWorkspace', { wid });
    this.error = result.ok ? null : result.error.message;
    if (!result.ok) this.chosen = before;
  }

  retry(): Promise<unknown> {
    return this.change ? this.#api.invoke('outbox.retry', { entryId: this.change.id }) : Promise.resolve();
  }

  discard(): Promise<unknown> {
    return this.change ? this.#api.invoke('outbox.discard', { entryId: this.change.id }) : Promise.resolve();
  }

  #take(view: {
    user: { defaultWorkspaceId: number | null } | null;
    workspaces: CachedWorkspace[];
    outbox: OutboxEntryView[];
  }): void {
    this.workspaces = view.workspaces;
    this.chosen = view.user?.defaultWorkspaceId ?? null;
    this.change = view.outbox.find((entry) => entry.targets.includes(ME_KEY)) ?? null;
  }
}
