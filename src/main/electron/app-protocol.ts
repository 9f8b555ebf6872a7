import { protocol } from 'electron';
import { answerAppRequest, APP_SCHEME } from './app-request';

/** Must run before the app is ready: app:// behaves like https (standard, secure, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on app://toggl-tray/ from inside the package. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request));
}
