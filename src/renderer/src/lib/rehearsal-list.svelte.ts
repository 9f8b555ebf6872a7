import { SvelteSet } from 'svelte/reactivity';
import type { DataView } from '../../../shared/entities';
import { NO_ROWS, type RowList } from './list/row-list';
import type { TreeData } from './tree-data';

/** Shows a warm-up key's rows in a tree nobody sees, and takes that tree away again (list-rehearsal.ts). */
export interface ListRehearsal {
  show(rows: RowList, searched: string): void;
  end(): void;
}

/**
 * The rows an idle warm-up key made, for a tree nobody sees (list-rehearsal.ts): nothing is
 * selected, picked or waiting to be sent, and nothing it is asked to do changes anything.
 */
export class RehearsalList implements TreeData {
  rows = $state.raw<RowList>(NO_ROWS);
  searched = $state('');
  selectedKey: string | null = null;
  readonly picked = new SvelteSet<string>();
  readonly view: DataView | null = null;
  readonly selected = null;
  renamedFrom(): undefined {
    return undefined;
  }
  move(): void {}
  toggle(): void {}
  moveTo(): void {}
}
