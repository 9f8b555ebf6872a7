import {
  isChannel,
  isEventName,
  type Channel,
  type EventName,
  type EventPayload,
  type RequestArgs,
  type ResponseOf,
} from '../shared/contract';
import { fail, type IpcResult } from '../shared/ipc-result';

/** How calls and events travel: Electron's ipcRenderer, or the browser shell's WebSocket. */
export interface IpcTransport {
  invoke(channel: Channel, request: unknown): Promise<IpcResult<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.api` over a transport. The same factory serves both shells, and the
 * renderer's type for `window.api` is derived from it (`Api` below), never written twice.
 */
export function createApi(transport: IpcTransport) {
  return {
    /** Calls a channel of the contract; answers a result, never throws. */
    async invoke<C extends Channel>(channel: C, ...args: RequestArgs<C>): Promise<IpcResult<ResponseOf<C>>> {
      if (!isChannel(channel)) return fail('unknown-channel', `There is no IPC channel named "${String(channel)}".`);
      try {
        return (await transport.invoke(channel, args[0])) as IpcResult<ResponseOf<C>>;
      } catch {
        return fail('transport', 'Toggl Tray could not reach its main process. Restart the app.');
      }
    },
    /** Subscribes to an event from main; returns the function that unsubscribes. */
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventName(event)) throw new Error(`There is no IPC event named "${String(event)}".`);
      return transport.subscribe(event, (payload) => listener(payload as EventPayload<E>));
    },
  };
}

export type Api = ReturnType<typeof createApi>;
