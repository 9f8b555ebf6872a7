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
import { createConsoleLogger } from './services/logger';

// The Electron shell's start-up: it only wires modules together.
const log = createConsoleLogger('main');
const config = readConfigOrExit();
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
  const composed = await composeApp({ apiUrl: config.apiUrl, dataDir, vault, log, openSettingsFile });
  startDesktop({ composed, dataDir, devServerUrl, isAppUrl, openSettingsFile, log });
  watchSystem(composed.services, log);
  log.info('started', {
    userData: dataDir,
    apiUrl: config.apiUrl,
    session: composed.services.session.current().status,
  });
}
