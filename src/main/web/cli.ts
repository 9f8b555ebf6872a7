import { fileURLToPath } from 'node:url';
import { ConfigError } from '../services/config';
import { startWebApp } from './web-app';

/** `npm run web`: starts the browser shell and prints its URL; Ctrl+C stops it. */
async function main(): Promise<void> {
  const rendererDir = fileURLToPath(new URL('../../../out/renderer/', import.meta.url));
  const web = await startWebApp({ env: process.env, rendererDir });
  process.stdout.write(`Toggl Tray web shell: ${web.url}\n`);
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
