import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest, APP_INDEX_URL } from '../../../src/main/electron/app-request';
import { createAppUrlCheck } from '../../../src/main/electron/app-url';

describe('createAppUrlCheck', () => {
  it('accepts only app://toggl-tray when built, never file:', () => {
    const isApp = createAppUrlCheck(undefined);
    expect(isApp(APP_INDEX_URL)).toBe(true);
    expect(isApp('app://toggl-tray/index.html#/settings')).toBe(true);
    expect(isApp('app://other/index.html')).toBe(false);
    expect(isApp('app://user@toggl-tray/index.html')).toBe(false);
    expect(isApp('file:///opt/Toggl%20Tray/resources/app.asar/out/renderer/index.html')).toBe(false);
    expect(isApp('https://track.toggl.com/')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    const isApp = createAppUrlCheck('http://localhost:5173/');
    expect(isApp('http://localhost:5173/index.html')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
    expect(isApp('app://toggl-tray/index.html')).toBe(false);
  });
});

describe('the app:// protocol answer', () => {
  let dir: string;
  let renderer: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-protocol-'));
    renderer = path.join(dir, 'renderer');
    await mkdir(path.join(renderer, 'assets'), { recursive: true });
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Toggl Tray</title>');
    await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the package folder');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const answer = (url: string, method = 'GET') => answerAppRequest(renderer, new Request(url, { method }));

  it('serves the renderer with the CSP as a header', async () => {
    const page = await answer(APP_INDEX_URL);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Toggl Tray</title>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const script = await answer('app://toggl-tray/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await answer('app://toggl-tray/', 'HEAD')).status).toBe(200);
  });

  it('refuses paths that leave the folder, other hosts and other methods', async () => {
    for (const url of [
      'app://toggl-tray/../secret.txt',
      'app://toggl-tray/%2e%2e/secret.txt',
      'app://toggl-tray/..%2Fsecret.txt',
      'app://toggl-tray/assets/..%2F..%2Fsecret.txt',
      'app://toggl-tray/%00index.html',
      'app://toggl-tray/missing.js',
      'app://elsewhere/index.html',
    ]) {
      const refused = await answer(url);
      expect([url, refused.status]).toEqual([url, 404]);
      expect(await refused.text()).not.toContain('outside the package folder');
    }
    expect((await answer(APP_INDEX_URL, 'POST')).status).toBe(405);
  });
});
