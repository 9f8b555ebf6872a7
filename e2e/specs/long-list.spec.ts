// A list longer than the window: only the rows on screen exist, reused as it scrolls
// (ProjectTree.svelte). Scrolled by the mouse wheel, down and back, every row must show once,
// in its place, in the tree's order.
import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signIn } from '../support/app-page';

test.use({ account: { projects: 240, tasks: 720 } });

/** The rows the page holds now, in page order: where each is drawn and what it says. */
function rendered(tree: Locator) {
  return tree.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('.row')].map((row) => ({
      top: Number.parseFloat(row.style.top),
      label: row.querySelector('[role="treeitem"]')?.getAttribute('aria-label') ?? row.textContent.trim(),
    })),
  );
}

/** Until the list has answered the last scroll and painted. */
const painted = (tree: Locator) =>
  tree.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('a long list, scrolled by the wheel down and back, shows every row once, in order', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const tree = page.getByRole('tree');
  const box = await tree.boundingBox();
  if (!box) throw new Error('the list is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

  const seen = new Map<number, string>();
  const look = async () => {
    const rows = await rendered(tree);
    // The page holds them in screen order, so it reads in the tree's order.
    expect(rows.map((row) => row.top)).toEqual(rows.map((row) => row.top).sort((a, b) => a - b));
    for (const { top, label } of rows) {
      // A reused row never shows what another row showed at that place.
      if (seen.has(top)) expect(label, `the row at ${top}px`).toBe(seen.get(top));
      seen.set(top, label);
    }
  };
  const scrollTop = () => tree.evaluate((element) => element.scrollTop);
  const atEnd = () => tree.evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1);

  await look();
  for (let step = 0; !(await atEnd()); step++) {
    expect(step, 'the end of the list is reached').toBeLessThan(500);
    await page.mouse.wheel(0, 90);
    await painted(tree);
    await look();
  }
  for (let step = 0; (await scrollTop()) > 0; step++) {
    expect(step, 'the top of the list is reached again').toBeLessThan(500);
    await page.mouse.wheel(0, -130);
    await painted(tree);
    await look();
  }

  // Scrolled to the end, a search that finds a few items shows them (the list is far shorter
  // than the place it was scrolled to, until the browser pulls the position back).
  await tree.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await painted(tree);
  const search = page.getByRole('searchbox', { name: 'Search projects and tasks' });
  const last = [...seen.entries()].sort((a, b) => b[0] - a[0])[0]?.[1] ?? '';
  await search.pressSequentially(last);
  await expect(page.getByRole('treeitem', { name: last, exact: true })).toBeVisible();

  // Every place from the top to the end held one row, and together they are the tree:
  // clients in order, each with its open projects by name (archived ones are hidden).
  const tops = [...seen.keys()].sort((a, b) => a - b);
  const height = (tops[1] ?? 0) - (tops[0] ?? 0);
  expect(tops).toEqual(tops.map((_, at) => at * height));
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const projects = [...sandbox.state.projects.values()].filter((project) => project.active);
  const clientOf = (id: number | null | undefined) => (id ? (sandbox.state.clients.get(id)?.name ?? null) : null);
  const clients = [...new Set(projects.map((project) => clientOf(project.client_id)))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : collator.compare(a, b),
  );
  const expected = clients.flatMap((client) => [
    client ?? 'No client',
    ...projects
      .filter((project) => clientOf(project.client_id) === client)
      .map((project) => project.name)
      .sort((a, b) => collator.compare(a, b)),
  ]);
  expect(tops.map((top) => seen.get(top))).toEqual(expected);
});
