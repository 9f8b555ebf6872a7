import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import type { IpcRouter } from '../ipc/router';

/** The app's own window, on the app's own page, in its main frame: nothing else may call. */
export function isOwnWindow(
  event: IpcMainInvokeEvent,
  windowContents: Electron.WebContents | null,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  return (
    windowContents !== null &&
    event.sender === windowContents &&
    frame !== null &&
    frame === event.sender.mainFrame &&
    isAppUrl(frame.url)
  );
}

/**
 * Registers every contract channel on ipcMain, all through the router's one handle().
 * `record` sees every answer (tests prove the token is never in one).
 */
export function registerIpc(router: IpcRouter<IpcMainInvokeEvent>, record?: (message: string) => void): void {
  for (const channel of Object.keys(CHANNELS)) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      const result = await router.handle(channel, request, event);
      record?.(JSON.stringify({ channel, result }));
      return result;
    });
  }
}
