import { previous_batch } from 'svelte-internal-batch';

/** An effect that notes the batch it runs in each time a count it reads goes up. */
export function batchProbe(): { bump: () => void; seen: unknown[]; stop: () => void } {
  let count = $state(0);
  const seen: unknown[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      // Read, so the effect runs again when it goes up.
      if (count >= 0) seen.push(previous_batch);
    });
  });
  return { bump: () => count++, seen, stop };
}
