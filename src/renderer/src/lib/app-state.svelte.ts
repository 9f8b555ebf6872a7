import type { Api } from '../../../preload/api';
import type { AppInfo, MenuCommand } from '../../../shared/contract';
import { accentPalette } from '../../../shared/accent';
import type { IpcError } from '../../../shared/ipc-result';

/** Uses the OS accent color for selection, focus and primary buttons, where main could read one. */
export function applyAccent(root: HTMLElement, color: string | null): void {
  const palette = accentPalette(color);
  if (!palette) return;
  root.style.setProperty('--accent', palette.accent);
  root.style.setProperty('--on-accent', palette.onAccent);
}

/** The popover's app-level state: what main told us about itself. */
export class AppState {
  info = $state<AppInfo | null>(null);
  error = $state<IpcError | null>(null);

  readonly shellLabel = $derived(this.info?.shell === 'web' ? 'browser shell' : 'desktop');

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  /** A tray menu line the popover acts on (Settings, Sign out, Refresh). */
  onMenuCommand(handler: (command: MenuCommand) => void): () => void {
    return this.#api.on('menu.command', ({ command }) => handler(command));
  }

  async load(): Promise<void> {
    const result = await this.#api.invoke('app.info');
    if (result.ok) {
      this.info = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }

  hidePopover(): void {
    void this.#api.invoke('popover.hide');
  }

  /** Opens a web link through main's checked path; the browser shell opens it itself. */
  async openExternal(url: string): Promise<void> {
    const result = await this.#api.invoke('shell.openExternal', { url });
    if (!result.ok) {
      this.error = result.error;
    } else if (!result.value.opened) {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  }
}
