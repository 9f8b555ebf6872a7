import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * The installed Electron binary, or undefined. Checked by hand: requiring 'electron' would
 * try to download the binary, which fails with a stack trace where its host is unreachable.
 */
export function findElectronBinary(
  env: NodeJS.ProcessEnv = process.env,
  electronDir = path.join(repositoryRoot, 'node_modules', 'electron'),
): string | undefined {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative ?? 'electron')
    : relative && path.join(electronDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : undefined;
}

export const ELECTRON_SKIP_REASON =
  'no Electron binary in node_modules/electron (its download host is unreachable from this machine); ' +
  'the electron e2e project runs wherever `npm ci` could fetch Electron';

export const NO_ELECTRON_MESSAGE =
  'Toggl Tray cannot start the desktop app: the Electron binary is not installed (node_modules/electron has no ' +
  'dist/; `npm ci` could not download it). Run `npm run web` to use the app in your browser instead, or ' +
  'reinstall with access to Electron’s download host.';
