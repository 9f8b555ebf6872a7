import type { OutboxEntryView } from '../../../shared/entities';
import type { DataCommands, UndoOffer } from './data-commands.svelte';
import type { DataState } from './data-state.svelte';
import type { ProjectSave, TaskSave } from './list/actions';
import type { Row } from './list/tree';

export type Form =
  | { kind: 'project'; row?: Extract<Row, { kind: 'project' }> }
  | { kind: 'task'; row?: Extract<Row, { kind: 'task' }> }
  | { kind: 'delete'; row: Row }
  | { kind: 'conflict'; entry: OutboxEntryView }
  | { kind: 'members'; row: Extract<Row, { kind: 'project' }> };

const UNDO_MS = 6000;

/** The main view's own state: which dialog is open, its error, and the Undo toast. */
export class MainViewState {
  form = $state<Form | null>(null);
  formError = $state<string | null>(null);
  undo = $state<UndoOffer | null>(null);
  /** Where focus goes back to when a dialog closes. */
  tree = $state<HTMLDivElement>();
  searchInput = $state<HTMLInputElement>();
  readonly #list: DataState;
  readonly #commands: DataCommands;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(list: DataState, commands: DataCommands) {
    this.#list = list;
    this.#commands = commands;
  }

  open(form: Form): void {
    this.formError = null;
    this.form = form;
  }

  edit(row: Row): void {
    if (row.kind === 'project') this.open({ kind: 'project', row });
    else if (row.kind === 'task') this.open({ kind: 'task', row });
  }

  close(): void {
    this.form = null;
    this.formError = null;
    // Back to the list (or to the search box when nothing is listed).
    if (this.tree?.isConnected) this.tree.focus();
    else this.searchInput?.focus();
  }

  async saveProject(save: ProjectSave): Promise<void> {
    this.formError = await this.#commands.saveProject(save);
    if (this.formError === null) this.close();
  }

  async saveTask(save: TaskSave): Promise<void> {
    this.formError = await this.#commands.saveTask(save);
    if (this.formError === null) this.close();
  }

  async confirmDelete(row: Row): Promise<void> {
    await this.#commands.remove(row);
    this.close();
  }

  resolve(entry: OutboxEntryView, keep: 'mine' | 'theirs'): void {
    void this.#commands.resolve(entry, keep);
    this.close();
  }

  /** Archive/restore or done/undone, with the last one offered as Undo for a few seconds. */
  async setActive(rows: Row[], active: boolean): Promise<void> {
    for (const offer of await this.#commands.setActive(rows, active)) this.#offerUndo(offer);
  }

  /** The selected rows (or the picked ones) flipped: archive what is active, restore what is not. */
  toggleActive(): void {
    const list = this.#list;
    if (!list.selected) return;
    const rows = list.picked.size > 0 ? list.pickedRows : [list.selected];
    const first = rows[0];
    const active =
      first?.kind === 'project' ? !first.project.active : first?.kind === 'task' ? !first.task.active : false;
    void this.setActive(rows, active);
  }

  takeUndo(): void {
    void this.undo?.undo();
    this.undo = null;
  }

  #offerUndo(offer: UndoOffer): void {
    clearTimeout(this.#undoTimer);
    this.undo = offer;
    this.#undoTimer = setTimeout(() => (this.undo = null), UNDO_MS);
  }
}
