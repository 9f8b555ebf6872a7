import { fileURLToPath } from 'node:url';
import { systemClock } from '../services/clock';
import { ConfigError } from '../services/config';
import { ManualIdleSource } from '../services/idle/manual-idle-source';
import { ManualHotkeyPort } from '../services/hotkeys/manual-hotkey-port';
import { followTestCommands } from './test-commands';
import { startWebApp } from './web-app';

/** `npm run web`: starts the browser shell and prints its URL; Ctrl+C stops it. */
async function main(): Promise<void> {
  const rendererDir = fileURLToPath(new URL('../../../out/renderer/', import.meta.url));
  const idle = new ManualIdleSource(systemClock);
  // A browser page has no global shortcuts: the pins' keys are pressed through the test hooks.
  const hotkeys = new ManualHotkeyPort();
  const web = await startWebApp({ env: process.env, rendererDir, idle, hotkeys });
  process.stdout.write(`Toggl Tray web shell: ${web.url}\n`);
  if (process.env.TOGGL_TRAY_TEST_HOOKS === '1')
    followTestCommands(process.stdin, { idle, hotkeys, show: () => web.show() }, (line) => process.stdout.write(line));
  const stop = (): void => {
    web
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`Toggl Tray web shell did not close cleanly: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`Toggl Tray web shell could not start: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
