import { app, dialog } from 'electron';
import electronUpdater from 'electron-updater';
import { appIdentity } from '../services/app-identity';
import { systemClock } from '../services/clock';
import type { Logger } from '../services/logger';
import type { SettingsStore } from '../services/settings';
import type { OpenSettingsFile } from '../services/store/settings-file';
import { UpdateService, type UpdateSource } from '../services/updates';
import type { TrayNotice } from './tray';

/** electron-updater for the formats it updates (AppImage, nsis, dmg/zip); why not, otherwise. */
function updateSource(log: Logger, beforeInstall: () => Promise<void>): UpdateSource | { unsupported: string } {
  if (!app.isPackaged) return { unsupported: 'Development builds are not updated.' };
  if (process.platform === 'linux' && !process.env.APPIMAGE) {
    return { unsupported: 'Installed from a package: updates come through your package manager.' };
  }
  const { autoUpdater } = electronUpdater;
  // Nothing is downloaded, or installed at quit, without the user's OK.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = {
    info: (m) => log.info(`updater: ${String(m)}`),
    warn: (m) => log.warn(`updater: ${String(m)}`),
    error: (m) => log.error(`updater: ${String(m)}`),
    debug: () => undefined,
  };
  // electron-updater emits 'error' for a failed check, download or install: unheard, Node would throw it.
  autoUpdater.on('error', (error) => log.warn('updater: failed', { error: String(error) }));
  return {
    async check() {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? result.updateInfo.version : null;
    },
    async download() {
      await autoUpdater.downloadUpdate();
    },
    // The files are written and the single-instance lock let go before the new version starts
    // (the AppImage updater starts it at once, and it must not find this one still holding on).
    install: () => {
      beforeInstall()
        .then(() => autoUpdater.quitAndInstall())
        .catch((error: unknown) => log.error('updates: the install did not start', { error }));
    },
  };
}

/** Asks before downloading: the one place an update starts. */
async function askToDownload(version: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'info',
    message: `Toggl Tray ${version} is available`,
    detail: `You have ${appIdentity.version}. Download it now? You choose when to restart into it.`,
    buttons: ['Download', 'Later'],
    defaultId: 0,
    cancelId: 1,
  });
  return response === 0;
}

/** Update checks for the desktop app, shown as a line in the tray menu. */
export function startUpdates(options: {
  dataDir: string;
  settings: SettingsStore;
  openSettingsFile: OpenSettingsFile;
  log: Logger;
  setNotice: (notice: TrayNotice | null) => void;
  /** Writes the files, lets the popover close and the lock go: the old version steps aside. */
  beforeInstall: () => Promise<void>;
}): UpdateService {
  const { dataDir, settings, openSettingsFile, log, setNotice } = options;
  const file = openSettingsFile({ cwd: dataDir, name: 'updates', defaults: {}, projectVersion: appIdentity.version });
  const updates: UpdateService = new UpdateService({
    source: updateSource(log, options.beforeInstall),
    enabled: () => settings.get().checkForUpdates,
    lastCheck: {
      get: () => (typeof file.store.lastCheckAt === 'number' ? file.store.lastCheckAt : null),
      set: (at) => (file.store = { ...file.store, lastCheckAt: at }),
    },
    clock: systemClock,
    log,
    onChange: (state) => {
      const label = updates.menuLine();
      if (!label) return setNotice(null);
      setNotice({
        label,
        enabled: state.kind !== 'downloading',
        click: () => {
          if (state.kind === 'ready') return updates.install();
          if (state.kind === 'available') {
            askToDownload(state.version)
              .then((ok) => (ok ? updates.download() : undefined))
              .catch((error: unknown) => log.error('updates: the download did not start', { error }));
          }
        },
      });
    },
  });
  updates.schedule();
  return updates;
}
