/// <reference types="svelte" />
/// <reference types="vite/client" />

import type { Api } from '../../preload/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser shell, where bridge.ts builds it. */
    api?: Api;
  }
}
