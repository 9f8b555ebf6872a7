/**
 * What the browser may keep of the web shell's answers. The build names the page's script and
 * stylesheet by a hash of their content (`assets/index-BOYrFlfr.js`), so the browser may keep
 * those for good: a load then reads them from its cache, and V8 their compiled code from its
 * code cache, instead of fetching and compiling 217 KB while the window waits for its first
 * rows (35 ms of a 140 ms load here). Everything else is never stored: the page first, whose
 * address holds the secret.
 */

const KEPT = 'private, max-age=31536000, immutable';
const NEVER = 'no-store';

/**
 * A name as the build makes it: `<name>-<8-letter hash>.js` or `.css`, in `assets/`. The shape
 * alone cannot tell `assets/date-polyfill.js` from a hashed name; that is why a kept file must
 * also be one the page names, and the build names every file in assets/ with its hash
 * (electron.vite.config.ts), so no plain name there comes from it.
 */
const HASHED = /^\/assets\/[\w.-]+-[\w-]{8}\.(?:js|css)$/;

/** The files under assets/ the page names (`<script src>`, `<link href>`), as URL paths. */
export function assetsNamedBy(page: string): Set<string> {
  const named = new Set<string>();
  for (const [, file] of page.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"?#]+)"/g)) named.add(`/${file}`);
  return named;
}

/**
 * Kept for good only when the page names it and its name has the build's shape: a file the page
 * does not name (a map, a chunk of an older build) or one named otherwise is never stored.
 */
export function cacheControlFor(urlPath: string, named: ReadonlySet<string>): string {
  return named.has(urlPath) && HASHED.test(urlPath) ? KEPT : NEVER;
}
