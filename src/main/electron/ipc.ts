import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import type { IpcRouter } from '../ipc/router';

/** The app's own window, on the app's own page, in its main frame: nothing else may call. */
export function isOwnWindow(
  event: IpcMainInvokeEvent,
  windowContents: Electron.WebContents,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  return event.sender === windowContents && frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/** Registers every contract channel on ipcMain, all through the router's one handle(). */
export function registerIpc(router: IpcRouter<IpcMainInvokeEvent>): void {
  for (const channel of Object.keys(CHANNELS)) {
    ipcMain.handle(channel, (event, request: unknown) => router.handle(channel, request, event));
  }
}
