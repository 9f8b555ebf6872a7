import type { Api } from '../../../preload/api';
import type { OutboxEntryView } from '../../../shared/entities';
import type { IpcError, IpcResult } from '../../../shared/ipc-result';
import type { DataState } from './data-state.svelte';
import type { ProjectCreate, ProjectSave, TaskCreate, TaskSave } from './list/actions';
import type { Row } from './list/tree';

/** A create's answer as the forms take it: null when it is queued, else the refusal. */
const refusalOf = (made: { id: number } | string): string | null => (typeof made === 'string' ? made : null);

export interface UndoOffer {
  message: string;
  undo: () => Promise<void>;
}

/**
 * What the user does to projects and tasks, as the popover asks main for it. Components call
 * these methods; none of them reaches the IPC bridge itself.
 */
export class DataCommands {
  /** The last refusal of a command, shown in an alert. */
  error = $state<IpcError | null>(null);
  readonly #api: Api;
  readonly #list: DataState;

  constructor(api: Api, list: DataState) {
    this.#api = api;
    this.#list = list;
  }

  /** Runs a command; a refusal lands in `error` (shown in an alert) and answers false. */
  async #run<T>(call: () => Promise<IpcResult<T>>): Promise<T | undefined> {
    const result = await call();
    if (!result.ok) {
      this.error = result.error;
      return undefined;
    }
    this.error = null;
    return result.value;
  }

  /** Creates or edits a project; answers Toggl's or our refusal in words, or null when it is queued. */
  async saveProject(save: ProjectSave): Promise<string | null> {
    if ('create' in save) return refusalOf(await this.createProject(save.create));
    const result = await this.#api.invoke('projects.update', save.update);
    return result.ok ? null : result.error.message;
  }

  /** Creates a project and selects it: its (temporary) id, or the refusal in words. */
  async createProject(create: ProjectCreate): Promise<{ id: number } | string> {
    const result = await this.#api.invoke('projects.create', create);
    if (!result.ok) return result.error.message;
    this.#list.selectedKey = `p:${result.value.id}`;
    return result.value;
  }

  async saveTask(save: TaskSave): Promise<string | null> {
    if ('create' in save) return refusalOf(await this.createTask(save.create));
    const result = await this.#api.invoke('tasks.update', save.update);
    return result.ok ? null : result.error.message;
  }

  /** Creates a task and selects it, its project opened: its (temporary) id, or the refusal in words. */
  async createTask(create: TaskCreate): Promise<{ id: number } | string> {
    const result = await this.#api.invoke('tasks.create', create);
    if (!result.ok) return result.error.message;
    this.#list.toggle(create.pid, true);
    this.#list.selectedKey = `t:${result.value.id}`;
    return result.value;
  }

  async remove(row: Row): Promise<void> {
    if (row.kind === 'project') await this.#run(() => this.#api.invoke('projects.delete', { id: row.project.id }));
    if (row.kind === 'task') await this.#run(() => this.#api.invoke('tasks.delete', { id: row.task.id }));
  }

  /**
   * Archives or restores projects, marks tasks done or not: one call per kind. Answers what
   * to offer as Undo for each call that went through.
   */
  async setActive(rows: Row[], active: boolean): Promise<UndoOffer[]> {
    const undos: UndoOffer[] = [];
    const projects = rows.flatMap((row) => (row.kind === 'project' ? [row.project] : []));
    const tasks = rows.flatMap((row) => (row.kind === 'task' ? [row.task] : []));
    if (projects.length > 0) {
      const ids = projects.map((project) => project.id);
      await this.#run(() => this.#api.invoke('projects.setActive', { ids, active }));
      if (this.error === null) {
        const what = ids.length === 1 ? `“${projects[0]?.name ?? ''}”` : `${ids.length} projects`;
        undos.push({
          message: `${active ? 'Restored' : 'Archived'} ${what}.`,
          undo: async () => {
            await this.#run(() => this.#api.invoke('projects.setActive', { ids, active: !active }));
          },
        });
      }
    }
    if (tasks.length > 0) {
      const ids = tasks.map((task) => task.id);
      await this.#run(() => this.#api.invoke('tasks.setActive', { ids, active }));
      if (this.error === null) {
        const what = ids.length === 1 ? `“${tasks[0]?.name ?? ''}”` : `${ids.length} tasks`;
        undos.push({
          message: `Marked ${what} ${active ? 'not done' : 'done'}.`,
          undo: async () => {
            await this.#run(() => this.#api.invoke('tasks.setActive', { ids, active: !active }));
          },
        });
      }
    }
    this.#list.picked.clear();
    return undos;
  }

  retry(entry: OutboxEntryView): Promise<unknown> {
    return this.#run(() => this.#api.invoke('outbox.retry', { entryId: entry.id }));
  }

  discard(entry: OutboxEntryView): Promise<unknown> {
    return this.#run(() => this.#api.invoke('outbox.discard', { entryId: entry.id }));
  }

  /** Drops a queued change that could not be read back from disk. */
  discardDamaged(id: string): Promise<unknown> {
    return this.#run(() => this.#api.invoke('outbox.discardDamaged', { id }));
  }

  resolve(entry: OutboxEntryView, keep: 'mine' | 'theirs'): Promise<unknown> {
    return this.#run(() => this.#api.invoke('outbox.resolve', { entryId: entry.id, keep }));
  }

  /** Runs `onShown` when main says the popover was shown, and Refresh from the tray menu. */
  listenShown(onShown: () => void): () => void {
    const offShown = this.#api.on('popover.shown', onShown);
    const offMenu = this.#api.on('menu.command', ({ command }) => {
      if (command === 'refresh') void this.refresh();
    });
    return () => {
      offShown();
      offMenu();
    };
  }

  opened(): void {
    void this.#api.invoke('sync.opened');
  }

  refresh(): Promise<unknown> {
    return this.#api.invoke('sync.refresh');
  }
}
