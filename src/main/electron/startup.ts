import path from 'node:path';
import { app, dialog } from 'electron';
import { ConfigError, readEnvConfig, type EnvConfig } from '../services/config';

/** Reads the environment before anything starts; a bad value ends the app with a dialog. */
export function readConfigOrExit(): EnvConfig {
  try {
    const config = readEnvConfig(process.env);
    // TOGGL_TRAY_DATA_DIR wins over Electron's own userData folder (tests, demos, portable use).
    if (config.dataDir) app.setPath('userData', path.resolve(config.dataDir));
    return config;
  } catch (error) {
    dialog.showErrorBox('Toggl Tray cannot start', error instanceof ConfigError ? error.message : String(error));
    app.exit(2);
    throw error;
  }
}

/** Shows a start-up failure to the user, then quits. */
export function failStartup(error: unknown): void {
  dialog.showErrorBox('Toggl Tray cannot start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
