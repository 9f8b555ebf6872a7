import type { Api } from '../../../preload/api';
import type { AppSettings, SettingsView } from '../../../shared/contract';

/** The settings view's state: what main stored and whether it took effect. */
export class SettingsState {
  view = $state<SettingsView | null>(null);
  error = $state<string | null>(null);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const result = await this.#api.invoke('settings.get');
    if (result.ok) this.view = result.value;
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
