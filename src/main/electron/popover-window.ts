import { BrowserWindow, nativeTheme, screen, type Rectangle } from 'electron';
import type { EventSink } from '../ipc/events';
import type { Logger } from '../services/logger';
import type { WindowMode } from '../services/desktop/placement';
import { popoverPosition } from './popover-position';

export const POPOVER_SIZE = { width: 380, height: 560 } as const;

// A tray click that lands right after the blur that hid the popover is the same gesture
// ("click the icon to close"): it must not reopen the window.
const REOPEN_GUARD_MS = 250;

export interface PopoverOptions {
  preloadPath: string;
  load: (window: BrowserWindow) => Promise<void>;
  iconPath: string;
  /** 'popover' beside the tray; 'window' a normal window (Wayland, or no tray to live in). */
  mode: WindowMode;
  /** No tray to quit from (Linux without a tray host): closing the window quits the app. */
  closeQuits: boolean;
  /** Asked to quit (closeQuits). */
  quit: () => void;
  /** Windows is ending the session (log-off, shutdown): no quit events follow, write what must be written now. */
  sessionEnding: () => void;
  log: Logger;
  /** Sees every event sent to the page (tests record them). */
  record?: (message: string) => void;
}

/**
 * The popover: made once and hidden, so showing it is instant. Closing it (Ctrl/Cmd+W,
 * Alt+F4, the window manager) hides it; only a quit lets it close. Should it be gone anyway,
 * the next open makes a new one: nothing here calls a destroyed window.
 */
export class PopoverWindow implements EventSink {
  private current: BrowserWindow | null = null;
  private hiddenByBlurAt = 0;
  private quitting = false;

  constructor(private readonly options: PopoverOptions) {
    this.ensure();
  }

  /** The page's contents while the window exists (IPC checks its sender against it). */
  get webContents(): Electron.WebContents | null {
    return this.live()?.webContents ?? null;
  }

  /** From now on a close closes (the app is quitting). */
  allowClose(): void {
    this.quitting = true;
  }

  /** Tray click, shortcut, `--toggle`: open beside the icon, or close when open and in sight. */
  toggle(anchor?: Rectangle): void {
    const window = this.live();
    // A normal window behind others or minimized is brought forward, not hidden.
    const inSight =
      window?.isVisible() && !window.isMinimized() && (this.options.mode === 'popover' || window.isFocused());
    if (inSight) return this.hide();
    if (Date.now() - this.hiddenByBlurAt < REOPEN_GUARD_MS) return;
    this.showAt(anchor);
  }

  /**
   * Opens beside the tray icon. Without one (Linux trays give no bounds) it opens by the
   * cursor, or centred when `centre` (a first start, where the cursor says nothing). As a
   * normal window the desktop places it (Wayland ignores positions).
   */
  showAt(anchor?: Rectangle, centre = false): void {
    if (this.quitting) return;
    const window = this.ensure();
    if (window.isMinimized()) window.restore();
    if (this.options.mode === 'popover') {
      const { x, y } = this.positionFor(anchor, centre);
      window.setPosition(x, y, false);
    } else if (!window.isVisible()) {
      window.center();
    }
    window.show();
    window.focus();
    this.emit('popover.shown', { at: Date.now() });
  }

  hide(): void {
    this.live()?.hide();
  }

  visible(): boolean {
    return this.live()?.isVisible() ?? false;
  }

  /** As Ctrl/Cmd+W or Alt+F4 would (tests). */
  close(): void {
    this.live()?.close();
  }

  /**
   * Escape in the page: a popover hides (the tray brings it back); a normal window is
   * minimized, as windows are, so it stays in the taskbar where there is no tray.
   */
  dismiss(): void {
    if (this.options.mode === 'popover') return this.hide();
    this.live()?.minimize();
  }

  emit: EventSink['emit'] = (event, payload) => {
    this.options.record?.(JSON.stringify({ event, payload }));
    this.live()?.webContents.send(event, payload);
  };

  private positionFor(anchor: Rectangle | undefined, centre: boolean): { x: number; y: number } {
    const hasAnchor = anchor !== undefined && anchor.width > 0 && anchor.height > 0;
    if (!hasAnchor && centre) {
      const { workArea } = screen.getPrimaryDisplay();
      return {
        x: Math.round(workArea.x + (workArea.width - POPOVER_SIZE.width) / 2),
        y: Math.round(workArea.y + (workArea.height - POPOVER_SIZE.height) / 3),
      };
    }
    const point = screen.getCursorScreenPoint();
    const target = hasAnchor ? anchor : { x: point.x, y: point.y, width: 1, height: 1 };
    const display = screen.getDisplayMatching(target);
    return popoverPosition({
      anchor: target,
      window: POPOVER_SIZE,
      displayBounds: display.bounds,
      workArea: display.workArea,
    });
  }

  private live(): BrowserWindow | null {
    return this.current && !this.current.isDestroyed() ? this.current : null;
  }

  private ensure(): BrowserWindow {
    const existing = this.live();
    if (existing) return existing;
    const window = this.create();
    this.current = window;
    return window;
  }

  private create(): BrowserWindow {
    const { options } = this;
    const popover = options.mode === 'popover';
    const window = new BrowserWindow({
      ...POPOVER_SIZE,
      show: false,
      title: 'Toggl Tray',
      frame: !popover,
      resizable: !popover,
      minWidth: POPOVER_SIZE.width,
      minHeight: 320,
      movable: !popover,
      minimizable: !popover,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: popover,
      alwaysOnTop: popover,
      autoHideMenuBar: true,
      icon: options.iconPath,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1f1d24' : '#ffffff',
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        // Middle-click would open links in a new window, past the window-open handler.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    if (popover && process.platform === 'darwin') {
      window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    }
    window.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      if (options.closeQuits) return options.quit();
      window.hide();
    });
    window.on('session-end', () => options.sessionEnding());
    window.on('closed', () => {
      if (this.current === window) this.current = null;
    });
    // A popover goes away when the user looks elsewhere; a normal window stays where it is.
    if (popover) {
      window.on('blur', () => {
        // Our own hide blurs it too: that is no click elsewhere, and must not block the next open.
        if (!window.isVisible() || window.webContents.isDevToolsFocused()) return;
        this.hiddenByBlurAt = Date.now();
        window.hide();
      });
    }
    options.load(window).catch((error: unknown) => options.log.error('popover: the page did not load', { error }));
    return window;
  }
}
