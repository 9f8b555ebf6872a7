import type { Row } from './tree';

/** The list as rows by position (row-list.ts makes them as they are looked at). */
export interface RowSequence {
  readonly length: number;
  at(index: number): Row | undefined;
  /** The position of the row with this key, or -1. */
  indexOf(key: string): number;
}

const isItem = (row: Row | undefined): row is Row => row?.kind === 'project' || row?.kind === 'task';

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
 * Where the selection goes when `leaving` rows leave the list: to the row after the selected
 * one when that leaves, else after the last row that leaves (the one acted on); to the row
 * before when none after stays; null when no row stays (unchanged when none of them is listed).
 * `rows` is the list as it was before they left (once they are gone, where they were is not
 * known). Only the rows around them are looked at, never the whole list.
 */
export function selectionAfter(rows: RowSequence, selectedKey: string | null, leaving: readonly Row[]): string | null {
  const leaves = leavingWith(leaving);
  const selected = selectedKey === null ? -1 : rows.indexOf(selectedKey);
  const selectedRow = selected >= 0 ? rows.at(selected) : undefined;
  const from =
    selectedRow && leaves(selectedRow) ? selected : Math.max(-1, ...leaving.map((row) => rows.indexOf(row.key)));
  if (from < 0) return selectedKey;
  for (let index = from + 1; index < rows.length; index++) {
    const row = rows.at(index);
    if (isItem(row) && !leaves(row)) return row.key;
  }
  for (let index = from - 1; index >= 0; index--) {
    const row = rows.at(index);
    if (isItem(row) && !leaves(row)) return row.key;
  }
  return null;
}
