import { describe, expect, it } from 'vitest';
import { assetsNamedBy, cacheControlFor } from '../../../src/main/web/asset-caching';

// The page as electron-vite builds it (out/renderer/index.html), trimmed.
const PAGE = `<!doctype html>
<html lang="en"><head>
<link rel="icon" href="data:," />
<script type="module" crossorigin src="./assets/index-BOYrFlfr.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-aCo891oD.css">
<link rel="modulepreload" href="/assets/list-a_b-C12d.js">
<script src="assets/polyfill.js"></script>
<script src="./assets/my-component-file.js"></script>
<link rel="preload" as="image" href="./assets/logo-BOYrFlfr.svg">
</head><body><div id="app"></div></body></html>`;

const KEPT = 'private, max-age=31536000, immutable';

describe('what the browser may keep of the web shell', () => {
  it('reads the files under assets/ the page names, however it writes the path', () => {
    expect([...assetsNamedBy(PAGE)].sort()).toEqual([
      '/assets/index-BOYrFlfr.js',
      '/assets/index-aCo891oD.css',
      '/assets/list-a_b-C12d.js',
      '/assets/logo-BOYrFlfr.svg',
      '/assets/my-component-file.js',
      '/assets/polyfill.js',
    ]);
  });

  it('keeps for good only what the page names by a hashed name', () => {
    const named = assetsNamedBy(PAGE);
    for (const kept of ['/assets/index-BOYrFlfr.js', '/assets/index-aCo891oD.css', '/assets/list-a_b-C12d.js'])
      expect(cacheControlFor(kept, named)).toBe(KEPT);
    // Named, but without the build's hash (or not a script or stylesheet): it could change under the same name.
    for (const stored of ['/assets/polyfill.js', '/assets/my-component-file.js', '/assets/logo-BOYrFlfr.svg'])
      expect(cacheControlFor(stored, named)).toBe('no-store');
  });

  it('never keeps the page, a file the page does not name, or anything before a page was served', () => {
    const named = assetsNamedBy(PAGE);
    for (const path of [
      '/',
      '/index.html',
      '/assets/index-XXXXXXXX.js',
      '/assets/index-BOYrFlfr.js.map',
      '/other/index-BOYrFlfr.js',
    ])
      expect(cacheControlFor(path, named)).toBe('no-store');
    expect(cacheControlFor('/assets/index-BOYrFlfr.js', new Set())).toBe('no-store');
  });
});
