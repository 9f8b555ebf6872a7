import { app, session, shell } from 'electron';
import { isAllowedLink, parseExternalUrl } from '../services/external-url';
import type { Logger } from '../services/logger';
import { offerEditMenu } from './edit-menu';

/** Opens an allowed link in the user's browser; anything else is refused with a logged reason. */
export async function openLinkChecked(url: URL, log: Logger): Promise<boolean> {
  if (!isAllowedLink(url)) {
    log.warn('security: refused to open a link that is not Toggl or the project', { host: url.host });
    return false;
  }
  await shell.openExternal(url.href); // eng-disable OPEN_EXTERNAL_JS_CHECK: reviewed, allowlisted just above
  return true;
}

/**
 * Electron's security checklist for every web contents: no navigation away from the app,
 * no new windows (allowed links go to the browser instead), no webviews, no permissions.
 */
export function hardenWebContents(isAppUrl: (url: string) => boolean, log: Logger): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    offerEditMenu(contents);
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      log.warn('security: blocked a navigation', { url });
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      try {
        openLinkChecked(parseExternalUrl(url), log).catch((error: unknown) =>
          log.warn('security: the link did not open in the browser', { url, error }),
        );
      } catch (error) {
        log.warn('security: blocked a window open', { url, reason: (error as Error).message });
      }
      return { action: 'deny' };
    });
  });
}
