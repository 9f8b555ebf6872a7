import { Batch } from 'svelte-internal-batch';
import { keepShape } from '../../../shared/keep-shape';

/**
 * Svelte makes a `Batch` for each update and lets it go when the update is done, so between
 * updates none is left, and after a rest V8 forgets the batch's shape and throws away the code
 * of Svelte's core that checks for it (`get`, `update_reaction`, `internal_set` and a dozen
 * more; shared/keep-shape.ts): the first keys after it ran uncompiled. Called once, before the
 * app mounts, this makes one batch and keeps it. Made, a batch joins Svelte's list of batches
 * under way: discarded at once, it leaves it, never having run or held a value.
 */
export function keepSvelteBatchShape(): void {
  const batch = new Batch();
  batch.discard();
  keepShape(batch);
}
