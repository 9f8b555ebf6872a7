import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_ELECTRON_MESSAGE } from '../../tools/electron/electron-binary';

const root = path.resolve(import.meta.dirname, '..', '..');
let dist: string;
beforeEach(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-electron-dist-'));
});
afterEach(() => rm(dist, { recursive: true, force: true }));

/** Electron's own override of where its binary lives: lets the test pick "installed" or "missing". */
function run(command: string, args: string[], distPath: string) {
  return spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: distPath },
    timeout: 60_000,
  });
}

describe('npm start where the Electron binary is missing', () => {
  it('says what to do in one sentence and exits non-zero, with no stack trace', () => {
    const result = run('npm', ['start', '--silent'], path.join(dist, 'missing'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(NO_ELECTRON_MESSAGE);
    expect(result.stderr).toContain('npm run web');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at |Electron uninstall/);
  });

  it('lets a machine with the binary through to electron-vite', async () => {
    const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
    const name = await readFile(pathFile, 'utf8').catch(() => 'electron');
    await writeFile(path.join(dist, name.trim()), '');
    const result = run('npx', ['tsx', 'tools/electron/require-electron.ts'], dist);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('npm run dev checks the same way', async () => {
    const scripts = (
      JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.dev).toMatch(/^tsx tools\/electron\/require-electron\.ts && electron-vite dev$/);
    expect(scripts.start).toMatch(/^tsx tools\/electron\/require-electron\.ts && electron-vite preview$/);
  });
});
