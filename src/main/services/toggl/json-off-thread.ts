import { Worker } from 'node:worker_threads';
import { Slices } from '../store/slices';
import { PiecedJson, type Piece } from './pieced-json';

/** Answers this large or larger are parsed off the main thread (a 100,000-task /me is 20 MB). */
export const LARGE_JSON_BYTES = 1_000_000;
/** A length said larger than this is not believed: the worker gathers the bytes in pieces instead. */
const MAX_EXPECTED_BYTES = 256 * 2 ** 20;

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
// The answer's bytes: in one buffer of the length it said, else (or past it) in pieces.
let whole = null;
let filled = 0;
let chunks = [];
let pieces = [];
parentPort.on('message', (message) => {
  if (typeof message === 'number') {
    whole = new Uint8Array(message);
    return;
  }
  if (Array.isArray(message)) {
    for (const chunk of message) {
      if (whole && chunks.length === 0 && filled + chunk.byteLength <= whole.byteLength) {
        whole.set(chunk, filled);
        filled += chunk.byteLength;
      } else chunks.push(chunk);
    }
    return;
  }
  if (message !== null && typeof message === 'object' && Array.isArray(message.first)) {
    let value;
    const head = whole ? [whole.subarray(0, filled)] : [];
    whole = null;
    // Bytes that came as long as they said are decoded as they are: no copy to join.
    const bytes = chunks.length === 0 && head.length === 1 ? head[0] : Buffer.concat([...head, ...chunks]);
    chunks = [];
    const text = new TextDecoder().decode(bytes);
    // An answer of nothing but spaces is no answer, as for a small one.
    if (text.trim() === '') {
      pieces = [{ root: undefined, pieced: [] }];
      return;
    }
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
      pieces.push({ root: [], pieced: [null] });
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
      // The lists asked for first, in that order; then the rest in the answer's.
      const rank = (key) => (message.first.includes(key) ? message.first.indexOf(key) : message.first.length);
      later.sort((a, b) => rank(a) - rank(b));
      pieces.push({ root, pieced: later });
      for (const key of later) split(key, value[key], pieceSize(value[key]));
    } else pieces.push({ root: value, pieced: [] });
    return;
  }
  parentPort.postMessage(pieces.length > 0 ? pieces.shift() : { done: true });
});
`;

/**
 * JSON.parse of an answer on a worker thread: its bytes are handed over as they arrive, and
 * joined, decoded and parsed there. The main thread, which answers the tray and the windows,
 * only takes in the result, piece by piece, between other work (`answer`: as it reads them).
 * Text that is not JSON comes back as the text.
 */
export class JsonOffThread {
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true });
  /** The piece asked for and not yet come (one at a time). */
  #waiting: { resolve: (piece: Piece) => void; reject: (error: Error) => void } | undefined;
  /** Why no more pieces will come: the worker failed, or was stopped. */
  #ended: Error | undefined;

  /** `expectedBytes`: the length the answer says it has, gathered in one buffer on the worker. */
  constructor(expectedBytes?: number) {
    if (
      expectedBytes !== undefined &&
      Number.isSafeInteger(expectedBytes) &&
      expectedBytes > 0 &&
      expectedBytes <= MAX_EXPECTED_BYTES
    )
      this.#worker.postMessage(expectedBytes);
    this.#worker.on('message', (piece: Piece) => {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting?.resolve(piece);
    });
    this.#worker.on('error', (error) => this.#end(error));
    this.#worker.on('exit', () => this.#end(new Error('The JSON worker stopped before the answer was read.')));
  }

  /**
   * Copies `chunks` to the worker, in one message. Copied, not moved: the network's buffers
   * are shared, and a message's copy is not memory of the main thread's heap, where a buffer
   * of the whole answer (20 MB) made V8 collect at once, in one 50 ms task.
   */
  push(chunks: readonly Uint8Array[]): void {
    if (chunks.length > 0) this.#worker.postMessage(chunks);
  }

  /**
   * The parsed value, once every byte has been pushed, with its large lists still on the worker,
   * handed over a piece at a time as they are read: those named in `first` first, in that order.
   */
  async answer(first: readonly string[] = []): Promise<PiecedJson> {
    try {
      this.#worker.postMessage({ first });
      const head = await this.#next();
      // Not JSON (some endpoints answer plain text): the text, as JSON.parse's callers get it.
      if (!('root' in head)) {
        this.cancel();
        return PiecedJson.of('invalid' in head ? head.invalid : undefined);
      }
      // The worker readies the next piece while this one is taken in (a failure meanwhile is
      // the reader's to hear, when it asks).
      const ahead = (): Promise<Piece> => {
        const piece = this.#next();
        piece.catch(() => undefined);
        return piece;
      };
      let coming = ahead();
      // A piece that is ready when the last one is taken in arrives in the same turn of the
      // event loop (a port delivers what it holds at once): without turns of their own, a
      // whole account's pieces were taken in as one task of 60 ms, collections included.
      const slices = new Slices();
      const pull = async (): Promise<Piece> => {
        if (slices.timeUp()) await slices.next();
        const piece = await coming;
        if (!('done' in piece)) coming = ahead();
        return piece;
      };
      return new PiecedJson(head.root, head.pieced, pull, () => this.cancel());
    } catch (error) {
      this.cancel();
      throw error;
    }
  }

  /** Stops the worker (an answer that is not wanted after all, or read to its end). */
  cancel(): void {
    this.#end(new Error('The answer was closed before it was read.'));
    // Nothing waits on its end; a failure to stop is no failure of the answer.
    this.#worker.terminate().catch(() => undefined);
  }

  #next(): Promise<Piece> {
    return new Promise((resolve, reject) => {
      if (this.#ended) return reject(this.#ended);
      if (this.#waiting) return reject(new Error('The JSON worker hands over one piece at a time.'));
      this.#waiting = { resolve, reject };
      this.#worker.postMessage('next');
    });
  }

  /** No more pieces: whoever waits for one hears why. */
  #end(error: Error): void {
    this.#ended ??= error;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.reject(this.#ended);
  }
}
