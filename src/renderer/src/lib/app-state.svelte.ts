import type { Api } from '../../../preload/api';
import type { AppInfo, MenuCommand } from '../../../shared/contract';
import type { IpcError } from '../../../shared/ipc-result';

/** The popover's app-level state: what main told us about itself, and its events. */
export class AppState {
  info = $state<AppInfo | null>(null);
  error = $state<IpcError | null>(null);
  /** The last tray-menu command main asked the popover to act on. */
  lastCommand = $state<MenuCommand | null>(null);
  shownAt = $state<number | null>(null);

  readonly shellLabel = $derived(this.info?.shell === 'web' ? 'browser shell' : 'desktop');

  constructor(private readonly api: Api) {}

  async load(): Promise<void> {
    const result = await this.api.invoke('app.info');
    if (result.ok) {
      this.info = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }

  /** Subscribes to main's events; returns the function that unsubscribes. */
  listen(): () => void {
    const offShown = this.api.on('popover.shown', ({ at }) => (this.shownAt = at));
    const offCommand = this.api.on('menu.command', ({ command }) => (this.lastCommand = command));
    return () => {
      offShown();
      offCommand();
    };
  }

  hidePopover(): void {
    void this.api.invoke('popover.hide');
  }

  /** Opens a web link through main's checked path; the browser shell opens it itself. */
  async openExternal(url: string): Promise<void> {
    const result = await this.api.invoke('shell.openExternal', { url });
    if (!result.ok) {
      this.error = result.error;
    } else if (!result.value.opened) {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  }
}
