import { build, productName, version } from '../../../package.json';

/**
 * The app's name and version, from package.json, for both shells. `appId` is electron-builder's
 * (build.appId): the NSIS installer gives the Start menu shortcut that AppUserModelID, and
 * Windows shows a process's notifications only under the ID of a shortcut it knows.
 */
export const appIdentity = { name: productName, version, appId: build.appId } as const;
