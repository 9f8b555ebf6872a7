import { createInterface } from 'node:readline';
import type { ManualHotkeyPort } from '../services/hotkeys/manual-hotkey-port';
import type { ManualIdleSource } from '../services/idle/manual-idle-source';

/**
 * The browser shell's test hooks (TOGGL_TRAY_TEST_HOOKS=1): the e2e specs drive the machine's
 * idle time, sleep and lock ("idle 1800", "lock", "unlock": ManualIdleSource.command) and press
 * the pinned hotkeys ("hotkey press CommandOrControl+Alt+1": ManualHotkeyPort.command) and show
 * the popover ("show": the page is told it was shown, as a click on the tray tells it) with one
 * command a line on stdin, each answered with one line on stdout, so a spec waits for the
 * answer rather than for time.
 */
export function followTestCommands(
  input: NodeJS.ReadableStream,
  hooks: { idle: Pick<ManualIdleSource, 'command'>; hotkeys: Pick<ManualHotkeyPort, 'command'>; show: () => void },
  write: (line: string) => void,
): () => void {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    try {
      const hotkey = /^hotkey\s+(.*)$/.exec(line.trim());
      if (hotkey) hooks.hotkeys.command(hotkey[1] ?? '');
      else if (line.trim() === 'show') hooks.show();
      else hooks.idle.command(line);
      write(`test hook done: ${line}\n`);
    } catch (error) {
      write(`test hook failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  return () => lines.close();
}
