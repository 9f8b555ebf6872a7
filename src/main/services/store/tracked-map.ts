/**
 * The keys set or deleted since it was last drained. Past its limit it lets the keys go and
 * says only that everything may have changed: a full load of 100,000 items is not worth
 * recording key by key for a reader that will go over all of it anyway (and a set that
 * large grows in steps of megabytes, each a long stop of its own).
 */
export class ChangedKeys<K> {
  private readonly keys = new Set<K>();
  private all = false;

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  /** Notes a key (the map calls this). */
  add(key: K): void {
    if (this.all) return;
    this.keys.add(key);
    if (this.keys.size > this.limit) this.everything();
  }

  /** Everything counts as changed from now until the next restart() or drain(). */
  everything(): void {
    this.all = true;
    this.keys.clear();
  }

  /** More changed than the limit (or everything() was called): the keys were not kept. */
  get isEverything(): boolean {
    return this.all;
  }

  /** What changed since the last call, and forgets it (and that everything changed). */
  drain(): K[] {
    const keys = [...this.keys];
    this.restart();
    return keys;
  }

  /** Forgets what changed: records again from now on. */
  restart(): void {
    this.keys.clear();
    this.all = false;
  }

  /** Up to `count` of them, forgotten here (a large change taken in a slice at a time). */
  take(count: number): K[] {
    const taken: K[] = [];
    for (const key of this.keys) {
      if (taken.length === count) break;
      taken.push(key);
    }
    for (const key of taken) this.keys.delete(key);
    return taken;
  }

  /** How many keys changed; past the limit, infinitely many. */
  get size(): number {
    return this.all ? Number.POSITIVE_INFINITY : this.keys.size;
  }
}

/**
 * A Map that tells its watchers which keys were set (to another value) or deleted, so the
 * list's view and the cache file can follow a 100,000-task account change by change instead
 * of going over all of it. Values are replaced, never changed in place, so a set is a change.
 */
export class TrackedMap<K, V> extends Map<K, V> {
  private watchers: ChangedKeys<K>[] | undefined;

  /** A new, independent record of the changes from now on; past `limit` keys, only that everything changed. */
  watch(limit?: number): ChangedKeys<K> {
    const changed = new ChangedKeys<K>(limit);
    (this.watchers ??= []).push(changed);
    return changed;
  }

  /** Stops recording for this watcher (a one-off view is done). */
  unwatch(changed: ChangedKeys<K>): void {
    this.watchers = this.watchers?.filter((watcher) => watcher !== changed);
  }

  override set(key: K, value: V): this {
    // The Map constructor calls set before the fields exist; nothing watches then.
    if (this.watchers && super.get(key) !== value) for (const watcher of this.watchers) watcher.add(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const deleted = super.delete(key);
    if (deleted && this.watchers) for (const watcher of this.watchers) watcher.add(key);
    return deleted;
  }

  override clear(): void {
    if (this.watchers) for (const key of super.keys()) for (const watcher of this.watchers) watcher.add(key);
    super.clear();
  }
}
