import path from 'node:path';
import { app } from 'electron';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol';
import { createAppUrlCheck } from './electron/app-url';
import { startDesktop } from './electron/desktop';
import { openElectronStoreFile } from './electron/electron-store-file';
import { openElectronVault } from './electron/electron-vault';
import { failStartup, readConfigOrExit } from './electron/startup';
import { watchSystem } from './electron/system-events';
import { hardenWebContents } from './electron/security';
import { composeApp } from './compose';
import electronLog from 'electron-log/main';
import { createFileLogger } from './services/logger';
import { Redactor } from './services/redact';

// The Electron shell's start-up: it only wires modules together.
const config = readConfigOrExit();
// After the config, which may move userData (and with it the log folder on Linux and Windows).
const redactor = new Redactor();
const logsFolder = app.getPath('logs');
const log = createFileLogger(electronLog, { scope: 'main', folder: logsFolder, redactor });
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('start-up failed', { error });
      failStartup(error);
    });
}

async function start(): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const isAppUrl = createAppUrlCheck(devServerUrl);
  serveAppProtocol(path.join(import.meta.dirname, '../renderer'));
  hardenWebContents(isAppUrl, log);
  if (process.platform === 'darwin') app.dock?.hide();

  const dataDir = app.getPath('userData');
  const vault = await openElectronVault(config.apiUrl, dataDir, log);
  const openSettingsFile = openElectronStoreFile;
  const ports = { apiUrl: config.apiUrl, dataDir, vault, log, openSettingsFile, redactor, logsFolder };
  const composed = await composeApp(ports);
  startDesktop({ composed, dataDir, devServerUrl, isAppUrl, openSettingsFile, logsFolder, log });
  watchSystem(composed.services, log);
  log.info('started', {
    userData: dataDir,
    apiUrl: config.apiUrl,
    session: composed.services.session.current().status,
  });
}
