import { APP_HOST, APP_SCHEME } from './app-request';

/**
 * True for the popover's own page: the dev server's origin in development, app://toggl-tray
 * otherwise. Used for the IPC sender check and navigation guard. Compared by scheme and host:
 * WHATWG URL gives a custom scheme the origin "null", which every such URL would share.
 */
export function createAppUrlCheck(devServerUrl: string | undefined): (url: string) => boolean {
  const expected = devServerUrl ? new URL(devServerUrl) : new URL(`${APP_SCHEME}://${APP_HOST}/`);
  return (raw) => {
    try {
      const url = new URL(raw);
      return url.protocol === expected.protocol && url.host === expected.host && !url.username && !url.password;
    } catch {
      return false;
    }
  };
}
