import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronDir = path.resolve('node_modules', 'electron');

/**
 * The installed Electron binary, or undefined. Checked by hand: requiring 'electron' here
 * would try to download the binary, which these machines cannot.
 */
export function findElectronBinary(): string | undefined {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative ?? 'electron')
    : relative && path.join(electronDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : undefined;
}

export const ELECTRON_SKIP_REASON =
  'no Electron binary in node_modules/electron (its download host is unreachable from this machine); ' +
  'the electron e2e project runs wherever `npm ci` could fetch Electron';
