import { webShellPort } from '../../src/main/web/web-shell-port';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Channel, RequestArgs, ResponseOf } from '../../src/shared/contract';
import { composeApp } from '../../src/main/compose';
import type { EventHub } from '../../src/main/ipc/events';
import type { IpcRouter } from '../../src/main/ipc/router';
import { DEMO, createFixture } from '../../tools/sandbox/fixture';
import { TogglSandbox, type SandboxOptions } from '../../tools/sandbox/server';
import type { AppServices, AppServicesOptions } from '../../src/main/services/app-services';
import { createMemoryLogger } from '../../src/main/services/logger';
import { MemoryVault } from './memory-vault';

export interface LaunchedApp {
  services: AppServices;
  log: ReturnType<typeof createMemoryLogger>;
  /** The real router and event hub, for a renderer-side transport. */
  router: IpcRouter<true>;
  events: EventHub;
  /** Calls a channel through the real IPC router (sender check, schemas, handlers); throws on a refusal. */
  call<C extends Channel>(channel: C, ...args: RequestArgs<C>): Promise<ResponseOf<C>>;
  close(): Promise<void>;
}

/** One "launch" of the app's services on a data dir: what a shell builds at start-up. */
export async function launchApp(
  apiUrl: string,
  dataDir: string,
  vault: MemoryVault,
  overrides: Partial<Pick<AppServicesOptions, 'http' | 'data' | 'idle' | 'hotkeys'>> = {},
): Promise<LaunchedApp> {
  const log = createMemoryLogger();
  const app = await composeApp({
    apiUrl,
    dataDir,
    vault,
    log,
    http: {
      minIntervalMs: 0,
      timeoutMs: 2_000,
      retry: { retries: 2, baseDelayMs: 2, maxDelayMs: 10 },
      ...overrides.http,
    },
    data: { cacheDebounceMs: 0, ...overrides.data },
    ...(overrides.idle && { idle: overrides.idle }),
    ...(overrides.hotkeys && { hotkeys: overrides.hotkeys }),
  });
  const { services } = app;
  const router = app.router<true>(webShellPort, (sender) => sender);
  return {
    services,
    log,
    router,
    events: app.events,
    async call(channel, ...args) {
      const result = await router.handle(channel, args[0], true);
      if (!result.ok) throw new Error(`${channel} refused: ${result.error.code}: ${result.error.message}`);
      return result.value as ResponseOf<typeof channel>;
    },
    close: async () => {
      await services.close();
    },
  };
}

export interface SyncWorld {
  sandbox: TogglSandbox;
  dataDir: string;
  vault: MemoryVault;
  /** Launches (or relaunches) the app on the same data dir, signed in as the demo user. */
  launch(overrides?: Partial<Pick<AppServicesOptions, 'http' | 'data' | 'idle' | 'hotkeys'>>): Promise<LaunchedApp>;
  cleanup(): Promise<void>;
}

/** A sandbox, a data dir and a keychain that survive relaunches of the app in one test. */
export async function createSyncWorld(sandboxOptions: Partial<SandboxOptions> = {}): Promise<SyncWorld> {
  const sandbox = new TogglSandbox({ state: createFixture(), rateLimit: false, quotas: false, ...sandboxOptions });
  await sandbox.start();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-sync-'));
  const vault = new MemoryVault();
  const launched: LaunchedApp[] = [];
  return {
    sandbox,
    dataDir,
    vault,
    async launch(overrides) {
      const app = await launchApp(sandbox.apiUrl, dataDir, vault, overrides);
      launched.push(app);
      if (app.services.session.current().status === 'signed-out')
        await app.services.session.signInWithToken(DEMO.apiToken);
      await app.services.data.engine.sync('first');
      // And the windows were told: a test starts from a quiet app.
      await app.services.data.settled();
      return app;
    },
    async cleanup() {
      for (const app of launched) await app.close();
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
