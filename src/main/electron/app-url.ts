import { pathToFileURL } from 'node:url';

/**
 * True for the popover's own page: the dev server's origin in development, the built
 * index.html file in production. Used for the IPC sender check and navigation guard.
 */
export function createAppUrlCheck(devServerUrl: string | undefined, indexHtmlPath: string): (url: string) => boolean {
  const expected = devServerUrl ? new URL(devServerUrl) : pathToFileURL(indexHtmlPath);
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.protocol !== expected.protocol) return false;
    return expected.protocol === 'file:' ? url.pathname === expected.pathname : url.origin === expected.origin;
  };
}
