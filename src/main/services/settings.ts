import { z } from 'zod';
import { HOTKEY_PINS_MAX, type AppSettings, type HotkeyPin } from '../../shared/contract';
import { appIdentity } from './app-identity';
import { UserFacingError } from './errors';
import type { Logger } from './logger';
import {
  openConfFile,
  openOrStartAfresh,
  type MigrationTarget,
  type OpenSettingsFile,
  type SettingsFile,
} from './store/settings-file';

const MODIFIERS = '(?:CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)';
const KEYS =
  '(?:[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Space|Tab|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus)';
/** An Electron accelerator with at least one modifier, e.g. "CommandOrControl+Shift+T". */
const ACCELERATOR = new RegExp(`^(?:${MODIFIERS}\\+)+${KEYS}$`, 'i');

export const DEFAULT_SETTINGS: AppSettings = {
  launchAtLogin: false,
  shortcut: 'CommandOrControl+Shift+Space',
  backgroundSync: true,
  checkForUpdates: true,
  idleMinutes: 5,
};

/** The longest idle time Settings takes before asking (a working day). */
export const IDLE_MINUTES_MAX = 720;

/** Read field by field: a value of the wrong type falls back to its default, the rest is kept. */
const settingsSchema = z.object({
  launchAtLogin: z.boolean().catch(DEFAULT_SETTINGS.launchAtLogin),
  shortcut: z.string().nullable().catch(DEFAULT_SETTINGS.shortcut),
  backgroundSync: z.boolean().catch(DEFAULT_SETTINGS.backgroundSync),
  checkForUpdates: z.boolean().catch(DEFAULT_SETTINGS.checkForUpdates),
  idleMinutes: z.number().catch(DEFAULT_SETTINGS.idleMinutes),
});

/** Why a shortcut cannot be used, or null: the one rule for a change and for the file read at start. */
export function shortcutProblem(shortcut: string): string | null {
  return ACCELERATOR.test(shortcut.trim())
    ? null
    : `“${shortcut}” is not a shortcut: use modifiers and a key joined by +, e.g. CommandOrControl+Shift+Space.`;
}

/**
 * One spelling per key and modifier, modifiers sorted: two accelerators that are the same keys
 * on this platform compare equal (CommandOrControl is Command on macOS, Control elsewhere).
 */
export function acceleratorKeys(accelerator: string, platform: NodeJS.Platform = process.platform): string {
  const parts = accelerator.trim().toLowerCase().split('+');
  const key = parts.pop() ?? '';
  const either = platform === 'darwin' ? 'command' : 'control';
  const alias: Record<string, string> = {
    commandorcontrol: either,
    cmdorctrl: either,
    ctrl: 'control',
    cmd: 'command',
    option: 'alt',
  };
  return [...new Set(parts.map((part) => alias[part] ?? part))].sort().concat(key).join('+');
}

/** The shortcuts new pins get, the first free one each. */
export const HOTKEY_DEFAULTS = [1, 2, 3, 4, 5].map((digit) => `CommandOrControl+Alt+${digit}`);

/** A pin as the file holds it; one that cannot be read is dropped (logged), the others kept. */
const pinSchema = z.object({
  projectId: z.number().int(),
  taskId: z.number().int().nullable(),
  accelerator: z.string(),
  label: z.string().catch(''),
});

/**
 * The pins in the file, as they can be used: at most HOTKEY_PINS_MAX, one per item, each on a
 * readable shortcut of its own that is not the popover's (a hand-edited one that is not gets
 * the first free default). What is dropped or changed is logged; the file keeps it until a pin changes.
 */
function pinsAtStart(raw: unknown, shortcut: string | null, log: Logger): HotkeyPin[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    log.warn('settings: "hotkeys" is not a list; no hotkeys are pinned.');
    return [];
  }
  const pins: HotkeyPin[] = [];
  for (const item of raw as unknown[]) {
    const parsed = pinSchema.safeParse(item);
    if (!parsed.success) {
      log.warn('settings: a hotkey pin could not be read and is left out', { pin: item });
      continue;
    }
    const pin = parsed.data;
    if (pins.length === HOTKEY_PINS_MAX) {
      log.warn(`settings: more than ${HOTKEY_PINS_MAX} hotkey pins; the rest are left out`, { pin });
      continue;
    }
    if (pins.some((other) => other.projectId === pin.projectId && other.taskId === pin.taskId)) {
      log.warn('settings: a project or task is pinned twice; the second is left out', { pin });
      continue;
    }
    const taken = [shortcut, ...pins.map((other) => other.accelerator)].filter((keys) => keys !== null);
    const problem = shortcutProblem(pin.accelerator) ?? keysInUse(pin.accelerator, taken);
    if (problem) {
      const free = HOTKEY_DEFAULTS.find((keys) => keysInUse(keys, taken) === null) ?? HOTKEY_DEFAULTS[0];
      log.warn(`settings: hotkey of “${pin.label}”: ${problem} Using ${free} instead.`);
      pins.push({ ...pin, accelerator: free ?? '' });
    } else pins.push({ ...pin, accelerator: pin.accelerator.trim() });
  }
  return pins;
}

