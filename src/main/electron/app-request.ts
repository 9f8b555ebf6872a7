import { RENDERER_CSP, readStaticFile } from '../renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'toggl-tray';
/** The popover's origin in a packaged or built app: the IPC sender check and navigation guard use it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Answers one app:// request from the renderer folder, with the CSP as a header. Only GET on
 * the app's own host; a path that leaves the folder, or a file that is not there, is a 404.
 * No Electron here, so it runs in plain Node tests.
 */
export async function answerAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const headers = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' };
  const url = new URL(request.url);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return new Response('Not found.', { status: 404, headers });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed.', { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } });
  }
  const file = await readStaticFile(rendererDir, url.pathname);
  if (!file) return new Response('Not found.', { status: 404, headers });
  const body = request.method === 'HEAD' ? null : new Uint8Array(file.body);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
}
