// Chromium's V8 only: whether the list's compiled code outlives the keys that made it. V8
// checks an object's shape (its hidden class) in the code it compiles, and a shape lives only
// while some object has it: once the last object of a class made per key was collected, every
// function compiled with a check for it was thrown away, 30 to 45 of them at the first full
// collection after someone stopped typing, and their next keys ran uncompiled (20–30 ms instead
// of 8; docs/speed-history.md, 2026-12-05). Seeing compiled code takes V8's natives syntax, in
// the V8 the list runs in: the test lives here, beside search-index-strings.spec.ts.
import { expect, test } from '@playwright/test';
import { launchWithNatives, pageScript } from './support/page-script';

test('the list’s compiled code outlives the objects of the keys that made it', async () => {
  const browser = await launchWithNatives();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await pageScript('e2e/web/support/list-code-entry.ts', 'ListCode') });
    const compiled = await page.evaluate<Record<string, [boolean, boolean]>>(`(() => {
      // V8's OptimizationStatus: Chromium 156 sets 1 << 4 for Maglev's code and 1 << 5 for TurboFan's.
      const OPTIMIZED = (1 << 4) | (1 << 5);
      const optimized = (fn) => (%GetOptimizationStatus(fn) & OPTIMIZED) !== 0;
      const list = ListCode.largeList(1000, 10000);
      const keys = ListCode.warmUpKeys(list.view, false);
      // Every key as the list types it (its search, matches and rows): what the functions below run on.
      const typeAll = () => {
        let previous = null;
        for (const key of keys) previous = ListCode.typeKey(list, key, previous).query;
        return previous;
      };
      let probe = typeAll();
      let wide = ListCode.typeKey(list, keys[0], null).query;
      const prototypes = {
        QueryMatches: Object.getPrototypeOf(ListCode.matchesFor(list.prepared, wide, list.words)),
        HitMatches: Object.getPrototypeOf(ListCode.matchesFor(list.prepared, probe, list.words)),
        TokenQuery: Object.getPrototypeOf(probe),
        RowList: ListCode.RowList.prototype,
        TreeLayout: ListCode.TreeLayout.prototype,
      };
      const functions = {
        'QueryMatches.mark': prototypes.QueryMatches.mark,
        'HitMatches.mark': prototypes.HitMatches.mark,
        'TokenQuery.mark': prototypes.TokenQuery.mark,
        'RowList.kindAt': prototypes.RowList.kindAt,
        'TreeLayout.rank': prototypes.TreeLayout.rank,
      };
      // A class of the page's own, not kept: the check can see code thrown away.
      class Probe { #at; #next; constructor(at) { this.#at = at; this.#next = at + 1; } sum() { return this.#at + this.#next; } }
      const sumOf = (probe) => probe.sum();
      const probeRound = () => { let total = 0; for (let at = 0; at < 1000; at++) total += sumOf(new Probe(at)); return total; };
      functions['(control) a class nobody keeps'] = sumOf;
      for (const fn of Object.values(functions)) %PrepareFunctionForOptimization(fn);
      typeAll(); probeRound();
      for (const fn of Object.values(functions)) %OptimizeFunctionOnNextCall(fn);
      typeAll(); probeRound();
      const before = Object.fromEntries(Object.entries(functions).map(([name, fn]) => [name, optimized(fn)]));
      probe = null;
      wide = null;
      // Every object the keys made is let go, as when someone stops typing; the collections
      // that follow (V8 keeps an unused shape through two) find them gone.
      for (let at = 0; at < 6; at++) gc();
      return Object.fromEntries(Object.entries(functions).map(([name, fn]) => [name, [before[name], optimized(fn)]]));
    })()`);
    expect(compiled).toEqual({
      'QueryMatches.mark': [true, true],
      'HitMatches.mark': [true, true],
      'TokenQuery.mark': [true, true],
      'RowList.kindAt': [true, true],
      'TreeLayout.rank': [true, true],
      '(control) a class nobody keeps': [true, false],
    });
  } finally {
    await browser.close();
  }
});
