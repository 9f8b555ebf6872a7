import type { IpcTransport } from '../../../preload/api';
import type { EventName } from '../../../shared/contract';
import { fail, type IpcResult } from '../../../shared/ipc-result';

type Pending = (result: IpcResult<unknown>) => void;

const LOST = 'Lost the connection to the Toggl Tray web shell. Is it still running? Reload the page to reconnect.';

/**
 * The browser shell's transport: the IPC contract over one WebSocket to the Node process
 * that serves this page, authenticated with the launch secret from the page's URL.
 */
export function createWebSocketTransport(location: Location): IpcTransport {
  const key = new URLSearchParams(location.search).get('key') ?? '';
  const socketUrl = `ws://${location.host}/ipc?key=${encodeURIComponent(key)}`;
  const socket = new WebSocket(socketUrl);
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true), { once: true });
    socket.addEventListener('close', () => resolve(false), { once: true });
  });
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message: MessageEvent<string>) => {
    const data = JSON.parse(message.data) as
      { id: number; result: IpcResult<unknown> } | { event: EventName; payload: unknown };
    if ('id' in data) {
      pending.get(data.id)?.(data.result);
      pending.delete(data.id);
    } else {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve(fail('transport', LOST));
    pending.clear();
  });

  return {
    async invoke(channel, request) {
      if (!(await opened) || socket.readyState !== WebSocket.OPEN) return fail('transport', LOST);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, request }));
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
