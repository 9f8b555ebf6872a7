import { app, session, shell } from 'electron';
import { parseExternalUrl } from '../services/external-url';
import type { Logger } from '../services/logger';

/** Opens a link in the user's browser after the http(s) check; true when it was opened. */
export async function openExternalChecked(url: URL): Promise<boolean> {
  await shell.openExternal(url.toString());
  return true;
}

/**
 * Electron's security checklist for every web contents: no navigation away from the app,
 * no new windows (http(s) links go to the browser instead), no webviews, no permissions.
 */
export function hardenWebContents(isAppUrl: (url: string) => boolean, log: Logger): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      log.warn('security: blocked a navigation', { url });
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      try {
        void openExternalChecked(parseExternalUrl(url));
      } catch {
        log.warn('security: blocked a window open', { url });
      }
      return { action: 'deny' };
    });
  });
}
