import type { Api } from '../../../preload/api';
import type { AppSettings, SettingsView } from '../../../shared/contract';

/** The settings view's state: what main stored and whether it took effect. */
export class SettingsState {
  view = $state<SettingsView | null>(null);
  error = $state<string | null>(null);
  /** Where the logs are, once asked and the shell could not open the folder itself. */
  logsFolder = $state<string | null>(null);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const result = await this.#api.invoke('settings.get');
    if (result.ok) this.view = result.value;
  }

  /** Opens the log folder (desktop app); in the browser shell, shows where it is. */
  async openLogs(): Promise<void> {
    const result = await this.#api.invoke('shell.openLogs');
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.logsFolder = result.value.opened ? null : result.value.folder;
  }

  async update(changes: Partial<AppSettings>): Promise<void> {
    const result = await this.#api.invoke('settings.update', changes);
    if (result.ok) {
      this.view = result.value;
      this.error = null;
    } else {
      this.error = result.error.message;
    }
  }
}
