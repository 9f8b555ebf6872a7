import { readFileSync } from 'node:fs';

/** The app's version from package.json, as the services report it. */
export const appVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
