/**
 * `npm run demo` / `npm run demo:web`: the sandbox, and the app signed into its demo account,
 * on a fresh data dir. The demo token goes into the keychain under the sandbox's own entry
 * (never the real Toggl one) and is removed again on exit.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KeytarVault } from '../../src/main/services/vault/keytar-vault';
import { VaultError, vaultAccount } from '../../src/main/services/vault/vault';
import { DEMO, createFixture } from './fixture';
import { TogglSandbox } from './server';

async function main(): Promise<void> {
  const shell = process.argv[2] === 'web' ? 'web' : 'electron';
  const sandbox = new TogglSandbox({ state: createFixture(), port: Number(process.env.TOGGL_SANDBOX_PORT ?? 0) });
  await sandbox.start();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-demo-'));
  const vault = new KeytarVault(vaultAccount(sandbox.apiUrl));
  let signedIn = true;
  try {
    await vault.set(DEMO.apiToken);
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    signedIn = false;
    process.stderr.write(`${error.message}\nThe demo starts signed out: sign in with the token ${DEMO.apiToken}.\n`);
  }
  process.stdout.write(`Toggl sandbox: ${sandbox.apiUrl} (demo account: ${DEMO.email})\n`);

  const command =
    shell === 'web'
      ? ['--import', 'tsx', path.resolve('src/main/web/cli.ts')]
      : [path.resolve('node_modules/electron-vite/bin/electron-vite.js'), 'preview'];
  const child = spawn(process.execPath, command, {
    stdio: 'inherit',
    env: { ...process.env, TOGGL_API_URL: sandbox.apiUrl, TOGGL_TRAY_DATA_DIR: dataDir },
  });

  let cleaning: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      if (signedIn) await vault.delete().catch(() => false);
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    })());
  const stop = (): void => {
    child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.once('exit', (code) => {
    void cleanUp().then(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
