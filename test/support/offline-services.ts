import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { composeApp } from '../../src/main/compose';
import type { AppServices } from '../../src/main/services/app-services';
import { createMemoryLogger } from '../../src/main/services/logger';
import { MemoryVault } from './memory-vault';

/** Real services on a temp data dir, signed out, pointed at a closed port (tests of IPC plumbing). */
export async function createOfflineServices(): Promise<AppServices & { dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-ipc-'));
  const { services } = await composeApp({
    apiUrl: 'http://127.0.0.1:9/api/v9',
    dataDir,
    vault: new MemoryVault(),
    log: createMemoryLogger(),
  });
  return {
    ...services,
    dataDir,
    close: async (graceMs?: number) => {
      const settled = await services.close(graceMs);
      await rm(dataDir, { recursive: true, force: true });
      return settled;
    },
  };
}
