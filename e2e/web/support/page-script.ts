import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../../support/chromium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A module of the repository, bundled by vite for a page as one script that sets `window[name]`. */
export async function pageScript(entry: string, name: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name } },
  });
  const first = (Array.isArray(output) ? output[0] : output) as { output: { type: string; code?: string }[] };
  const chunk = first.output.find((file) => file.type === 'chunk');
  if (!chunk?.code) throw new Error(`vite gave no script for ${entry}`);
  return chunk.code;
}

/**
 * Chromium with V8's natives syntax (`%IsInternalizedString`, `%GetOptimizationStatus`) and
 * `gc()`. Natives syntax parses only in code compiled with the flag: the page is given a
 * string to evaluate, not a function.
 */
export function launchWithNatives(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs(), '--js-flags=--allow-natives-syntax --expose-gc'],
  });
}
