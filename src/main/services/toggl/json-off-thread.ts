import { Worker } from 'node:worker_threads';

/** Answers this large or larger are parsed off the main thread (a 100,000-task /me is 20 MB). */
export const LARGE_JSON_BYTES = 1_000_000;

/**
 * Fields per piece sent back (a piece holds as many items as make about this many): taking a
 * piece in costs the main thread about a millisecond on a fast machine, a few on a slow, busy
 * one, whatever the items' size (a Toggl project has 25 fields, a task 17).
 */
const FIELDS_PER_PIECE = 8_000;

/*
 * Plain JavaScript, run as an eval'd worker (no bundling or loader needed in Electron, Node or
 * the tests). It gathers the bytes as they arrive and, at 'end', joins, decodes and parses
 * them, keeps the large arrays back, and hands the value over a piece at a time, each when
 * the main thread asks for the next, so that taking the pieces in never adds up to one long
 * task there.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const FIELDS = ${FIELDS_PER_PIECE};
let chunks = [];
let pieces = [];
parentPort.on('message', (message) => {
  if (message instanceof ArrayBuffer) {
    chunks.push(new Uint8Array(message));
    return;
  }
  if (message === 'end') {
    let value;
    // One buffer (the whole answer) is decoded as it is: no copy to join.
    const text = new TextDecoder().decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    chunks = [];
    try {
      value = JSON.parse(text);
    } catch (error) {
      pieces = [{ invalid: text }];
      return;
    }
    // Items per piece for a list, by the fields of its first item; 0 when it goes whole with the root.
    const pieceSize = (items) => {
      if (!Array.isArray(items)) return 0;
      const first = items[0];
      const fields = first !== null && typeof first === 'object' ? Object.keys(first).length : 1;
      const size = Math.max(1, Math.floor(FIELDS / Math.max(1, fields)));
      return items.length > size ? size : 0;
    };
    const split = (key, items, size) => {
      for (let at = 0; at < items.length; at += size) pieces.push({ key, items: items.slice(at, at + size) });
    };
    if (pieceSize(value) > 0) {
      pieces.push({ root: [] });
      split(null, value, pieceSize(value));
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const root = {};
      const later = [];
      for (const key of Object.keys(value)) {
        if (pieceSize(value[key]) > 0) {
          root[key] = [];
          later.push(key);
        } else root[key] = value[key];
      }
      pieces.push({ root });
      for (const key of later) split(key, value[key], pieceSize(value[key]));
    } else pieces.push({ root: value });
    return;
  }
  parentPort.postMessage(pieces.length > 0 ? pieces.shift() : { done: true });
});
`;

type Piece = { root: unknown } | { key: string | null; items: unknown[] } | { invalid: string } | { done: true };

/**
 * JSON.parse of an answer on a worker thread: its bytes are handed over as they arrive (moved,
 * not copied), and joined, decoded and parsed there. The main thread, which answers the tray
 * and the windows, only takes in the result, piece by piece, between other work. Text that is
 * not JSON comes back as the text.
 */
export class JsonOffThread {
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true });
  #failed: ((error: unknown) => void) | undefined;
  /** An error before anyone waited for a piece: kept for the first wait. */
  #error: Error | undefined;

  constructor() {
    this.#worker.on('error', (error) => {
      this.#error ??= error;
      this.#failed?.(error);
    });
  }

  /** Moves `bytes` to the worker: the caller's buffer is left empty. */
  push(bytes: ArrayBuffer): void {
    this.#worker.postMessage(bytes, [bytes]);
  }

  /** The parsed value, once every byte has been pushed. */
  async finish(): Promise<unknown> {
    const worker = this.#worker;
    try {
      const next = (): Promise<Piece> =>
        new Promise((resolve, reject) => {
          if (this.#error !== undefined)
            return reject(this.#error instanceof Error ? this.#error : new Error(String(this.#error)));
          this.#failed = reject;
          worker.once('message', resolve);
          worker.postMessage('next');
        });
      worker.postMessage('end');
      let root: unknown;
      let coming = next();
      for (;;) {
        const piece = await coming;
        if ('done' in piece) return root;
        // Not JSON (some endpoints answer plain text): the text, as JSON.parse's callers get it.
        if ('invalid' in piece) return piece.invalid;
        // The worker readies the next piece while this one is taken in.
        coming = next();
        if ('root' in piece) root = piece.root;
        else {
          const list = (piece.key === null ? root : (root as Record<string, unknown>)[piece.key]) as unknown[];
          for (const item of piece.items) list.push(item);
        }
      }
    } finally {
      this.cancel();
    }
  }

  /** Stops the worker (an answer that is not wanted after all). */
  cancel(): void {
    // Nothing waits on its end; a failure to stop is no failure of the answer.
    this.#worker.terminate().catch(() => undefined);
  }
}
