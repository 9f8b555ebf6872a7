import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type IpcTransport } from './api';

// Sandboxed preloads may only require 'electron': this file is bundled into one CJS file.
const electronTransport: IpcTransport = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe(event, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  },
};

contextBridge.exposeInMainWorld('api', createApi(electronTransport));
