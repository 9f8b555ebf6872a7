import { TogglApi } from '../../src/main/services/toggl/api';
import type { Credentials, TogglHttpOptions } from '../../src/main/services/toggl/http';
import { DEMO, createFixture } from './fixture';
import { TogglSandbox, type SandboxOptions } from './server';

/** A sandbox on port 0 with the demo fixture, and a fast client signed in to it. */
export async function startSandboxWithClient(
  sandboxOptions: Partial<SandboxOptions> = {},
  clientOptions: Partial<TogglHttpOptions> & { credentials?: Credentials } = {},
): Promise<{ sandbox: TogglSandbox; api: TogglApi; close: () => Promise<void> }> {
  const sandbox = new TogglSandbox({ state: createFixture(), rateLimit: false, ...sandboxOptions });
  await sandbox.start();
  const api = new TogglApi({
    baseUrl: sandbox.apiUrl,
    credentials: { token: DEMO.apiToken },
    minIntervalMs: 0,
    timeoutMs: 2_000,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...clientOptions,
  });
  return {
    sandbox,
    api,
    close: async () => {
      await api.close();
      await sandbox.stop();
    },
  };
}
