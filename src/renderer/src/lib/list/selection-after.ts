import type { Row } from './tree';

/**
 * Which rows leave the list with `rows` (archived or done out of sight, deleted): those rows,
 * and a leaving project's tasks with it.
 */
export function leavingWith(rows: readonly Row[]): (row: Row) => boolean {
  const keys = new Set(rows.map((row) => row.key));
  const projects = new Set(rows.flatMap((row) => (row.kind === 'project' ? [row.project.id] : [])));
  return (row) => keys.has(row.key) || (row.kind === 'task' && projects.has(row.project.id));
}

/**
 * Where the selection goes when rows leave the list: to the row after the selected one when
 * that leaves, else after the last row that leaves (the one acted on); to the row before when
 * none after stays; null when no row stays (unchanged when none of them is listed). `items` is the list as it was before they left
 * (once they are gone, where they were is not known).
 */
export function selectionAfter(
  items: readonly Row[],
  selectedKey: string | null,
  leaves: (row: Row) => boolean,
): string | null {
  const selected = items.findIndex((row) => row.key === selectedKey);
  const selectedLeaves = selected >= 0 && leaves(items[selected] as Row);
  const from = selectedLeaves ? selected : items.findLastIndex(leaves);
  if (from < 0) return selectedKey;
  for (let index = from + 1; index < items.length; index++) {
    const row = items[index];
    if (row && !leaves(row)) return row.key;
  }
  for (let index = from - 1; index >= 0; index--) {
    const row = items[index];
    if (row && !leaves(row)) return row.key;
  }
  return null;
}
