// Chromium's V8 only: whether the search index leaves the account's names out of V8's string
// table. Chromium 156 internalizes a string used as a Map key (Node 20's V8 does not, so no unit
// test can see it), and every full collection walks that table: a large account's 44,000 names
// there cost about 4 ms a collection, on whichever keystroke it landed (docs/speed-history.md,
// 2026-12-05).
import { expect, test } from '@playwright/test';
import { launchWithNatives, pageScript } from './support/page-script';

test('building the search index puts no name in V8’s string table', async () => {
  const browser = await launchWithNatives();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await pageScript('src/shared/search/search-index.ts', 'SearchIndex') });
    const counts = await page.evaluate<{ parts: number; names: number; index: number; keys: number }>(`(() => {
      const internalized = (strings) => strings.filter((text) => %IsInternalizedString(text)).length;
      // Names as the wire brings them: new strings from JSON.parse, each longer than the 9
      // characters JSON.parse itself internalizes, many of them repeated (a project's name on its tasks).
      const names = JSON.parse(JSON.stringify(Array.from({ length: 3000 }, (_, at) => 'Website redesign number ' + at)));
      // Old, as a loaded account's names are by the time a search index is made: V8 then
      // internalizes a string used as a key in place, where a young one gets a copy in the
      // table that only some collections put back in its place (whether one did depended on
      // the machine's load, and the check below with it).
      gc(); gc();
      const items = names.map((name, at) => ({ parts: [name, names[at % 300]] }));
      const index = SearchIndex.buildIndex(items);
      // The check can see one: the same names, as old, used as an object's keys are internalized.
      const keyed = JSON.parse(JSON.stringify(names.slice(0, 100)));
      gc(); gc();
      const object = {};
      for (const name of keyed) object[name] = true;
      return { parts: index.partTexts.length, names: internalized(names), index: internalized(index.partTexts), keys: internalized(keyed) };
    })()`);
    expect(counts).toEqual({ parts: 3000, names: 0, index: 0, keys: 100 });
  } finally {
    await browser.close();
  }
});
