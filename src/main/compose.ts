import path from 'node:path';
import { createAppRouter } from './ipc/app-router';
import { EventHub } from './ipc/events';
import type { ShellPort } from './ipc/handlers';
import type { IpcRouter } from './ipc/router';
import { createAppServices, type AppServices, type AppServicesOptions } from './services/app-services';

export type AppPorts = Omit<AppServicesOptions, 'events'> & {
  /** Where the log files are (shown and opened from Settings); `<data dir>/logs` by default. */
  logsFolder?: string;
};

export interface ComposedApp {
  services: AppServices;
  /** Where the shell attaches its window or sockets to receive the services' events. */
  events: EventHub;
  /** The IPC router for a shell: its port and its check that a sender is the app's own page. */
  router<Sender>(shell: ShellPort, isTrustedSender: (sender: Sender) => boolean): IpcRouter<Sender>;
}

/**
 * The one place the app is put together. The Electron shell, the browser shell, the tests
 * and the benchmarks each hand in their own ports (API root, data folder, secret store,
 * logger, clock, HTTP tuning) and get the same graph.
 */
export async function composeApp(ports: AppPorts): Promise<ComposedApp> {
  const events = new EventHub();
  const services = await createAppServices({ ...ports, events });
  return {
    services,
    events,
    router: (shell, isTrustedSender) =>
      createAppRouter({
        shell,
        apiUrl: ports.apiUrl,
        logsFolder: ports.logsFolder ?? path.join(ports.dataDir, 'logs'),
        services,
        log: ports.log,
        isTrustedSender,
      }),
  };
}
