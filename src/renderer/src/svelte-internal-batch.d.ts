// Svelte's batch module (electron.vite.config.ts and vitest.config.ts alias the name to it):
// what lib/svelte-batch-shape.ts uses, and what its test looks at.
declare module 'svelte-internal-batch' {
  /** The work of one update. Made, it joins Svelte's list of batches under way; discarded, it leaves it. */
  export class Batch {
    /** Whether it is in that list. */
    linked: boolean;
    /** The values the update gave its signals. */
    current: Map<unknown, unknown>;
    discard(): void;
  }
  /** The batch whose effects are running, else null. */
  export const previous_batch: Batch | null;
}
