// A list longer than the window: only the rows on screen exist, reused as it scrolls
// (ProjectTree.svelte). Scrolled by the mouse wheel, down, or back up from the end, every row
// must show once, in its place, in the tree's order; scrolled to the end, a search must still
// show what it finds. Each is its own test on its own app: none waits for another's scrolling.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import type { TogglSandbox } from '../../tools/sandbox/server';
import { signIn } from '../support/app-page';
import { LARGE_ACCOUNT_LOAD } from '../support/timeouts';
import { treeItemNames } from '../support/tree-order';

test.use({ account: { projects: 240, tasks: 720 } });
// Each scroll test reads the list after every turn of the wheel, ~100 round trips to the page,
// so its time is the browser's speed times that: ~21 s with a core busy here, and a machine
// with a browser 2-3x slower must not run into TEST_TIMEOUT for it.
test.slow(true, 'about a hundred wheel turns, each read back from the page');

/** The list as the page holds it now: where it is scrolled, and its rows in page order. */
interface ListView {
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
  rows: { top: number; label: string; id: string }[];
  /** The tree's aria-owns: the order assistive tech reads its rows in. */
  owns: string[];
}

/** Reads the list in one go, so the position and the rows belong to the same moment. */
const read = (tree: Locator): Promise<ListView> =>
  tree.evaluate((element) => ({
    scrollTop: element.scrollTop,
    clientHeight: element.clientHeight,
    scrollHeight: element.scrollHeight,
    rows: [...element.querySelectorAll<HTMLElement>('.row:not([hidden])')].map((row) => {
      const item = row.querySelector('[role="treeitem"]');
      return {
        top: Number.parseFloat(row.style.top),
        label: item?.getAttribute('aria-label') ?? row.textContent.trim(),
        id: (item ?? row).id,
      };
    }),
    owns: (element.getAttribute('aria-owns') ?? '').split(' ').filter(Boolean),
  }));

/** A row's height: the least distance between two rows drawn (Infinity with fewer than two). */
function rowHeightOf({ rows }: ListView): number {
  const tops = rows.map((row) => row.top);
  return Math.min(...tops.slice(1).map((top, at) => Math.abs(top - (tops[at] ?? 0))));
}

/** The rows drawn reach over all of the list that is on screen: nothing blank shows. */
function coversScreen(view: ListView): boolean {
  const { scrollTop, clientHeight, scrollHeight, rows } = view;
  const tops = rows.map((row) => row.top);
  if (tops.length < 2) return false;
  const height = rowHeightOf(view);
  return (
    Math.min(...tops) <= scrollTop && Math.max(...tops) + height >= Math.min(scrollTop + clientHeight, scrollHeight)
  );
}

const atEnd = (view: ListView) => view.scrollTop + view.clientHeight >= view.scrollHeight - 1;

/** Polls the list until `ready` holds: a wait on what the list shows, not on time. */
async function until(tree: Locator, ready: (view: ListView) => boolean, what: string): Promise<ListView> {
  let view: ListView | undefined;
  await expect
    .poll(
      async () => {
        view = await read(tree);
        return ready(view);
      },
      // A scroll is answered within a frame or two: look again that soon, not after 100 ms.
      { message: what, intervals: [16, 16, 32, 50, 100] },
    )
    .toBe(true);
  if (!view) throw new Error(what);
  return view;
}

/** One turn of the wheel over the list; answers the list once it has moved and drawn its rows. */
async function wheel(page: Page, tree: Locator, deltaY: number, from: ListView): Promise<ListView> {
  await page.mouse.wheel(0, deltaY);
  return until(
    tree,
    (view) => view.scrollTop !== from.scrollTop && coversScreen(view),
    `the list moves from ${from.scrollTop}px and draws the rows on screen`,
  );
}

/** Every row each view showed, by where it was drawn; a reused row must never show another's label. */
function record(seen: Map<number, string>, { rows, owns }: ListView): void {
  // The page holds its rows in slot order (a scroll moves no element); the tree owns them in
  // screen order, so it reads in the tree's order.
  expect(owns).toEqual(rows.toSorted((a, b) => a.top - b.top).map((row) => row.id));
  for (const { top, label } of rows) {
    if (seen.has(top)) expect(label, `the row at ${top}px`).toBe(seen.get(top));
    seen.set(top, label);
  }
}

/** The tree as Toggl's data says it is: clients in order, each with its open projects by name. */
function treeOrder(sandbox: TogglSandbox): string[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  // Archived projects are hidden.
  const projects = [...sandbox.state.projects.values()].filter((project) => project.active);
  const clientOf = (id: number | null | undefined) => (id ? (sandbox.state.clients.get(id)?.name ?? null) : null);
  const clients = [...new Set(projects.map((project) => clientOf(project.client_id)))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : collator.compare(a, b),
  );
  return clients.flatMap((client) => [
    client ?? 'No client',
    ...projects
      .filter((project) => clientOf(project.client_id) === client)
      .map((project) => project.name)
      .sort((a, b) => collator.compare(a, b)),
  ]);
}

