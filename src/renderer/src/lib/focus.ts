/**
 * Focuses an element; answers whether it took focus. One that left the page, is hidden,
 * disabled or inert (behind a modal dialog) does not.
 */
export function focusOn(element: HTMLElement): boolean {
  if (!element.isConnected) return false;
  element.focus();
  return document.activeElement === element;
}

/** What a keyboard user can land on, in the order Tab reaches it (no positive tabindex is used). */
const CONTROLS = [
  'input:not([type=hidden]):not(:disabled)',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  'button:not(:disabled)',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/** Focuses the first control inside `container` that takes focus; answers whether one did. */
export function focusFirstControl(container: ParentNode): boolean {
  for (const control of container.querySelectorAll<HTMLElement>(CONTROLS)) {
    if (focusOn(control)) return true;
  }
  return false;
}

/** Puts focus back once a dialog is gone, given what had focus when it opened (null: nothing did). */
export type ReturnFocus = (opener: HTMLElement | null) => void;

/**
 * Back where focus was; when that went (or nothing had it: the popover opened for the dialog),
 * the search box. For dialogs main asks on its own (idle time, a link).
 */
export const returnFocusOrSearch: ReturnFocus = (opener) => {
  if (opener && focusOn(opener)) return;
  document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
};
