import { protocol } from 'electron';
import { answerAppRequest, APP_SCHEME } from './app-request';

/**
 * Must run before the app is ready: app:// behaves like https (standard, secure, fetch), and V8
 * keeps the page's compiled script between launches (`codeCache`, which needs `standard`), so a
 * launch does not compile the 217 KB bundle again before the first rows.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer on app://toggl-tray/ from inside the package. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request));
}
