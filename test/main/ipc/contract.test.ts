import { webShellPort } from '../../../src/main/web/web-shell-port';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createOfflineServices } from '../../support/offline-services';
import { createHandlers, type ShellPort } from '../../../src/main/ipc/handlers';
import type { Handlers, Schemas } from '../../../src/main/ipc/router';
import { schemas } from '../../../src/main/ipc/schemas';
import { createApi, type Api } from '../../../src/preload/api';
import { CHANNELS, EVENTS, type Channel, type EventName, type IpcContract } from '../../../src/shared/contract';

const shell: ShellPort = webShellPort;

describe('the IPC contract', () => {
  const channels = Object.keys(CHANNELS).sort();

  it('has a handler in main for every channel, and no handler without a channel', async () => {
    const services = await createOfflineServices();
    const handlers = createHandlers({ shell, apiUrl: 'http://127.0.0.1:1/api/v9', logsFolder: '/tmp/logs', services });
    expect(Object.keys(handlers).sort()).toEqual(channels);
    await services.close();
  });

  it('has a runtime schema for every channel, and no schema without a channel', () => {
    expect(Object.keys(schemas).sort()).toEqual(channels);
  });

  it('lists every channel and event of the types at run time (the preload exposes exactly these)', () => {
    // The runtime lists are `satisfies Record<…, true>`: these type checks fail to compile
    // when a channel is added to the types and not to the lists.
    expectTypeOf<keyof typeof CHANNELS>().toEqualTypeOf<keyof IpcContract>();
    expectTypeOf<keyof typeof EVENTS>().toEqualTypeOf<EventName>();
    expectTypeOf<keyof Handlers>().toEqualTypeOf<Channel>();
    expectTypeOf<keyof Schemas>().toEqualTypeOf<Channel>();
    // Channel and event names are "area.action", which the preload and ipcMain use as they are.
    for (const name of [...channels, ...Object.keys(EVENTS)]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('lets the preload refuse a channel that is not in the contract before anything is sent', async () => {
    const sent: string[] = [];
    const api: Api = createApi({
      invoke: (channel) => {
        sent.push(channel);
        return Promise.resolve({ ok: true, value: undefined });
      },
      subscribe: () => () => undefined,
    });
    const result = await api.invoke('no.such.channel' as Channel);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(sent).toEqual([]);
    expect(() => api.on('no.such.event' as EventName, () => undefined)).toThrow(/no IPC event named/);
  });
});