/** Why `accelerator` cannot be one more shortcut beside those `taken`, or null. */
function keysInUse(accelerator: string, taken: readonly string[]): string | null {
  const keys = acceleratorKeys(accelerator);
  return taken.some((other) => acceleratorKeys(other) === keys)
    ? `${accelerator} is already in use by Toggl Tray.`
    : null;
}

/** Why a number of minutes cannot be the idle setting, or null: the one rule for a change and for the file read at start. */
export function idleMinutesProblem(minutes: number): string | null {
  return Number.isInteger(minutes) && minutes >= 0 && minutes <= IDLE_MINUTES_MAX
    ? null
    : `Idle time takes whole minutes from 0 (never ask) to ${IDLE_MINUTES_MAX}; ${String(minutes)} is not one.`;
}

/**
 * The file may have been edited by hand: a value the app would refuse in Settings falls back
 * to its default (the file is left as it is, for the user to see), with the reason logged.
 */
function checkedAtStart(read: AppSettings, log: Logger): AppSettings {
  const idleProblem = idleMinutesProblem(read.idleMinutes);
  if (idleProblem) log.warn(`settings: ${idleProblem} Using ${DEFAULT_SETTINGS.idleMinutes} instead.`);
  const settings = idleProblem ? { ...read, idleMinutes: DEFAULT_SETTINGS.idleMinutes } : read;
  if (settings.shortcut === null) return settings;
  const problem = shortcutProblem(settings.shortcut);
  if (!problem) return { ...settings, shortcut: settings.shortcut.trim() };
  log.warn(`settings: ${problem} Using ${DEFAULT_SETTINGS.shortcut} instead.`);
  return { ...settings, shortcut: DEFAULT_SETTINGS.shortcut };
}

// conf merges the defaults in before migrations run: the 0.2.0 setting is left to its migration.
const { checkForUpdates: _setByMigration, ...FILE_DEFAULTS } = DEFAULT_SETTINGS;

/** Each runs once, when a file written by an older version is first opened by this one or newer. */
export const SETTINGS_MIGRATIONS: Record<string, (file: MigrationTarget) => void> = {
  // 0.2.0 brings update checks. Someone who had turned background sync off asked for no
  // network traffic they did not start: they get update checks off too.
  '0.2.0': (file) => {
    if (!file.has('checkForUpdates')) file.set('checkForUpdates', file.get('backgroundSync') !== false);
  },
};

/** The user's preferences, in settings.json in the data dir (electron-store or conf). */
export class SettingsStore {
  private readonly file: SettingsFile;
  private value: AppSettings;
  private pinned: HotkeyPin[];

  constructor(dataDir: string, log: Logger, open: OpenSettingsFile = openConfFile) {
    this.file = openOrStartAfresh(
      open,
      {
        cwd: dataDir,
        name: 'settings',
        defaults: FILE_DEFAULTS,
        projectVersion: appIdentity.version,
        migrations: SETTINGS_MIGRATIONS,
      },
      log,
    );
    this.value = checkedAtStart(settingsSchema.parse(this.file.store), log);
    this.pinned = pinsAtStart(this.file.store.hotkeys, this.value.shortcut, log);
  }

  /** The projects and tasks pinned to hotkeys (Settings → Hotkeys); the hotkeys service checks changes. */
  pins(): readonly HotkeyPin[] {
    return this.pinned;
  }

  setPins(pins: readonly HotkeyPin[]): void {
    this.file.store = { ...this.file.store, hotkeys: pins.map((pin) => ({ ...pin })) };
    this.pinned = [...pins];
  }

  get(): AppSettings {
    return this.value;
  }

  /** The change as it would be stored (a shortcut trimmed), or a refusal in the user's words. */
  check(changes: Partial<AppSettings>): Partial<AppSettings> {
    const idleProblem = changes.idleMinutes === undefined ? null : idleMinutesProblem(changes.idleMinutes);
    if (idleProblem) throw new UserFacingError('refused', idleProblem);
    if (changes.shortcut === undefined || changes.shortcut === null) return changes;
    const shortcut = changes.shortcut.trim();
    const problem = shortcutProblem(shortcut);
    if (problem) throw new UserFacingError('refused', problem);
    const pin = this.pinned.find((item) => acceleratorKeys(item.accelerator) === acceleratorKeys(shortcut));
    if (pin)
      throw new UserFacingError('refused', `${shortcut} starts a timer on “${pin.label}” (Hotkeys): choose another.`);
    return { ...changes, shortcut };
  }

  /** Checks and stores a change; the shell then applies it. */
  update(requested: Partial<AppSettings>): AppSettings {
    const changes = this.check(requested);
    const next = { ...this.value, ...changes };
    // conf keeps its migration bookkeeping in the file beside the settings.
    this.file.store = { ...this.file.store, ...next };
    this.value = next;
    return next;
  }
}
