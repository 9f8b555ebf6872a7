import type { DataState } from './data-state.svelte';
import type { MainViewState } from './main-view-state.svelte';
import type { QuickAddState } from './quick-add.svelte';

export interface KeyboardTargets {
  list: DataState;
  ui: MainViewState;
  newProject: () => void;
  newTask: () => void;
  /** Ctrl/Cmd+Enter: start a timer on the selected row, or stop the one running on it. */
  toggleTimer: () => void;
  /** The search box's `+…` line: Enter makes it, Shift+Enter starts a timer on it too, Tab completes its `@` part. */
  quickAdd: QuickAddState;
}

/**
 * The main view's keyboard map (README, "Using the popover"): Ctrl/Cmd+N, +T, +E, +M, +Enter, "/",
 * typing to search, ↓ from the search box into the list, Escape to clear; in the search box,
 * Enter and Shift+Enter on a quick-add, and Tab in its `@` part (README, "Quick add").
 */
export function listKeydown({
  list,
  ui,
  newProject,
  newTask,
  toggleTimer,
  quickAdd,
}: KeyboardTargets): (event: KeyboardEvent) => void {
  return (event) => {
    if (ui.form) return;
    const mod = event.ctrlKey || event.metaKey;
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    const key = event.key.toLowerCase();
    const search = ui.searchInput;
    const quickAdding = event.target === search && quickAdd.plan !== null;
    if (mod && key === 'n') newProject();
    else if (mod && key === 't') newTask();
    else if (mod && key === 'e' && list.selected) ui.toggleActive();
    // Plain letters go to the search box: the timer takes the modifier and Enter.
    else if (mod && event.key === 'Enter' && list.selected) toggleTimer();
    else if (mod && key === 'm' && list.selected) {
      const selected = list.selected;
      const row = selected.kind === 'task' ? list.row(`p:${selected.project.id}`) : selected;
      if (row?.kind === 'project') ui.open({ kind: 'members', row });
    } else if (quickAdding && event.key === 'Enter' && !mod && !event.altKey && !event.isComposing)
      void quickAdd.submit(event.shiftKey);
    // Tab takes the @ part's completion where there is one; otherwise it moves focus as always.
    else if (quickAdding && event.key === 'Tab' && !mod && !event.shiftKey && quickAdd.complete(search)) {
      /* taken */
    } else if (!inField && event.key === '/') search?.focus();
    else if (event.target === search && event.key === 'ArrowDown') {
      // A search shows its best hit first, and the list from there (ProjectTree): ↓ goes to it.
      // Selected before the tree takes focus, which selects the first row when none is.
      if (list.searched.trim() !== '') list.moveTo('first');
      else list.move(1);
      ui.tree?.focus();
    } else if (event.key === 'Escape' && event.target === search && list.query !== '') list.clearSearch();
    else if (event.key === 'Escape' && list.picked.size > 0) list.picked.clear();
    else if (!inField && !mod && !event.altKey && event.key.length === 1 && event.key !== ' ') {
      // Typing anywhere in the list goes to the search box.
      search?.focus();
      return;
    } else return;
    event.preventDefault();
  };
}
