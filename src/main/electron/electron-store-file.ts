import ElectronStore from 'electron-store';
import { ENGINE_OPTIONS, type OpenSettingsFile } from '../services/store/settings-file';

/** The Electron shell's settings-sized files: electron-store, over the same conf as plain Node. */
export const openElectronStoreFile: OpenSettingsFile = (options) =>
  new ElectronStore<Record<string, unknown>>({ ...ENGINE_OPTIONS, ...options });
