/** The keys set or deleted since it was last drained. */
export class ChangedKeys<K> {
  readonly keys = new Set<K>();

  /** What changed since the last call, and forgets it. */
  drain(): K[] {
    const keys = [...this.keys];
    this.keys.clear();
    return keys;
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

  get size(): number {
    return this.keys.size;
  }
}

/**
 * A Map that tells its watchers which keys were set (to another value) or deleted, so the
 * list's view and the cache file can follow a 100,000-task account change by change instead
 * of going over all of it. Values are replaced, never changed in place, so a set is a change.
 */
export class TrackedMap<K, V> extends Map<K, V> {
  private watchers: ChangedKeys<K>[] | undefined;

  /** A new, independent record of the changes from now on. */
  watch(): ChangedKeys<K> {
    const changed = new ChangedKeys<K>();
    (this.watchers ??= []).push(changed);
    return changed;
  }

  /** Stops recording for this watcher (a one-off view is done). */
  unwatch(changed: ChangedKeys<K>): void {
    this.watchers = this.watchers?.filter((watcher) => watcher !== changed);
  }

  override set(key: K, value: V): this {
    // The Map constructor calls set before the fields exist; nothing watches then.
    if (this.watchers && super.get(key) !== value) for (const watcher of this.watchers) watcher.keys.add(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const deleted = super.delete(key);
    if (deleted && this.watchers) for (const watcher of this.watchers) watcher.keys.add(key);
    return deleted;
  }

  override clear(): void {
    if (this.watchers) for (const key of super.keys()) for (const watcher of this.watchers) watcher.keys.add(key);
    super.clear();
  }
}
