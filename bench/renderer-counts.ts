/**
 * Counts for `npm run bench:ui` that do not depend on the machine's speed: the renderer
 * processes' minor page faults through a load, and the WebSocket data a page receives before
 * its first rows (frames as DevTools sees them arrive, not the page's own files).
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { minorFaults } from './machine';

/** Minor page faults of the browser's renderer processes, by pid. */
export class RendererFaults {
  private constructor(private readonly session: CDPSession) {}

  static async open(browser: Browser): Promise<RendererFaults> {
    return new RendererFaults(await browser.newBrowserCDPSession());
  }

  async pids(): Promise<number[]> {
    const { processInfo } = await this.session.send('SystemInfo.getProcessInfo');
    return processInfo.filter((info) => info.type === 'renderer').map((info) => info.id);
  }

  /**
   * Runs `load` (which calls the hook it is given at its first rows) and returns the renderer
   * processes' minor faults from before it to that hook: all renderers of this browser, so a
   * load that moves to a new process is counted whole; the others are idle.
   */
  async through(
    load: (atFirstRows: () => Promise<void>) => Promise<number>,
  ): Promise<{ ms: number; faults: number; newProcesses: number }> {
    const pids = await this.pids();
    const before = new Map(pids.map((pid) => [pid, minorFaults(pid)]));
    const after = new Map<number, number>();
    const ms = await load(async () => {
      // The known processes first, at once; then any the load started.
      for (const pid of pids) after.set(pid, minorFaults(pid));
      for (const pid of await this.pids()) if (!after.has(pid)) after.set(pid, minorFaults(pid));
    });
    let faults = 0;
    for (const [pid, count] of after) if (Number.isFinite(count)) faults += count - (before.get(pid) ?? 0);
    return { ms, faults, newProcesses: [...after.keys()].filter((pid) => !before.has(pid)).length };
  }

  /** Runs `work` and returns what it returned with the renderer processes' minor faults through it (all renderers, as `through`). */
  async during<T>(work: () => Promise<T>): Promise<{ value: T; faults: number }> {
    const pids = await this.pids();
    const before = pids.map(minorFaults);
    const value = await work();
    const faults = pids.reduce((sum, pid, at) => sum + (minorFaults(pid) - (before[at] ?? 0) || 0), 0);
    return { value, faults };
  }

  async close(): Promise<void> {
    await this.session.detach();
  }
}

export interface SocketCounts {
  /** WebSocket messages and their data bytes received before the first rows were painted. */
  messages: number;
  bytes: number;
  /** The same for the whole load (until the page had its whole list and was idle). */
  allMessages: number;
  allBytes: number;
  /** From the last message counted to the first rows, and from them to the next message, ms (a check on the cut). */
  lastToFirstRowsMs: number;
  firstRowsToNextMs: number;
}

/**
 * Runs `load` (a load that returns its first rows' time since navigation start) with
 * DevTools' network events on, and counts the WebSocket frames received before the first rows.
 * Frame times are the browser's monotonic clock, mapped to wall time by the socket's handshake
 * event (which carries both); the first rows' wall time is the page's time origin plus the mark.
 */
export async function socketCounts(page: Page, load: () => Promise<number>): Promise<SocketCounts> {
  const session = await page.context().newCDPSession(page);
  const frames: { at: number; bytes: number }[] = [];
  let offset = NaN;
  session.on('Network.webSocketWillSendHandshakeRequest', (event) => {
    offset = event.wallTime - event.timestamp;
  });
  session.on('Network.webSocketFrameReceived', ({ timestamp, response }) => {
    const bytes =
      response.opcode === 1
        ? Buffer.byteLength(response.payloadData, 'utf8')
        : Buffer.from(response.payloadData, 'base64').length;
    frames.push({ at: timestamp, bytes });
  });
  await session.send('Network.enable');
  try {
    const mark = await load();
    const origin = await page.evaluate(() => performance.timeOrigin);
    const firstRowsAt = origin + mark;
    const before = frames.filter((frame) => (frame.at + offset) * 1000 <= firstRowsAt);
    const last = before.at(-1);
    const next = frames[before.length];
    return {
      messages: before.length,
      bytes: before.reduce((sum, frame) => sum + frame.bytes, 0),
      allMessages: frames.length,
      allBytes: frames.reduce((sum, frame) => sum + frame.bytes, 0),
      lastToFirstRowsMs: last ? firstRowsAt - (last.at + offset) * 1000 : NaN,
      firstRowsToNextMs: next ? (next.at + offset) * 1000 - firstRowsAt : NaN,
    };
  } finally {
    await session.send('Network.disable');
    await session.detach();
  }
}

/**
 * The page's JavaScript heap after a full collection, in bytes, and how many strings and
 * objects it holds: what every full collection marks again (the whole list is in it). Taken
 * last, since a forced collection changes what the next keys would pay.
 */
export async function heapCounts(page: Page): Promise<{ bytes: number; strings: number; objects: number }> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const chunks: string[] = [];
    session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const snapshot = JSON.parse(chunks.join('')) as HeapSnapshot;
    const { node_fields: fields, node_types: nodeTypes } = snapshot.snapshot.meta;
    const typeNames = nodeTypes[0];
    const typeAt = fields.indexOf('type');
    let strings = 0;
    let numbers = 0;
    let objects = 0;
    for (let at = 0; at < snapshot.nodes.length; at += fields.length) {
      const type = typeNames[snapshot.nodes[at + typeAt] ?? -1];
      if (type === 'string' || type === 'concatenated string' || type === 'sliced string') strings++;
      else if (type === 'number') numbers++;
      else if (type === 'object' || type === 'array' || type === 'closure') objects++;
    }
    // The snapshot shows a number held in a field as a node with its digits as a string of its
    // own: neither is a string on the heap.
    return { bytes: usedSize, strings: strings - numbers, objects };
  } finally {
    await session.send('HeapProfiler.disable');
    await session.detach();
  }
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}
