import { productName, version } from '../../../package.json';

/** The app's name and version, from package.json, for both shells. */
export const appIdentity = { name: productName, version } as const;
