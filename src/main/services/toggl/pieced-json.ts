/** What the parsing worker hands back, one message at a time. */
export type Piece =
  | { root: unknown; pieced: (string | null)[] }
  | { key: string | null; items: unknown[] }
  | { invalid: string }
  | { done: true };

/**
 * One large list of an answer, read a piece at a time as it is asked for (once). Taken in as
 * it is read, a piece's items are garbage before the next collection: joined into one list
 * first, 100,000 of them outlived every young collection of a full load and made each one copy
 * them (20–30 ms apiece at 10 µs a page fault).
 */
export class PiecedList implements AsyncIterable<unknown[]> {
  #read = false;

  constructor(private readonly pieces: () => AsyncGenerator<unknown[]>) {}

  [Symbol.asyncIterator](): AsyncIterator<unknown[]> {
    // Read again, it would come empty (its pieces are gone): refused, as the answer refuses.
    if (this.#read) throw new Error('A list of an answer can be read once.');
    this.#read = true;
    return this.pieces();
  }

  /** All of it in one list. */
  async joined(): Promise<unknown[]> {
    const all: unknown[] = [];
    for await (const items of this) for (const item of items) all.push(item);
    return all;
  }
}

/**
 * A parsed JSON answer whose large lists may still be on the worker: `root` holds the rest,
 * `list(key)` hands a list over as it is or as a `PiecedList`. Lists read in the order the
 * worker was asked for never wait on each other; read in another order, the pieces in between
 * are kept until asked for. Close it when done: the worker holds the whole answer meanwhile.
 */
export class PiecedJson {
  /** Pieces that came while another list was read, by list. */
  readonly #kept = new Map<string | null, unknown[][]>();
  /** Lists whose pieces have all come (the worker sends a list's pieces one after another). */
  readonly #complete = new Set<string | null>();
  /** Lists handed out in pieces: each can be read once. */
  readonly #handedOut = new Set<string | null>();
  #last: string | null | undefined;
  #ended: boolean;
  #closed = false;
  /** Pieces are asked for one after another, whoever asks. */
  #pulling: Promise<unknown> = Promise.resolve();

  /** An answer that came whole. */
  static of(value: unknown): PiecedJson {
    return new PiecedJson(
      value,
      [],
      () => Promise.resolve({ done: true }),
      () => undefined,
    );
  }

  constructor(
    readonly root: unknown,
    /** Lists that come in pieces: keys of the root, or null for a root that is itself a list. */
    private readonly pieced: readonly (string | null)[],
    private readonly pull: () => Promise<Piece>,
    private readonly stop: () => void,
  ) {
    this.#ended = pieced.length === 0;
    if (this.#ended) stop();
  }

  /** The root's list `key` (null: the root itself): as it is, or a `PiecedList` when it comes in pieces. */
  list(key: string | null): unknown {
    if (!this.pieced.includes(key)) return key === null ? this.root : fieldOf(this.root, key);
    // A list read again, or after the answer was closed, would come empty, and an empty list
    // says Toggl has none: the cache would drop them all.
    if (this.#closed) throw new Error(`The answer was closed before its list "${String(key)}" was read.`);
    if (this.#handedOut.has(key)) throw new Error(`The answer's list "${String(key)}" can be read once.`);
    this.#handedOut.add(key);
    return new PiecedList(() => this.#piecesOf(key));
  }

  /**
   * The whole value, every list joined, for an answer none of whose lists were read in pieces;
   * the answer is closed after.
   */
  async whole(): Promise<unknown> {
    try {
      for (const key of this.pieced) {
        const items = await (this.list(key) as PiecedList).joined();
        if (key === null) for (const item of items) (this.root as unknown[]).push(item);
        else (this.root as Record<string, unknown>)[key] = items;
      }
      return this.root;
    } finally {
      this.close();
    }
  }

  /** Stops the worker (also once every piece has come). */
  close(): void {
    this.#closed = true;
    this.#ended = true;
    this.#kept.clear();
    this.stop();
  }

  async *#piecesOf(key: string | null): AsyncGenerator<unknown[]> {
    for (;;) {
      if (this.#closed) throw new Error(`The answer was closed while its list "${String(key)}" was read.`);
      const kept = this.#kept.get(key);
      if (kept !== undefined && kept.length > 0) {
        yield kept.shift() as unknown[];
        continue;
      }
      if (this.#complete.has(key) || this.#ended) return;
      const pulled = this.#pulling.then(() => this.pull());
      this.#pulling = pulled.catch(() => undefined);
      const piece = await pulled;
      if ('done' in piece || !('key' in piece)) {
        // Every piece has come: the worker goes, what was kept stays (for this list too, when
        // another reader took its last piece).
        this.#ended = true;
        this.stop();
        continue;
      }
      if (this.#last !== undefined && this.#last !== piece.key) this.#complete.add(this.#last);
      this.#last = piece.key;
      // Kept in order, whoever it is for (two lists read at once take turns asking).
      const list = this.#kept.get(piece.key) ?? [];
      list.push(piece.items);
      this.#kept.set(piece.key, list);
    }
  }
}

function fieldOf(root: unknown, key: string): unknown {
  return root !== null && typeof root === 'object' && !Array.isArray(root)
    ? (root as Record<string, unknown>)[key]
    : undefined;
}
