import type { Api } from '../../../preload/api';
import type { IpcResult } from '../../../shared/ipc-result';
import type { MemberRates, RateModes } from '../../../shared/member-rates';

/**
 * Who is on a project, as the Members dialog asks main for it: load the workspace's people,
 * add or remove a member or a group, make a member manager, set their rates. A refusal is kept
 * in `error`.
 */
export class TeamCommands {
  error = $state<string | null>(null);
  /** A workspace's people are being fetched (the dialog says so). */
  loading = $state(false);
  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async #run<T>(call: () => Promise<IpcResult<T>>): Promise<void> {
    const result = await call();
    this.error = result.ok ? null : result.error.message;
  }

  async open(wid: number): Promise<void> {
    this.loading = true;
    await this.#run(() => this.#api.invoke('team.open', { wid }));
    this.loading = false;
  }

  addMember = (pid: number, uid: number) => this.#run(() => this.#api.invoke('members.add', { pid, uid }));
  setManager = (id: number, manager: boolean) =>
    this.#run(() => this.#api.invoke('members.setManager', { id, manager }));
  setRates = (id: number, rates: Partial<MemberRates> & RateModes) =>
    this.#run(() => this.#api.invoke('members.setRates', { id, ...rates }));
  removeMember = (id: number) => this.#run(() => this.#api.invoke('members.remove', { id }));
  addGroup = (pid: number, groupId: number) => this.#run(() => this.#api.invoke('groups.add', { pid, groupId }));
  removeGroup = (id: number) => this.#run(() => this.#api.invoke('groups.remove', { id }));
}
