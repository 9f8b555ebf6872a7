const GONE = Symbol('gone');

/**
 * The queued changes' layer over the confirmed list: what `apply` sets, deletes or changes
 * in place lands here, never in the list underneath (which is shared from one view to the
 * next). `get` hands out a copy to change; `peek` only looks.
 */
export class OverlayMap<T extends object> {
  private readonly written = new Map<number, T | typeof GONE>();

  constructor(private readonly base: ReadonlyMap<number, T>) {}

  /** The item to change in place: a copy of the listed one, kept in this layer. */
  get(id: number): T | undefined {
    const written = this.written.get(id);
    if (written !== undefined) return written === GONE ? undefined : written;
    const listed = this.base.get(id);
    if (!listed) return undefined;
    const copy = { ...listed };
    this.written.set(id, copy);
    return copy;
  }

  /** The item as it stands, without taking a copy (names, lookups). */
  peek(id: number): T | undefined {
    const written = this.written.get(id);
    if (written !== undefined) return written === GONE ? undefined : written;
    return this.base.get(id);
  }

  has(id: number): boolean {
    return this.peek(id) !== undefined;
  }

  set(id: number, item: T): void {
    this.written.set(id, item);
  }

  delete(id: number): void {
    if (this.has(id)) this.written.set(id, GONE);
  }

  /** Every item as it stands, in the listed order, then the ones this layer added. */
  *[Symbol.iterator](): IterableIterator<[number, T]> {
    for (const entry of this.base) {
      const written = this.written.get(entry[0]);
      if (written === undefined) yield entry;
      else if (written !== GONE) yield [entry[0], written];
    }
    for (const [id, item] of this.written) if (item !== GONE && !this.base.has(id)) yield [id, item];
  }

  /** What this layer changed: id → the item, or undefined where it deleted it. */
  *changes(): IterableIterator<[number, T | undefined]> {
    for (const [id, item] of this.written) yield [id, item === GONE ? undefined : item];
  }
}
