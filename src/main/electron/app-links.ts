import path from 'node:path';
import { app } from 'electron';
import { APP_SCHEME } from '../services/control/app-link';
import { linkRegistration } from '../services/desktop/link-registration';
import type { Logger } from '../services/logger';

/**
 * Makes this app the handler of `toggl-tray://` links (setAsDefaultProtocolClient has no
 * platform tag in Electron 45's electron.d.ts: the Registry on Windows, LaunchServices on
 * macOS; on Linux GIO's default for x-scheme-handler/toggl-tray, naming the .desktop file
 * package.json's `desktopName` gives, CHROME_DESKTOP, which must be installed).
 */
export function registerLinks(testHooks: boolean, log: Logger): void {
  const plan = linkRegistration({
    platform: process.platform,
    packaged: app.isPackaged,
    testHooks,
    execPath: process.execPath,
    appPath: path.resolve(process.argv[1] ?? '.'),
  });
  if (!plan.register) {
    log.info('links: not registered as the toggl-tray:// handler', { reason: plan.reason });
    return;
  }
  // Reviewed (electronegativity's PROTOCOL_HANDLER_JS_CHECK): what a link asks is parsed as data
  // (app-link.ts), and nothing that changes data happens without the user's confirm (link-requests.ts).
  // path and args are read on Windows only (Electron's docs): a checkout's Electron plus its app folder.
  const via = plan.via ?? { executable: process.execPath, args: [] };
  const registered = app.setAsDefaultProtocolClient(APP_SCHEME, via.executable, via.args); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  if (registered) log.info('links: registered as the toggl-tray:// handler');
  else log.warn('links: the OS refused to make this app the toggl-tray:// handler');
}
