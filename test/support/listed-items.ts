import type { DataState, Item } from '../../src/renderer/src/lib/data-state.svelte';

/** The projects and tasks the list shows, in order: every row made at once (the popover makes only those on screen). */
export const listedItems = (list: DataState): Item[] =>
  [...list.rows].filter((row): row is Item => row.kind === 'project' || row.kind === 'task');
