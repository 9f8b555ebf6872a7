/**
 * The one IPC contract: every call the renderer may make and every event main pushes.
 * Both shells (Electron's ipcMain and the browser shell's WebSocket) carry exactly this map.
 * Nothing here imports electron, node or svelte.
 */

export type ShellKind = 'electron' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  /** Node's `process.platform` of the process running the services. */
  platform: string;
  shell: ShellKind;
  /** The Toggl API root the services talk to (the sandbox in tests and demos). */
  apiUrl: string;
}

export interface OpenExternalRequest {
  url: string;
}

export interface OpenExternalResponse {
  /** False where the shell cannot open links itself (browser shell): the page opens it. */
  opened: boolean;
}

/** Channel → request and response. `undefined` requests take no argument. */
export interface IpcContract {
  'app.info': { request: undefined; response: AppInfo };
  'popover.hide': { request: undefined; response: undefined };
  'shell.openExternal': { request: OpenExternalRequest; response: OpenExternalResponse };
}

export type MenuCommand = 'refresh' | 'settings';

/** Event → payload, pushed from main to the renderer. */
export interface IpcEvents {
  /** The popover was just shown (tray click, shortcut, second instance). */
  'popover.shown': { at: number };
  /** A tray menu item that the renderer acts on. */
  'menu.command': { command: MenuCommand };
}

export type Channel = keyof IpcContract;
export type EventName = keyof IpcEvents;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];
export type EventPayload<E extends EventName> = IpcEvents[E];

/** The call's argument list: empty when the channel takes no request. */
export type RequestArgs<C extends Channel> =
  undefined extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

// Runtime lists of the contract. `satisfies Record<…, true>` fails to compile when a
// channel or event is added to the types above and not here (or the other way round).
export const CHANNELS = {
  'app.info': true,
  'popover.hide': true,
  'shell.openExternal': true,
} as const satisfies Record<Channel, true>;

export const EVENTS = {
  'popover.shown': true,
  'menu.command': true,
} as const satisfies Record<EventName, true>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(CHANNELS, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(EVENTS, value);
}
