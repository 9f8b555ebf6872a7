/**
 * The floors `npm run bench:ui` sets beside the app's figures: what a bare page on the same
 * machine, in the same Chromium, takes to get the app's first screen of rows over a WebSocket
 * from a Node process and paint them, and to repaint their text on a key. A figure near its
 * floor has little left to win; the ratio app/floor travels between machines better than
 * milliseconds do.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { FloorRow } from './floor-server';
import { firstRows, inputsOf, searchLatencies, type Keystroke } from './page-timing';
import type { RendererFaults } from './renderer-counts';

const SERVER = fileURLToPath(new URL('./floor-server.ts', import.meta.url));

/**
 * The rows the app paints in its first frame after a load, in screen order: those in view and
 * the two spare rows below them. Read at rest, when the overscan below them is there too: it
 * is left out, as the first frame has not made it yet (ProjectTree.svelte).
 */
export async function appFirstScreen(page: Page): Promise<FloorRow[]> {
  // A string, not a closure: tsx would wrap named functions in a helper the page lacks.
  const rows = await page.evaluate<FloorRow[]>(`(() => {
    const tree = document.querySelector('[role="tree"]');
    const rows = [...document.querySelectorAll('[role="tree"] .row')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    const height = rows[0]?.offsetHeight ?? 30;
    return rows
      .filter((row) => parseFloat(row.style.top) < tree.scrollTop + tree.clientHeight + 2 * height)
      .map((row) => ({
        header: !row.querySelector('[role="treeitem"]'),
        name: (row.querySelector('.name') ?? row).textContent.trim(),
        color: row.querySelector('.dot')?.style.background ?? '',
        detail: row.querySelector('[id^="about-"]')?.textContent.trim() ?? '',
      }));
  })()`);
  if (rows.length === 0) throw new Error("bench:ui: no rows found in the app's list ([role=tree] .row)");
  return rows;
}

export interface Floors {
  rows: number;
  /** Bytes of the rows' JSON, sent as one WebSocket message. */
  bytes: number;
  loads: number[];
  faults: number[];
  keystrokes: Keystroke[];
  /** The floor browser's renderers' minor page faults through all the keystrokes, and how many inputs those were. */
  keystrokeFaults: number;
  inputs: number;
}

async function startServer(rows: FloorRow[]): Promise<{ url: string; stop: () => void }> {
  const child = fork(SERVER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`floor server exited with ${String(code)}`)));
    child.send(rows);
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/**
 * Loads the floor page `loads` times (its first rows, timed as the app's) and, after the same
 * rest as the app's page had, types `queries` into it key by key (timed as the app's
 * keystrokes), in a page of the given size.
 */
export async function measureFloors(
  browser: Browser,
  viewport: { width: number; height: number },
  rows: FloorRow[],
  queries: string[],
  loads: number,
  faults: RendererFaults,
  /** How long the app's page rested between its last load and its first key: the first key after a rest costs more (Chromium hands memory back while idle). */
  rest: number,
): Promise<Floors> {
  const server = await startServer(rows);
  const page = await browser.newPage({ viewport });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('toggl-tray:first-rows').length > 0);
    const timed: number[] = [];
    const counted: number[] = [];
    for (let run = 0; run < loads; run++) {
      const { ms, faults: count } = await faults.through((atFirstRows) => firstRows(page, atFirstRows));
      timed.push(ms);
      counted.push(count);
    }
    await page.waitForTimeout(rest);
    const typed = await faults.during(() => searchLatencies(page, queries));
    return {
      rows: rows.length,
      bytes: Buffer.byteLength(JSON.stringify(rows)),
      loads: timed,
      faults: counted,
      keystrokes: typed.value,
      keystrokeFaults: typed.faults,
      inputs: inputsOf(queries),
    };
  } finally {
    await page.close();
    server.stop();
  }
}
