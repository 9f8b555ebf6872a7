/** Where the popover goes: pure maths, no Electron, so it is tested on sample screens. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface PopoverLayout {
  /** The tray icon's bounds; Linux often reports an empty rect, then pass the cursor. */
  anchor: Rect;
  window: Size;
  /** The display's full bounds and its work area (without the taskbar or menu bar). */
  displayBounds: Rect;
  workArea: Rect;
}

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

/** Space between the tray icon and the popover, and between the popover and screen edges. */
export const GAP = 6;

/**
 * The edge the tray icon sits on: the side of the work area its centre lies beyond (the
 * taskbar or menu bar is outside the work area). A centre inside the work area (auto-hidden
 * taskbar, or a cursor position as anchor) opens away from the nearer screen edge.
 */
export function trayEdge(displayBounds: Rect, workArea: Rect, anchor: Rect): TaskbarEdge {
  const centerX = anchor.x + anchor.width / 2;
  const centerY = anchor.y + anchor.height / 2;
  if (centerY < workArea.y) return 'top';
  if (centerY >= workArea.y + workArea.height) return 'bottom';
  if (centerX < workArea.x) return 'left';
  if (centerX >= workArea.x + workArea.width) return 'right';
  return centerY < displayBounds.y + displayBounds.height / 2 ? 'top' : 'bottom';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** The popover's top-left corner: beside the tray icon, away from the taskbar, on screen. */
export function popoverPosition(layout: PopoverLayout): { x: number; y: number } {
  const { anchor, window, displayBounds, workArea } = layout;
  const centerX = anchor.x + anchor.width / 2;
  const centerY = anchor.y + anchor.height / 2;
  let x: number;
  let y: number;
  switch (trayEdge(displayBounds, workArea, anchor)) {
    case 'top':
      x = centerX - window.width / 2;
      y = Math.max(anchor.y + anchor.height, workArea.y) + GAP;
      break;
    case 'bottom':
      x = centerX - window.width / 2;
      y = Math.min(anchor.y, workArea.y + workArea.height) - window.height - GAP;
      break;
    case 'left':
      x = Math.max(anchor.x + anchor.width, workArea.x) + GAP;
      y = centerY - window.height / 2;
      break;
    case 'right':
      x = Math.min(anchor.x, workArea.x + workArea.width) - window.width - GAP;
      y = centerY - window.height / 2;
      break;
  }
  return {
    x: Math.round(clamp(x, workArea.x + GAP, workArea.x + workArea.width - window.width - GAP)),
    y: Math.round(clamp(y, workArea.y + GAP, workArea.y + workArea.height - window.height - GAP)),
  };
}
