import { z } from 'zod';
import type { AppSettings } from '../../shared/contract';
import { UserFacingError } from './errors';
import type { Logger } from './logger';
import { JsonStore } from './store/json-store';

const MODIFIERS = '(?:CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)';
const KEYS =
  '(?:[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Space|Tab|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus)';
/** An Electron accelerator with at least one modifier, e.g. "CommandOrControl+Shift+T". */
const ACCELERATOR = new RegExp(`^(?:${MODIFIERS}\\+)+${KEYS}$`, 'i');

export const DEFAULT_SETTINGS: AppSettings = {
  launchAtLogin: false,
  shortcut: 'CommandOrControl+Shift+Space',
  backgroundSync: true,
};

const settingsSchema = z.object({
  launchAtLogin: z.boolean(),
  shortcut: z.string().nullable(),
  backgroundSync: z.boolean(),
});

/** The user's preferences, in settings.json in the data dir. */
export class SettingsStore {
  private readonly store: JsonStore<AppSettings>;

  constructor(dataDir: string, log: Logger) {
    this.store = new JsonStore({
      dataDir,
      name: 'settings',
      schema: settingsSchema,
      migrate: (raw) => (raw && typeof raw === 'object' ? { ...DEFAULT_SETTINGS, ...raw } : raw),
      empty: () => ({ ...DEFAULT_SETTINGS }),
      log,
    });
  }

  get(): AppSettings {
    return this.store.get();
  }

  /** Checks and stores a change; the shell then applies it. */
  update(changes: Partial<AppSettings>): AppSettings {
    if (changes.shortcut !== undefined && changes.shortcut !== null) {
      const shortcut = changes.shortcut.trim();
      if (!ACCELERATOR.test(shortcut)) {
        throw new UserFacingError(
          'refused',
          `“${changes.shortcut}” is not a shortcut: use modifiers and a key joined by +, e.g. CommandOrControl+Shift+Space.`,
        );
      }
      changes = { ...changes, shortcut };
    }
    const next = { ...this.store.get(), ...changes };
    this.store.write(next);
    return next;
  }
}
