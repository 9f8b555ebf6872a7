import { webShellPort } from './web-shell-port';
import { existsSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from '../compose';
import { ConfigError, readEnvConfig } from '../services/config';
import { createConsoleLogger } from '../services/logger';
import { KeytarVault } from '../services/vault/keytar-vault';
import { vaultAccount } from '../services/vault/vault';
import { startWebShell, type WebConnection } from './server';

/** `npm run web`: the same services in Node, the same renderer in any browser. */
async function main(): Promise<void> {
  const log = createConsoleLogger('web');
  const config = readEnvConfig(process.env);
  const dataDir = path.resolve(config.dataDir ?? path.join(os.homedir(), '.config', 'toggl-tray-web'));
  await mkdir(dataDir, { recursive: true, mode: 0o700 });

  const rendererDir = fileURLToPath(new URL('../../../out/renderer/', import.meta.url));
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new ConfigError(`The renderer is not built (${rendererDir} has no index.html). Run "npm run build" first.`);
  }

  // The browser shell has no safeStorage fallback: the keychain works, or sign-in says why not.
  const app = await composeApp({
    apiUrl: config.apiUrl,
    dataDir,
    vault: new KeytarVault(vaultAccount(config.apiUrl)),
    log,
  });
  const { services, events } = app;
  const router = app.router<WebConnection>(webShellPort, (connection) => connection.authenticated);
  // Tests record what the page receives, to prove the token is never in it.
  const recordFile = process.env.TOGGL_TRAY_IPC_RECORD;
  const web = await startWebShell({
    port: config.port,
    rendererDir,
    log,
    dispatch: router.handle,
    ...(recordFile && { onOutgoing: (message: string) => void appendFile(recordFile, `${message}\n`) }),
  });
  events.attach(web);
  services.data.start();
  log.info('web shell started', { dataDir, apiUrl: config.apiUrl, session: services.session.current().status });
  process.stdout.write(`Toggl Tray web shell: ${web.url}\n`);

  const stop = (): void => {
    void web
      .close()
      .then(() => services.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`Toggl Tray web shell could not start: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
