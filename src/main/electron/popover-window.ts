import { BrowserWindow, nativeTheme, screen, type Rectangle } from 'electron';
import type { EventSink } from '../ipc/events';
import { popoverPosition } from './popover-position';

export const POPOVER_SIZE = { width: 380, height: 560 } as const;

// A tray click that lands right after the blur that hid the popover is the same gesture
// ("click the icon to close"): it must not reopen the window.
const REOPEN_GUARD_MS = 250;

export interface PopoverOptions {
  preloadPath: string;
  load: (window: BrowserWindow) => Promise<void>;
  iconPath: string;
  /** Sees every event sent to the page (tests record them). */
  record?: (message: string) => void;
}

/** The popover: created once, hidden, so showing it is instant. */
export class PopoverWindow implements EventSink {
  readonly window: BrowserWindow;
  private hiddenByBlurAt = 0;

  constructor(private readonly options: PopoverOptions) {
    this.window = new BrowserWindow({
      ...POPOVER_SIZE,
      show: false,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
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
    if (process.platform === 'darwin') this.window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    this.window.on('blur', () => {
      if (this.window.webContents.isDevToolsFocused()) return;
      this.hiddenByBlurAt = Date.now();
      this.window.hide();
    });
    void options.load(this.window);
  }

  get webContents(): Electron.WebContents {
    return this.window.webContents;
  }

  /** Tray click: open beside the icon, or close when open. */
  toggle(anchor: Rectangle): void {
    if (this.window.isVisible()) return this.hide();
    if (Date.now() - this.hiddenByBlurAt < REOPEN_GUARD_MS) return;
    this.showAt(anchor);
  }

  /** Opens beside the tray icon; an empty anchor (Linux) falls back to the cursor. */
  showAt(anchor?: Rectangle): void {
    const hasAnchor = anchor !== undefined && anchor.width > 0 && anchor.height > 0;
    const point = screen.getCursorScreenPoint();
    const target = hasAnchor ? anchor : { x: point.x, y: point.y, width: 1, height: 1 };
    const display = screen.getDisplayMatching(target);
    const { x, y } = popoverPosition({
      anchor: target,
      window: POPOVER_SIZE,
      displayBounds: display.bounds,
      workArea: display.workArea,
    });
    this.window.setPosition(x, y, false);
    this.window.show();
    this.window.focus();
    this.emit('popover.shown', { at: Date.now() });
  }

  hide(): void {
    this.window.hide();
  }

  emit: EventSink['emit'] = (event, payload) => {
    this.options.record?.(JSON.stringify({ event, payload }));
    if (!this.window.isDestroyed()) this.window.webContents.send(event, payload);
  };
}
