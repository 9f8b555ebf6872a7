import path from 'node:path';
import { app, dialog } from 'electron';
import { readEnvConfig, type EnvConfig } from '../services/config';

const TITLE = 'Toggl Tray cannot start';

/**
 * Shows a start-up failure, then exits. Before `ready` a dialog only reaches stderr on Linux,
 * so the message waits for `ready` and shows on every OS.
 */
export function failStartup(error: unknown, exitCode = 1): void {
  // A ConfigError is an Error: its message names the variable and what it expects.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${TITLE}: ${message}\n`);
  app
    .whenReady()
    .then(() => dialog.showErrorBox(TITLE, message))
    .catch(() => undefined)
    .finally(() => app.exit(exitCode));
}

/** Reads the environment before anything starts; a bad value is told to the user (null: do not start). */
export function readConfigOrFail(): EnvConfig | null {
  try {
    const config = readEnvConfig(process.env);
    // TOGGL_TRAY_DATA_DIR wins over Electron's own userData folder (tests, demos, portable use).
    if (config.dataDir) app.setPath('userData', path.resolve(config.dataDir));
    return config;
  } catch (error) {
    failStartup(error, 2);
    return null;
  }
}
