import { acceleratorKeys } from '../settings';
import type { HotkeyPort } from './hotkey-port';

/**
 * Global shortcuts pressed by hand: the browser shell's (a browser page has none; the e2e specs
 * press them through the test hooks) and the tests'. Another app's shortcuts are told to it
 * with `holdElsewhere`, so "taken" can be tested as Electron reports it (register answers false).
 */
export class ManualHotkeyPort implements HotkeyPort {
  private readonly registered = new Map<string, () => void>();
  private readonly elsewhere = new Set<string>();

  constructor(readonly unavailable: string | null = null) {}

  register(accelerator: string, onPress: () => void): boolean {
    const keys = acceleratorKeys(accelerator);
    if (this.unavailable !== null || this.elsewhere.has(keys) || this.registered.has(keys)) return false;
    this.registered.set(keys, onPress);
    return true;
  }

  unregisterAll(): void {
    this.registered.clear();
  }

  /** Another app takes `accelerator` (a later register of it answers false). */
  holdElsewhere(accelerator: string): void {
    this.elsewhere.add(acceleratorKeys(accelerator));
  }

  /** The keys this port holds, as registered. */
  held(): string[] {
    return [...this.registered.keys()];
  }

  /** The user presses `accelerator`: false when this app does not hold it (nothing happens, as on a desktop). */
  press(accelerator: string): boolean {
    const onPress = this.registered.get(acceleratorKeys(accelerator));
    onPress?.();
    return onPress !== undefined;
  }

  /**
   * One line of the test hooks' language: "press <accelerator>", "hold <accelerator>". Throws on
   * anything else, and on a press of keys this app does not hold.
   */
  command(line: string): void {
    const [word, accelerator, ...rest] = line.trim().split(/\s+/);
    if (accelerator === undefined || rest.length > 0) throw new Error(`not a hotkey command: "${line}"`);
    if (word === 'hold') return this.holdElsewhere(accelerator);
    if (word !== 'press') throw new Error(`not a hotkey command: "${line}" (press <keys>, hold <keys>)`);
    if (!this.press(accelerator)) throw new Error(`${accelerator} is not registered by Toggl Tray`);
  }
}
