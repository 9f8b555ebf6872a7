import type { OutboxEntryView } from '../../../shared/entities';
import type { DataCommands, UndoOffer } from './data-commands.svelte';
import type { DataState } from './data-state.svelte';
import { focusOn } from './focus';
import type { ProjectSave, TaskSave } from './list/actions';
import { selectionAfter } from './list/selection-after';
import type { Row } from './list/tree';

export type Form =
  | { kind: 'project'; row?: Extract<Row, { kind: 'project' }> }
  | { kind: 'task'; row?: Extract<Row, { kind: 'task' }> }
  | { kind: 'delete'; row: Row }
  | { kind: 'conflict'; entry: OutboxEntryView }
  | { kind: 'members'; row: Extract<Row, { kind: 'project' }> }
  /** The running entry's description, project and task. */
  | { kind: 'entry'; id: number };

const UNDO_MS = 6000;

/** The main view's own state: which dialog is open, its error, and the Undo toast. */
export class MainViewState {
  form = $state<Form | null>(null);
  formError = $state<string | null>(null);
  undo = $state<UndoOffer | null>(null);
  /** Where focus goes when what had it is gone (a row, a dialog and its opener): the tree, or the search box. */
  tree = $state<HTMLDivElement>();
  searchInput = $state<HTMLInputElement>();
  /** The Undo toast while it shows: focus on its button must not go with it. */
  toast = $state<HTMLElement>();
  readonly #list: DataState;
  readonly #commands: DataCommands;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where focus goes when the dialog closes instead of its opener, which went with its row (or is about to). */
  #focusOnClose: 'list' | 'search' | null = null;

  constructor(list: DataState, commands: DataCommands) {
    this.#list = list;
    this.#commands = commands;
  }

  open(form: Form): void {
    this.formError = null;
    this.#focusOnClose = null;
    this.form = form;
  }

  edit(row: Row): void {
    if (row.kind === 'project') this.open({ kind: 'project', row });
    else if (row.kind === 'task') this.open({ kind: 'task', row });
  }

  /** Closes the dialog; it puts focus back as it goes (returnFocus). */
  close(): void {
    this.form = null;
    this.formError = null;
  }

  /**
   * Where focus goes once a dialog is gone: back to what opened it, unless that went with the
   * row the dialog acted on, or cannot take focus any more; then to the list.
   */
  returnFocus(opener: HTMLElement | null): void {
    const instead = this.#focusOnClose;
    this.#focusOnClose = null;
    if (instead === 'search') this.searchInput?.focus();
    else if (instead === 'list' || !(opener && focusOn(opener))) this.focusList();
  }

  /** Focus on the list (its selected row), or on the search box when nothing is listed. */
  focusList(): void {
    const tree = this.tree;
    if (this.#list.rows.length > 0 && tree && focusOn(tree)) return;
    this.searchInput?.focus();
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
    const before = this.#list.rows;
    await this.#commands.remove(row);
    if (this.#commands.error === null) {
      this.#list.selectedKey = selectionAfter(before, this.#list.selectedKey, [row]);
      // The row may still be listed until main's change arrives: whether any is left is known now.
      this.#focusOnClose = this.#list.selectedKey === null ? 'search' : 'list';
    }
    this.close();
  }

  resolve(entry: OutboxEntryView, keep: 'mine' | 'theirs'): void {
    void this.#commands.resolve(entry, keep);
    // The Resolve button that opened it goes with the conflict.
    this.#focusOnClose = 'list';
    this.close();
  }

  /**
   * Archive/restore or done/undone, with the last one offered as Undo for a few seconds. Rows
   * that leave the list take neither the selection nor focus with them: both go to the next row.
   */
  async setActive(rows: Row[], active: boolean): Promise<void> {
    const before = this.#list.rows;
    const leaving = active ? [] : rows.filter((row) => this.#hiddenWhenInactive(row));
    const offers = await this.#commands.setActive(rows, active);
    for (const offer of offers) this.#offerUndo(offer);
    if (offers.length === 0 || leaving.length === 0) return;
    // Read now, not before the call: a click on a row's Archive button selects that row on its way up.
    this.#list.selectedKey = selectionAfter(before, this.#list.selectedKey, leaving);
    const search = this.searchInput;
    if (this.#list.selectedKey === null) search?.focus();
    // Ctrl/Cmd+E typed in the search box leaves focus there; anywhere else it could be lost with the row.
    else if (search?.ownerDocument.activeElement !== search) this.focusList();
  }

  /** An archived project is out of sight unless "Show archived" is on; a done task unless "Show done tasks". */
  #hiddenWhenInactive(row: Row): boolean {
    return row.kind === 'project' ? !this.#list.showArchived : row.kind === 'task' && !this.#list.showDone;
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
    this.#dropUndo();
  }

  /** The toast goes (taken, or its time is up); focus on its button goes to the list, not the body. */
  #dropUndo(): void {
    const toast = this.toast;
    const focused = toast?.contains(toast.ownerDocument.activeElement) ?? false;
    this.undo = null;
    if (focused) this.focusList();
  }

  #offerUndo(offer: UndoOffer): void {
    clearTimeout(this.#undoTimer);
    this.undo = offer;
    this.#undoTimer = setTimeout(() => this.#dropUndo(), UNDO_MS);
  }
}
