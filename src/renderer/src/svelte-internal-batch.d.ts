// Svelte's batch module (electron.vite.config.ts and vitest.config.ts alias the name to it): only what
// lib/svelte-batch-shape.ts reads.
declare module 'svelte-internal-batch' {
  /** The batch of the update under way, or null between updates. */
  export const current_batch: object | null;
}
