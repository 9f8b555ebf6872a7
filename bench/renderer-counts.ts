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
 * objects (arrays and closures included) it holds: what every full collection marks again (the
 * whole list is in it). Taken last, since a forced collection changes what the next keys would pay.
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
    return { bytes: usedSize, ...countNodes(JSON.parse(chunks.join('')) as HeapSnapshot) };
  } finally {
    await session.send('HeapProfiler.disable');
    await session.detach();
  }
}

interface HeapSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);
const OBJECT_TYPES = new Set(['object', 'array', 'closure']);

/**
 * Strings and objects among a snapshot's nodes. A snapshot may show a number's digits as a
 * string node of its own (its `value` edge, when numbers are captured): not a string on the heap.
 */
function countNodes(snapshot: HeapSnapshot): { strings: number; objects: number } {
  const {
    node_fields: nodeFields,
    node_types: nodeTypes,
    edge_fields: edgeFields,
    edge_types: edgeTypes,
  } = snapshot.snapshot.meta;
  const [typeAt, edgeCountAt] = [nodeFields.indexOf('type'), nodeFields.indexOf('edge_count')];
  const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((field) =>
    edgeFields.indexOf(field),
  ) as [number, number, number];
  const typeOf = (node: number) => nodeTypes[0][snapshot.nodes[node + typeAt] ?? -1];
  const digits = new Set<number>();
  let strings = 0;
  let objects = 0;
  let edge = 0;
  for (let node = 0; node < snapshot.nodes.length; node += nodeFields.length) {
    const type = typeOf(node);
    if (type && STRING_TYPES.has(type)) strings++;
    else if (type && OBJECT_TYPES.has(type)) objects++;
    const edges = snapshot.nodes[node + edgeCountAt] ?? 0;
    if (type === 'number')
      for (let at = edge; at < edge + edges * edgeFields.length; at += edgeFields.length) {
        const to = snapshot.edges[at + edgeToAt] ?? -1;
        const named = edgeTypes[0][snapshot.edges[at + edgeTypeAt] ?? -1] !== 'element';
        const name = named ? snapshot.strings[snapshot.edges[at + edgeNameAt] ?? -1] : undefined;
        if (name === 'value' && STRING_TYPES.has(typeOf(to) ?? '')) digits.add(to);
      }
    edge += edges * edgeFields.length;
  }
  return { strings: strings - digits.size, objects };
}
