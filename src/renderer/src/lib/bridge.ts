import { createApi, type Api } from '../../../preload/api';
import { createWebSocketTransport } from './ws-transport';

/** `window.api` from the Electron preload, or the same API over the browser shell's socket. */
export const api: Api = window.api ?? createApi(createWebSocketTransport(window.location));
