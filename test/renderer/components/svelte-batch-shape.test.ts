// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listRehearsal } from '../../../src/renderer/src/components/list/list-rehearsal';
import { indexView } from '../../../src/renderer/src/lib/list/search';
import { prepareView } from '../../../src/renderer/src/lib/list/tree';
import { typeKey } from '../../../src/renderer/src/lib/list/warm-up';
import { keptObjects } from '../../../src/shared/keep-shape';
import { largeView } from '../../support/large-view';
import { spyRowActions } from '../../support/row-actions';

const actions = spyRowActions();

beforeEach(() => {
  // The CSS Custom Highlight API, which happy-dom lacks (the rows highlight a search's words).
  vi.stubGlobal('Highlight', Set);
  vi.stubGlobal('StaticRange', Object);
  vi.stubGlobal('CSS', { highlights: new Map() });
});
afterEach(() => vi.unstubAllGlobals());

describe("Svelte's batch shape", () => {
  it('is kept by the list once its rows update: an empty batch of the same class, not the update’s own', () => {
    const view = largeView(100, 1_000);
    const list = { view, prepared: prepareView(view), index: indexView(view), words: undefined };
    const rehearsal = listRehearsal(actions, () => null, document.createElement('div'));
    const batches = () => keptObjects().filter((object) => object.constructor.name === 'Batch');
    try {
      // The alias reaches the module Svelte's runtime uses (the same `current_batch`), or no batch would be seen.
      const first = typeKey(list, { text: 'a', mine: false }, null);
      rehearsal.show(first.rows ?? expect.unreachable(), 'a');
      const next = typeKey(list, { text: view.projects[0]?.name ?? expect.unreachable(), mine: false }, first.query);
      rehearsal.show(next.rows ?? expect.unreachable(), 'b');
      expect(batches()).toHaveLength(1);
      // Never run: it holds no signal's value (an update's batch holds the values it changed).
      const [kept] = batches() as { current: Map<unknown, unknown>; previous: Map<unknown, unknown> }[];
      expect(kept?.current.size).toBe(0);
      expect(kept?.previous.size).toBe(0);
    } finally {
      rehearsal.end();
    }
  });
});
