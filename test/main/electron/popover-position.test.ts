import { describe, expect, it } from 'vitest';
import { GAP, popoverPosition, trayEdge, type Rect } from '../../../src/main/electron/popover-position';

const popover = { width: 380, height: 560 };

function inside(pos: { x: number; y: number }, area: Rect): boolean {
  return (
    pos.x >= area.x &&
    pos.y >= area.y &&
    pos.x + popover.width <= area.x + area.width &&
    pos.y + popover.height <= area.y + area.height
  );
}

describe('popoverPosition', () => {
  it('Windows, taskbar at the bottom: opens above the icon, centred on it', () => {
    const displayBounds = { x: 0, y: 0, width: 1920, height: 1080 };
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const anchor = { x: 1500, y: 1044, width: 32, height: 32 };
    const pos = popoverPosition({ anchor, window: popover, displayBounds, workArea });
    expect(trayEdge(displayBounds, workArea, anchor)).toBe('bottom');
    expect(pos).toEqual({ x: 1500 + 16 - 190, y: 1040 - 560 - GAP });
    expect(inside(pos, workArea)).toBe(true);
  });

  it('macOS, menu bar at the top and a dock at the bottom: opens below the icon', () => {
    const displayBounds = { x: 0, y: 0, width: 1440, height: 900 };
    const workArea = { x: 0, y: 25, width: 1440, height: 800 };
    const anchor = { x: 1100, y: 0, width: 22, height: 24 };
    const pos = popoverPosition({ anchor, window: popover, displayBounds, workArea });
    expect(trayEdge(displayBounds, workArea, anchor)).toBe('top');
    expect(pos).toEqual({ x: 1100 + 11 - 190, y: 25 + GAP });
  });

  it('clamps to the work area when the icon sits in the corner', () => {
    const displayBounds = { x: 0, y: 0, width: 1440, height: 900 };
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const anchor = { x: 1420, y: 0, width: 20, height: 24 };
    const pos = popoverPosition({ anchor, window: popover, displayBounds, workArea });
    expect(pos).toEqual({ x: 1440 - 380 - GAP, y: 25 + GAP });
    expect(inside(pos, workArea)).toBe(true);
  });

  it('taskbar on the left: opens to the right of the icon', () => {
    const displayBounds = { x: 0, y: 0, width: 1920, height: 1080 };
    const workArea = { x: 60, y: 0, width: 1860, height: 1080 };
    const anchor = { x: 14, y: 900, width: 32, height: 32 };
    const pos = popoverPosition({ anchor, window: popover, displayBounds, workArea });
    expect(trayEdge(displayBounds, workArea, anchor)).toBe('left');
    expect(pos).toEqual({ x: 60 + GAP, y: 1080 - 560 - GAP });
  });

  it('taskbar on the right of a second monitor at negative coordinates', () => {
    const displayBounds = { x: -1280, y: -200, width: 1280, height: 1024 };
    const workArea = { x: -1280, y: -200, width: 1232, height: 1024 };
    const anchor = { x: -40, y: 300, width: 32, height: 32 };
    const pos = popoverPosition({ anchor, window: popover, displayBounds, workArea });
    expect(trayEdge(displayBounds, workArea, anchor)).toBe('right');
    expect(pos).toEqual({ x: -48 - 380 - GAP, y: 316 - 280 });
    expect(inside(pos, workArea)).toBe(true);
  });

  it('Linux without tray bounds: the cursor in a top panel opens below it', () => {
    const displayBounds = { x: 0, y: 0, width: 2560, height: 1440 };
    const workArea = { x: 0, y: 32, width: 2560, height: 1408 };
    const cursor = { x: 2400, y: 12, width: 1, height: 1 };
    const pos = popoverPosition({ anchor: cursor, window: popover, displayBounds, workArea });
    // Centred on the cursor would overflow the right edge: clamped inside the work area.
    expect(pos).toEqual({ x: 2560 - 380 - GAP, y: 32 + GAP });
  });

  it('an auto-hidden taskbar (work area = display): opens away from the nearer edge', () => {
    const displayBounds = { x: 0, y: 0, width: 1366, height: 768 };
    const workArea = { ...displayBounds };
    const bottomIcon = { x: 1200, y: 740, width: 24, height: 24 };
    const low = popoverPosition({ anchor: bottomIcon, window: popover, displayBounds, workArea });
    expect(trayEdge(displayBounds, workArea, bottomIcon)).toBe('bottom');
    expect(low.y + popover.height).toBeLessThanOrEqual(740);
    expect(inside(low, workArea)).toBe(true);
  });

  it('a screen smaller than the popover pins it to the work area’s top-left', () => {
    const displayBounds = { x: 0, y: 0, width: 360, height: 500 };
    const workArea = { x: 0, y: 20, width: 360, height: 480 };
    const pos = popoverPosition({
      anchor: { x: 300, y: 0, width: 20, height: 20 },
      window: popover,
      displayBounds,
      workArea,
    });
    expect(pos).toEqual({ x: GAP, y: 20 + GAP });
  });
});
