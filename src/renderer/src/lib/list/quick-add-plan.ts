import type { DataView } from '../../../../shared/entities';
import { planQuickAdd, type QuickAddPlan } from '../../../../shared/quick-add/plan';
import type { SearchIndex } from './search';
import type { PreparedView } from './tree';

/**
 * What a quick-add line will do in the list as loaded: its `@` words matched on the list's own
 * index, a project's tasks read from the prepared view. The preview (quick-add.svelte.ts) and
 * the idle warm-up (warm-up.ts) both plan through here, so the warm-up compiles the code a
 * person's first quick-add runs.
 */
export function planInList(
  list: { view: DataView; index: SearchIndex | null; prepared: PreparedView | null },
  line: string,
  workspaceId: number | null,
): QuickAddPlan | null {
  const { view, index, prepared } = list;
  const tasksOf = prepared ? (id: number) => prepared.tasks.get(id) ?? [] : undefined;
  // A new project goes where the New project button puts one (shared/rights.ts).
  return planQuickAdd({ ...view, index, tasksOf }, line, { workspaceId });
}
