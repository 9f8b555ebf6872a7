import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG levels every view is held to: 2.1, A and AA. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now and fails on any WCAG 2.1 A or AA violation, listing each
 * rule and where it was found.
 *
 * axe runs in the page itself (AxeBuilder's legacy mode). Its default opens a blank page beside
 * the app to merge the results of each frame, and that page, a new renderer, costs 1-3 s per
 * check on a 2-core machine, ten times the check itself; it exists for cross-origin iframes. The
 * popover has a single frame, asserted here, so the rules, the tags and the result are the same.
 */
export async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
  expect(page.frames(), `${view}: the popover has one frame, so axe's legacy mode sees all of it`).toHaveLength(1);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode().analyze();
  const found = violations.map((violation) => ({
    view,
    rule: violation.id,
    help: violation.help,
    where: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(found, `${view}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}
