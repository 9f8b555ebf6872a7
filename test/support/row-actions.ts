import { vi } from 'vitest';
import type { RowActions } from '../../src/renderer/src/lib/list/actions';

/** A row's actions, each a spy; the reads answer as for a row with no timer, no time today and nobody assigned. */
export function spyRowActions() {
  return {
    select: vi.fn(),
    toggle: vi.fn(),
    edit: vi.fn(),
    setActive: vi.fn(),
    remove: vi.fn(),
    resolve: vi.fn(),
    members: vi.fn(),
    timer: vi.fn(),
    timing: vi.fn(() => false),
    trackedToday: vi.fn(() => 0),
    assignee: vi.fn(() => null),
  } satisfies RowActions;
}
