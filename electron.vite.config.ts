import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** Vite's dev server injects styles as <style> tags: relax style-src in dev only. */
function devStyleCsp(): Plugin {
  return {
    name: 'toggl-tray:dev-style-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // cli: `toggl-tray` in Node (package.json bin); it imports nothing of Electron.
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/main/cli/toggl-tray.ts') },
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can load one CommonJS file that requires nothing but 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    // Svelte's own batch module, the one its runtime imports (its package exports do not name
    // it): src/renderer/src/lib/svelte-batch-shape.ts says why the renderer reads it.
    resolve: {
      alias: { 'svelte-internal-batch': resolve('node_modules/svelte/src/internal/client/reactivity/batch.js') },
    },
    build: {
      // The page's script is parsed and run before the first rows: minified, it is a third of the bytes.
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // Vite's own names, written out: everything in assets/ carries its content's hash, which
        // is what lets the web shell tell the browser to keep it for good (main/web/asset-caching.ts).
        output: {
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
    plugins: [svelte(), devStyleCsp()],
  },
});
