// What e2e/web/list-compiled-code.spec.ts bundles for the page: a large list, and a key typed
// on it as the list types one (the search, its matches, the rows of the first screen).
import { indexView } from '../../../src/renderer/src/lib/list/search';
import { taskWords } from '../../../src/renderer/src/lib/list/task-words';
import { prepareView } from '../../../src/renderer/src/lib/list/tree';
import { typeKey, warmUpKeys, type WarmUpList } from '../../../src/renderer/src/lib/list/warm-up';
import { largeView } from '../../../test/support/large-view';

export function largeList(projects: number, tasks: number): WarmUpList {
  const view = largeView(projects, tasks);
  const [prepared, index] = [prepareView(view), indexView(view)];
  return { view, prepared, index, words: taskWords(index, prepared) };
}

export { typeKey, warmUpKeys };
export { matchesFor } from '../../../src/renderer/src/lib/list/query-matches';
export { RowList } from '../../../src/renderer/src/lib/list/row-list';
export { TreeLayout } from '../../../src/renderer/src/lib/list/tree-layout';
