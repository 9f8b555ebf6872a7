import type { DataState } from './data-state.svelte';

/** What the tree reads of the list and does to it: DataState, or the warm-up's rehearsal of it (rehearsal-list.svelte.ts). */
export type TreeData = Pick<
  DataState,
  'rows' | 'selectedKey' | 'picked' | 'searched' | 'view' | 'selected' | 'renamedFrom' | 'move' | 'toggle' | 'moveTo'
>;
