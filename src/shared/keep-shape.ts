/**
 * V8 gives the objects of a class their shape (a hidden class, "map") as they are made, and
 * compiled code checks for it. The shape lives only as long as some object has it: once every
 * object of a class made per keystroke has been collected, its shape goes too, and every
 * function compiled with a check for it is thrown away ("embedded weak objects cleared" in
 * V8's log: 30 to 45 functions of the search and the list at the first full collection after
 * someone stopped typing). Their next keys then ran uncompiled, 20–30 ms instead of 8.
 *
 * A class whose objects are made per key keeps its latest one here, so its shape outlives the
 * key that made it. The latest, not the first: an object holds what it was made over (a view,
 * an index). The next one of its class lets it go: the next key of its kind, or the warm-up
 * after the list changed, which types every kind while the search box is empty (cut short, it
 * goes on with the keys it had left once the box is emptied). Until then a kept object can hold
 * the list as it was before a change (one list at most).
 */
const latest = new Map<unknown, object>();

/** Keeps `object` in place of the one kept under `key` (its class unless told). */
export function keepShape(object: object, key: unknown = object.constructor): void {
  latest.set(key, object);
}

/** The objects kept, one a key: what the tests look at. */
export function keptObjects(): object[] {
  return [...latest.values()];
}
