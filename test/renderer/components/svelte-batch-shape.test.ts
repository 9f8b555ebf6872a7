// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { Batch } from 'svelte-internal-batch';
import { describe, expect, it } from 'vitest';
import { keepSvelteBatchShape } from '../../../src/renderer/src/lib/svelte-batch-shape';
import { keptObjects } from '../../../src/shared/keep-shape';
import { batchProbe } from './batch-probe.svelte';

describe("Svelte's batch shape", () => {
  it('is kept by one batch that left Svelte’s list at once and holds nothing; updates run as before', () => {
    keepSvelteBatchShape();
    const kept = keptObjects().filter((object) => object instanceof Batch);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.linked).toBe(false);
    expect(kept[0]?.current.size).toBe(0);

    const probe = batchProbe();
    try {
      flushSync();
      probe.bump();
      flushSync();
      probe.bump();
      flushSync();
      // The effect ran for each change, each time in a batch of Svelte's runtime: the alias reaches
      // the module the runtime uses (a second copy's batch would never be set), and the kept one is none of them.
      expect(probe.seen).toHaveLength(3);
      const batches = probe.seen.slice(1);
      expect(batches.every((batch) => batch instanceof Batch)).toBe(true);
      expect(batches).not.toContain(kept[0]);
    } finally {
      probe.stop();
    }
  });
});
