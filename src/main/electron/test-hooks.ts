import type { Rectangle } from 'electron';
import type { ManualIdleSource } from '../services/idle/manual-idle-source';
import type { ManualHotkeyPort } from '../services/hotkeys/manual-hotkey-port';
import type { PopoverWindow } from './popover-window';
import type { AppTray } from './tray';
import type { TrayState } from './tray-state';

/** What the Electron e2e specs reach through `electronApp.evaluate`: the tray has no DOM to click. */
export interface TrayTestHooks {
  clickTray(bounds: Rectangle): void;
  menuLabels(): string[];
  clickMenuItem(label: string): void;
  trayState(): TrayState;
  /** The popover's own window (other windows a spec opens come in no set order). */
  popoverVisible(): boolean;
  showPopover(): void;
  hidePopover(): void;
  closePopover(): void;
  /** The machine's idle time, sleep and lock, as ManualIdleSource.command takes them ("idle 1800", "lock"). */
  idle(command: string): void;
  /** The pinned hotkeys, as ManualHotkeyPort.command takes them ("press CommandOrControl+Alt+1"). */
  hotkey(command: string): void;
}

/**
 * Exposes the tray to Playwright's Electron launcher when TOGGL_TRAY_TEST_HOOKS=1 in an
 * unpackaged build only (dev-switches.ts): a packaged app never has them.
 */
export function exposeTestHooks(
  enabled: boolean,
  tray: AppTray,
  popover: PopoverWindow,
  idle: ManualIdleSource | undefined,
  hotkeys: ManualHotkeyPort | undefined,
): void {
  if (!enabled) return;
  const hooks: TrayTestHooks = {
    clickTray: (bounds) => popover.toggle(bounds),
    trayState: () => tray.state(),
    popoverVisible: () => popover.visible(),
    showPopover: () => popover.showAt(),
    hidePopover: () => popover.hide(),
    closePopover: () => popover.close(),
    idle: (command) => {
      if (!idle) throw new Error('the idle source is not driven by hand');
      idle.command(command);
    },
    hotkey: (command) => {
      if (!hotkeys) throw new Error('the hotkeys are not pressed by hand');
      hotkeys.command(command);
    },
    menuLabels: () => tray.menuLines().map((line) => line.label),
    clickMenuItem: (label) => {
      const line = tray.menuLines().find((candidate) => candidate.label === label);
      if (!line) throw new Error(`no menu item "${label}"`);
      line.click();
    },
  };

  (globalThis as { togglTrayTestHooks?: TrayTestHooks }).togglTrayTestHooks = hooks;
}
