import { current_batch } from 'svelte-internal-batch';
import { keepShape } from '../../../shared/keep-shape';

let kept = false;

/**
 * Svelte makes a `Batch` for each update and lets it go when the update is done, so between
 * updates no batch is left, and after a rest V8 forgets the batch's shape and throws away the
 * code of Svelte's core that checks for it (`get`, `update_reaction`, `internal_set` and a dozen
 * more, shared/keep-shape.ts): the first keys after it ran uncompiled. Called from an effect
 * (which runs inside an update), this makes one empty batch of the same class, never run, and
 * keeps it: the shape lives, and no update's values are held.
 */
export function keepSvelteBatchShape(): void {
  if (kept || current_batch === null) return;
  const Batch = current_batch.constructor as new () => object;
  keepShape(new Batch());
  kept = true;
}
