/**
 * Which of the tree's slots shows each place of its window (ProjectTree.svelte). A slot is
 * given a residue r and shows the one place of the window [first, first + size) that is r
 * modulo size, so a scroll hands a slot places `size` apart and leaves the others alone.
 * Which residue a slot has may change only when a new list comes (a key, a project opened or
 * archived, a sync), and is chosen here so that the page changes least:
 * - a row still in the window keeps the slot that shows it: it only moves (its `top`), with
 *   nothing to read or write again (a key that narrows a search mostly moves rows up);
 * - a new row takes a slot that shows a row of its kind, where one is free: a header, a
 *   project and a task each show and hide other elements.
 */

import type { Row } from './tree';

/** What placing needs to know of a row: which item it is, and its kind. */
export interface PlacedRow {
  key: string;
  kind: 'header' | 'project' | 'task';
}

/**
 * The slot for each residue (an array as long as the pool).
 * @param previous the slot each residue had until now
 * @param order the residues in the order their places should choose: the screen's first
 * @param wanted the row each residue's place is to show, by residue (none past the list's end)
 * @param held the row each slot shows now, by slot (none if empty or hidden); slots past the
 * pool's size (a pool that shrank) are not placed
 */
export function placeSlots(
  previous: readonly number[],
  order: readonly number[],
  wanted: readonly (PlacedRow | undefined)[],
  held: readonly (PlacedRow | undefined)[],
): number[] {
  const size = previous.length;
  const slotOf: number[] = new Array<number>(size).fill(-1);
  const taken: boolean[] = new Array<boolean>(size).fill(false);
  const take = (residue: number, slot: number): void => {
    slotOf[residue] = slot;
    taken[slot] = true;
  };
  const showing = new Map<string, number>();
  held.forEach((row, slot) => {
    if (row && slot < size) showing.set(row.key, slot);
  });
  for (const residue of order) {
    const slot = showing.get(wanted[residue]?.key ?? '');
    if (slot !== undefined && !taken[slot]) take(residue, slot);
  }
  // A slot whose row stays is taken above; of the others, one showing a row of the same kind.
  for (const residue of order) {
    const kind = wanted[residue]?.kind;
    if (slotOf[residue] !== -1 || kind === undefined) continue;
    const own = previous[residue] ?? -1;
    const slot =
      !taken[own] && held[own]?.kind === kind
        ? own
        : held.findIndex((row, at) => at < size && !taken[at] && row?.kind === kind);
    if (slot !== -1) take(residue, slot);
  }
  for (const residue of order) {
    if (slotOf[residue] !== -1) continue;
    const own = previous[residue] ?? -1;
    take(residue, own !== -1 && !taken[own] ? own : taken.indexOf(false));
  }
  return slotOf;
}

/** A row as placing sees it (headers of both kinds show the same elements). */
export const placedRow = (row: Row | undefined): PlacedRow | undefined =>
  row && { key: row.key, kind: row.kind === 'project' || row.kind === 'task' ? row.kind : 'header' };

/** The residues of the window [first, first + size) in the order they choose: the screen's [from, to), then the rest. */
export function placingOrder(first: number, from: number, to: number, size: number): number[] {
  const order: number[] = [];
  for (let index = Math.max(first, from); index < Math.min(to, first + size); index++) order.push(index % size);
  for (let index = first; index < first + size; index++) if (index < from || index >= to) order.push(index % size);
  return order;
}