/** Every place from the top to the end held one row, and together they are the tree. */
function expectWholeTree(seen: Map<number, string>, sandbox: TogglSandbox): void {
  const tops = [...seen.keys()].sort((a, b) => a - b);
  const height = (tops[1] ?? 0) - (tops[0] ?? 0);
  expect(tops).toEqual(tops.map((_, at) => at * height));
  expect(tops.map((top) => seen.get(top))).toEqual(treeOrder(sandbox));
}

/** Signs into the large account and puts the pointer over the list, as a wheel needs. */
async function openList(page: Page): Promise<Locator> {
  await signIn(page, { timeout: LARGE_ACCOUNT_LOAD });
  const tree = page.getByRole('tree');
  const box = await tree.boundingBox();
  if (!box) throw new Error('the list is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return tree;
}

/** Jumps to the end of the list (as dragging its scrollbar would) and waits for its last rows. */
async function jumpToEnd(tree: Locator): Promise<ListView> {
  await tree.evaluate((element) => (element.scrollTop = element.scrollHeight));
  return until(tree, (view) => atEnd(view) && coversScreen(view), 'the list shows its last rows');
}

test('scrolled down by the wheel, a long list shows every row once, in its place, in order', async ({
  app: { page },
  sandbox,
}) => {
  const tree = await openList(page);
  const seen = new Map<number, string>();
  let view = await until(tree, coversScreen, 'the list draws its first rows');
  record(seen, view);
  for (let step = 0; !atEnd(view); step++) {
    expect(step, 'the end of the list is reached').toBeLessThan(500);
    view = await wheel(page, tree, 90, view);
    record(seen, view);
  }
  expectWholeTree(seen, sandbox);
});

test('scrolled back up by the wheel from its end, a long list shows every row once, in its place, in order', async ({
  app: { page },
  sandbox,
}) => {
  const tree = await openList(page);
  const seen = new Map<number, string>();
  let view = await jumpToEnd(tree);
  record(seen, view);
  for (let step = 0; view.scrollTop > 0; step++) {
    expect(step, 'the top of the list is reached again').toBeLessThan(500);
    view = await wheel(page, tree, -130, view);
    record(seen, view);
  }
  expectWholeTree(seen, sandbox);
});

test('scrolled to its end, a long list still shows what a search finds', async ({ app: { page } }) => {
  const tree = await openList(page);
  const { rows } = await jumpToEnd(tree);
  // The last row: a search for it finds a few items, far fewer than the place it was scrolled
  // to (until the browser pulls the position back, the list must not draw from there).
  const last = rows.toSorted((a, b) => b.top - a.top)[0]?.label ?? '';
  await page.getByRole('searchbox', { name: 'Search projects and tasks' }).pressSequentially(last);
  await expect(page.getByRole('treeitem', { name: last, exact: true })).toBeVisible();
});

test('scrolled into the middle, assistive tech reads the rows on screen in the order they are drawn', async ({
  app: { page },
}) => {
  const tree = await openList(page);
  let view = await read(tree);
  for (let turn = 0; turn < 7; turn++) view = await wheel(page, tree, 130, view);
  // Chromium's own accessibility tree, which screen readers read: its rows under the tree.
  const devtools = await page.context().newCDPSession(page);
  const { nodes } = (await devtools.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const treeNode = nodes.find((node) => node.role?.value === 'tree');
  if (!treeNode) throw new Error('no tree in the accessibility tree');
  const spoken = (ids: string[] = []): string[] =>
    ids.flatMap((id) => {
      const node = byId.get(id);
      if (!node) return [];
      const role = node.role?.value;
      if (role === 'treeitem' || role === 'StaticText') return [(node.name?.value ?? '').trim()];
      return spoken(node.childIds);
    });
  const drawn = view.rows.toSorted((a, b) => a.top - b.top).map((row) => row.label);
  expect(drawn.length).toBeGreaterThan(10);
  expect(spoken(treeNode.childIds)).toEqual(drawn);
});

/** The fields of a CDP accessibility node this test reads. */
interface AXNode {
  nodeId: string;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

test('the first screen is drawn first; the rows just below it follow, ready for the first turn of the wheel', async ({
  app: { page },
}) => {
  // How many rows the page holds in the frame that paints the first rows (MainView marks it).
  await page.evaluate(() => {
    const mark = performance.mark.bind(performance);
    const page = window as unknown as { firstRowsHeld?: number };
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      if (name === 'toggl-tray:first-rows')
        page.firstRowsHeld = document.querySelectorAll('[role="tree"] .row:not([hidden])').length;
      return mark(name, options);
    };
  });
  const tree = await openList(page);
  // Below the screen's last row, a few more (the overscan) are drawn once the first screen is,
  // so a scroll finds them in place instead of making them in its frame.
  const below = (view: ListView, rows: number) =>
    Math.max(...view.rows.map((row) => row.top)) >= view.scrollTop + view.clientHeight + rows * rowHeightOf(view);
  const view = await until(tree, (current) => coversScreen(current) && below(current, 3), 'rows wait below the screen');
  const held = await page.evaluate(() => (window as unknown as { firstRowsHeld?: number }).firstRowsHeld);
  const rowHeight = rowHeightOf(view);
  // The first frame held the rows in view and two spare ones, not the overscan. Its frame's
  // callbacks run before the list's height is first measured: until then it takes 400 px.
  expect(held).toBeLessThanOrEqual(Math.ceil(Math.max(view.clientHeight, 400) / rowHeight) + 2);
  expect(view.rows.length).toBeGreaterThan(held ?? Infinity);
  expect(view.owns).toHaveLength(view.rows.length);
  // Three rows down: every row then on screen was already drawn, in its place.
  const before = new Map(view.rows.map((row) => [row.top, row.label]));
  await page.mouse.wheel(0, 3 * rowHeight);
  const moved = await until(tree, (current) => current.scrollTop > 0 && coversScreen(current), 'the list moves');
  expect(moved.scrollTop).toBeLessThanOrEqual(3 * rowHeight);
  const onScreen = moved.rows.filter(
    (row) => row.top + rowHeight > moved.scrollTop && row.top < moved.scrollTop + moved.clientHeight,
  );
  for (const row of onScreen) expect(before.get(row.top), `the row at ${row.top}px`).toBe(row.label);
});

test('the keyboard keeps the selection in view; a search shows its best hits from the top, ↓ takes the first; cleared, the list shows the selection again', async ({
  app: { page },
}) => {
  const tree = await openList(page);
  await tree.focus();
  await page.keyboard.press('End');
  const selected = page.locator('[role="treeitem"][aria-selected="true"]');
  await expect(selected).toBeInViewport();
  const last = (await selected.getAttribute('aria-label')) ?? '';
  expect((await read(tree)).scrollTop).toBeGreaterThan(0);
  // Its first letter finds it among hundreds: the list starts at the best of them, not at it.
  const search = page.getByRole('searchbox', { name: 'Search projects and tasks' });
  await search.pressSequentially(last.slice(0, 1));
  await until(tree, (view) => view.scrollTop === 0 && coversScreen(view), 'the hits show from the top');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.getByRole('treeitem', { name: last, exact: true })).toBeInViewport();
  await expect(page.getByRole('treeitem', { name: last, exact: true })).toHaveAttribute('aria-selected', 'true');
  await search.pressSequentially(last.slice(0, 2));
  await until(tree, (view) => view.scrollTop === 0 && coversScreen(view), 'the hits show from the top');
  await search.press('ArrowDown');
  await expect(tree).toBeFocused();
  // The tree's first item in its order (aria-owns): the page keeps its rows in slot order.
  const [first] = await treeItemNames(page);
  const firstHit = page.getByRole('treeitem', { name: first, exact: true });
  await expect(firstHit).toHaveAttribute('aria-selected', 'true');
  await expect(firstHit).toBeInViewport();
});

test('a project quick-added over a search, and the row after twenty archived at once, come into view once the list has them', async ({
  app: { page },
}) => {
  const tree = await openList(page);
  const search = page.getByRole('searchbox', { name: 'Search projects and tasks' });
  await search.pressSequentially('a');
  await search.press('ControlOrMeta+a');
  // No client: the new project sorts to the end of the list, far below the screen.
  await search.pressSequentially('+Zzz quick project');
  await search.press('Enter');
  const made = page.getByRole('treeitem', { name: 'Zzz quick project', exact: true });
  await expect(made).toBeInViewport();
  await expect(made).toHaveAttribute('aria-selected', 'true');

  // Twenty-one projects picked from the top, the selection on the last of them: archived,
  // they leave together and the selection goes to the row after them, which moves up with them.
  await tree.focus();
  await page.keyboard.press('Home');
  for (let picked = 0; picked < 21; picked++) {
    await page.keyboard.press('Space');
    if (picked < 20) await page.keyboard.press('ArrowDown');
  }
  // Picked rows are aria-selected too: the selected one is the row marked so.
  const next = page.locator('.row.selected [role="treeitem"]');
  const before = await next.getAttribute('aria-label');
  await page.keyboard.press('ControlOrMeta+e');
  await expect(next).not.toHaveAttribute('aria-label', before ?? '');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(next).toBeInViewport();
});
