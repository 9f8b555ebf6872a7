import { existsSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { composeApp } from '../compose';
import { systemClock } from '../services/clock';
import type { HotkeyPort } from '../services/hotkeys/hotkey-port';
import type { IdleSource } from '../services/idle/idle-source';
import { ManualIdleSource } from '../services/idle/manual-idle-source';
import { ConfigError, readEnvConfig } from '../services/config';
import nodeLog from 'electron-log/node';
import { createFileLogger, type Logger } from '../services/logger';
import { Redactor } from '../services/redact';
import { KeytarVault } from '../services/vault/keytar-vault';
import { vaultAccount, type TokenVault } from '../services/vault/vault';
import { startWebShell, type WebConnection } from './server';
import { webShellPort } from './web-shell-port';
import { appIdentity } from '../services/app-identity';
import { startControl } from '../services/control/control';
import { textCommands } from '../services/control/text-commands';

export interface WebAppOptions {
  env: Record<string, string | undefined>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Tests hand in theirs; otherwise a rotating, redacted file in `<data dir>/logs`. */
  log?: Logger;
  /** The keychain by default: the browser shell has no safeStorage fallback. */
  vault?: (apiUrl: string) => TokenVault;
  /**
   * The machine's idle time, sleep and lock. Node has none to read: by default the user is
   * always there, and a sleep shows only as the clock jumping; the CLI's test hooks drive it.
   */
  idle?: IdleSource;
  /** The pinned hotkeys' keys: a browser page has no global shortcuts; the CLI's test hooks press them. */
  hotkeys?: HotkeyPort;
}

export interface WebApp {
  url: string;
  /** Tells the page it was shown, as a click on the tray tells the popover (`toggl-tray open`, the test hooks' "show"). */
  show(): string;
  close(): Promise<void>;
}

/** The browser shell: the same services in Node, the same renderer in any browser. */
export async function startWebApp({ env, rendererDir, vault, ...options }: WebAppOptions): Promise<WebApp> {
  const config = readEnvConfig(env);
  const dataDir = path.resolve(config.dataDir ?? path.join(os.homedir(), '.config', 'toggl-tray-web'));
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const logsFolder = path.join(dataDir, 'logs');
  const redactor = new Redactor();
  const log = options.log ?? createFileLogger(nodeLog, { scope: 'web', folder: logsFolder, redactor });
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new ConfigError(`The renderer is not built (${rendererDir} has no index.html). Run "npm run build" first.`);
  }
  const app = await composeApp({
    apiUrl: config.apiUrl,
    dataDir,
    vault: vault?.(config.apiUrl) ?? new KeytarVault(vaultAccount(config.apiUrl)),
    log,
    redactor,
    logsFolder,
    idle: options.idle ?? new ManualIdleSource(systemClock),
    ...(options.hotkeys && { hotkeys: options.hotkeys }),
  });
  const { services, events } = app;
  const router = app.router<WebConnection>(webShellPort, (connection) => connection.authenticated);
  // Tests record what the page receives, to prove the token is never in it.
  const recordFile = env.TOGGL_TRAY_IPC_RECORD;
  const web = await startWebShell({
    port: config.port,
    rendererDir,
    log,
    dispatch: router.handle,
    ...(recordFile && { onOutgoing: (message: string) => void appendFile(recordFile, `${message}\n`) }),
  });
  events.attach(web);
  services.data.start();
  const opened = `Open ${web.url} in your browser.`;
  // A page cannot be brought to the front from here: it is told it was shown, as the popover is.
  const show = (): string => {
    events.emit('popover.shown', { at: Date.now() });
    return opened;
  };
  const shell = {
    open: show,
    toggle: show,
    version: `${appIdentity.name} ${appIdentity.version} (browser shell)`,
  };
  const control = await startControl({ services, dataDir, shell, text: textCommands(services), log });
  log.info('web shell started', { dataDir, apiUrl: config.apiUrl, session: services.session.current().status });
  return {
    url: web.url,
    show,
    close: async () => {
      await control.server?.close();
      await web.close();
      await services.close();
    },
  };
}
