/**
 * The floors `npm run bench:ui` sets beside the app's figures: what a bare page on the same
 * machine, in the same Chromium, takes to get the app's first screen of rows over a WebSocket
 * from a Node process and paint them, and to repaint their text on a key. A figure near its
 * floor has little left to win; the ratio app/floor travels between machines better than
 * milliseconds do.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { throttle } from './cpu-throttle';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import type { FloorRow } from './floor-server';
import { firstRows, inputsOf, leaveForBlank, searchLatencies, type Keystroke } from './page-timing';
import { quietMachine } from './quiet';
import { RendererFaults } from './renderer-counts';

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
    const rows = [...document.querySelectorAll('[role="tree"] .row:not([hidden])')]
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

/** The floor page open in its own Chromium, its Node server beside it. */
export class FloorPage {
  /** When its last load ended (performance.now()): its rest before the keys counts from there. */
  #loadedAt = performance.now();

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly faults: RendererFaults,
    private readonly server: { url: string; stop: () => Promise<void> },
    /** The rows it paints, and the bytes of their JSON (sent as one WebSocket message). */
    readonly rows: number,
    readonly bytes: number,
  ) {}

  /**
   * In a browser of its own: the app's page stays open (its timer ticking) and would share the
   * floor page's renderer, and its page faults, in the app's.
   */
  static async open(viewport: { width: number; height: number }, rows: FloorRow[]): Promise<FloorPage> {
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
    const faults = await RendererFaults.open(browser);
    const server = await startServer(rows);
    const page = await browser.newPage({ viewport });
    await throttle(page);
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('toggl-tray:first-rows').length > 0);
    return new FloorPage(browser, page, faults, server, rows.length, Buffer.byteLength(JSON.stringify(rows)));
  }

  /** One load, timed as the app's: to its first rows, with the renderers' minor faults through it. */
  async load(): Promise<{ ms: number; faults: number }> {
    await leaveForBlank(this.page);
    const load = await this.faults.through((atFirstRows) => firstRows(this.page, this.server.url, atFirstRows));
    this.#loadedAt = performance.now();
    return load;
  }

  /**
   * After at least the rest the app's page had since its last load, `queries` typed key by key (timed as the app's
   * keystrokes), with the renderers' minor faults through them all.
   */
  async type(
    queries: string[],
    /** How long the app's page rested before its first key: the first key after a rest costs more (Chromium hands memory back while idle). */
    rest: number,
  ): Promise<{ keystrokes: Keystroke[]; faults: number; inputs: number }> {
    const rested = performance.now() - this.#loadedAt;
    if (rested < rest) await this.page.waitForTimeout(rest - rested);
    const typed = await this.faults.during(() => searchLatencies(this.page, queries));
    return { keystrokes: typed.value, faults: typed.faults, inputs: inputsOf(queries) };
  }

  /** Closed, its server gone, and the machine quiet again (quiet.ts). */
  async close(): Promise<{ waitedMs: number; busy: number }> {
    await this.page.close();
    await this.faults.close();
    await Promise.all([this.server.stop(), this.browser.close()]);
    return quietMachine();
  }
}

async function startServer(rows: FloorRow[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = fork(SERVER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`floor server exited with ${String(code)}`)));
    child.send(rows);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => {
      child.kill();
      return exited;
    },
  };
}
