import type { EventSink } from '../ipc/events';
import type { Logger } from './logger';
import { ProfileStore } from './session/profile-store';
import { SessionService } from './session/session';
import { TogglApi } from './toggl/api';
import type { TokenVault } from './vault/vault';

export interface AppServicesOptions {
  apiUrl: string;
  dataDir: string;
  vault: TokenVault;
  events: EventSink;
  log: Logger;
}

export interface AppServices {
  api: TogglApi;
  session: SessionService;
  close(): Promise<void>;
}

/** Everything that does real work, in plain Node: both shells build exactly this. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { apiUrl, dataDir, vault, events, log } = options;
  const api = new TogglApi({ baseUrl: apiUrl, log });
  const session = new SessionService({ apiUrl, api, vault, profile: new ProfileStore(dataDir, log), events, log });
  await session.restore();
  return { api, session, close: () => api.close() };
}
