import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Where focus is, seen from an open modal dialog: "control <n>" (its nth control in Tab
 * order), "browser", or "behind: <element>" (the page behind the dialog, which must never
 * have it).
 *
 * "browser": past the last control (or before the first), Chromium hands focus to the
 * browser's own UI, its toolbar in a window that has one, before coming back to the first
 * control (the HTML standard leaves the browser a way out of a modal dialog). The page then
 * holds no focused element, its body stands in, and the document does not have focus. Seen in
 * the Chromium these tests drive (headless, no toolbar): Tab goes control 0, 1 … last,
 * "browser", 0, 1 …. Focus fallen onto the page's body (the bug this guards against) has the
 * same body but a focused document, and counts as behind.
 */
function focusPlace(dialog: Locator): Promise<{ place: string; controls: number }> {
  return dialog.evaluate((element) => {
    const page = element.ownerDocument;
    const active = page.activeElement;
    const controls = [
      ...element.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
    ].filter((control) => control.tabIndex >= 0 && !control.matches(':disabled') && control.checkVisibility());
    const place =
      active instanceof HTMLElement && controls.includes(active)
        ? `control ${controls.indexOf(active)}`
        : active && element.contains(active)
          ? `inside, not a control: ${active.outerHTML.slice(0, 80)}`
          : active === page.body && !page.hasFocus()
            ? 'browser'
            : `behind: ${active?.outerHTML.slice(0, 80) ?? 'nothing'}`;
    return { place, controls: controls.length };
  });
}

/**
 * Tab, then Shift+Tab, each pressed more times than the dialog has controls: after every press
 * focus is on one of its controls or in the browser's own UI (never twice in a row: the next
 * press brings it back), never on the page behind; and it goes round, reaching every control.
 */
export async function expectFocusToStayIn(page: Page, dialog: Locator): Promise<void> {
  const { place: start, controls } = await focusPlace(dialog);
  expect(start, 'focus when the presses start').toMatch(/^control /);
  expect(controls, 'the dialog has controls').toBeGreaterThan(0);
  for (const key of ['Tab', 'Shift+Tab']) {
    const places: string[] = [];
    for (let press = 0; press < controls + 3; press++) {
      await page.keyboard.press(key);
      places.push((await focusPlace(dialog)).place);
    }
    const where = `${key} × ${places.length}: ${places.join(', ')}`;
    expect(
      places.every((place) => /^control \d+$/.test(place) || place === 'browser'),
      where,
    ).toBe(true);
    expect(places.join(', '), where).not.toContain('browser, browser');
    expect(new Set(places.filter((place) => place !== 'browser')).size, where).toBe(controls);
  }
  // Leave focus on a control, where the next step of the test expects it.
  if ((await focusPlace(dialog)).place === 'browser') await page.keyboard.press('Tab');
}

/** Drops focus onto the page's body, as removing the focused element does: Escape then never passes through the dialog. */
export async function dropFocusToBody(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  // Not document.hasFocus(): whether the OS gave the window focus is no concern of this step.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
}

/** Presses Tab (Shift+Tab with `back`) until `target` has focus, at most `limit` times, as a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, { back = false, limit = 40 } = {}): Promise<void> {
  for (let pressed = 0; pressed < limit; pressed++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}
