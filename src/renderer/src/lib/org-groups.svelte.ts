import type { Api } from '../../../preload/api';
import type { CachedWorkspace, OrgGroupChanges, OutboxEntryView, ViewOrganization } from '../../../shared/entities';
import type { IpcResult } from '../../../shared/ipc-result';

/** What a group's row in Settings opens a dialog for. */
export type GroupAction = 'rename' | 'people' | 'workspaces' | 'delete';

/** The list key of an organization group (main's changes/org-group-cache.ts). */
export const groupKey = (id: number): string => `og:${id}`;

type ViewRest = { organizations: ViewOrganization[]; workspaces: CachedWorkspace[]; outbox: OutboxEntryView[] };

/**
 * Settings' "Groups": the user's organizations and their groups as queued (an offline change
 * shows at once), the queued changes of them, and the commands. Main decides who may change
 * what (`groupsLock`) and checks it again; a refusal is kept in `error`, in main's words.
 */
export class OrgGroupsState {
  organizations = $state.raw<ViewOrganization[]>([]);
  workspaces = $state.raw<CachedWorkspace[]>([]);
  /** Queued changes of groups: pending, or failed with Toggl's reason. */
  changes = $state.raw<OutboxEntryView[]>([]);
  /** Asking Toggl for them (Settings says so while none are kept). */
  loading = $state(false);
  /** Why they could not be loaded, or a command was refused. */
  error = $state<string | null>(null);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  /** What is kept shows at once; then main asks Toggl (at most hourly, and never while offline). */
  async load(): Promise<void> {
    const answer = await this.#api.invoke('data.view', { tasks: false, projects: false });
    if (answer.ok) this.#take(answer.value);
    this.loading = true;
    const opened = await this.#api.invoke('organization.openGroups');
    this.loading = false;
    this.error = opened.ok ? null : opened.error.message;
  }

  /** Follows the list's changes: the small rest of the view comes whole with each. */
  listen(): () => void {
    return this.#api.on('data.changed', (delta) => this.#take(delta.rest));
  }

  /** The queued change of a group, if one waits or was refused. */
  changeOf(id: number): OutboxEntryView | undefined {
    const key = groupKey(id);
    return this.changes.find((entry) => entry.targets.includes(key));
  }

  /** Answers whether main took it (else `error` says why). */
  async create(oid: number, name: string): Promise<boolean> {
    return this.#done(await this.#api.invoke('organization.createGroup', { oid, name }));
  }

  async update(id: number, changes: OrgGroupChanges): Promise<boolean> {
    return this.#done(await this.#api.invoke('organization.updateGroup', { id, changes }));
  }

  async remove(id: number): Promise<boolean> {
    const done = this.#done(await this.#api.invoke('organization.deleteGroup', { id }));
    // Gone from the list at once, so focus can move on before main's next view arrives.
    if (done)
      this.organizations = this.organizations.map((organization) => ({
        ...organization,
        groups: organization.groups.filter((group) => group.id !== id),
      }));
    return done;
  }

  retry(entry: OutboxEntryView): Promise<unknown> {
    return this.#api.invoke('outbox.retry', { entryId: entry.id });
  }

  discard(entry: OutboxEntryView): Promise<unknown> {
    return this.#api.invoke('outbox.discard', { entryId: entry.id });
  }

  /** Forgets a refusal shown in a dialog that closed. */
  clearError(): void {
    this.error = null;
  }

  #done(result: IpcResult<unknown>): boolean {
    this.error = result.ok ? null : result.error.message;
    return result.ok;
  }

  #take(view: ViewRest): void {
    this.organizations = view.organizations;
    this.workspaces = view.workspaces;
    this.changes = view.outbox.filter((entry) => entry.targets.some((key) => key.startsWith('og:')));
  }
}
