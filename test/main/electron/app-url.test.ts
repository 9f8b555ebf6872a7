import { describe, expect, it } from 'vitest';
import { createAppUrlCheck } from '../../../src/main/electron/app-url';

describe('createAppUrlCheck', () => {
  it('accepts only the built index.html in production', () => {
    const isApp = createAppUrlCheck(undefined, '/opt/Toggl Tray/resources/app.asar/out/renderer/index.html');
    expect(isApp('file:///opt/Toggl%20Tray/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isApp('file:///opt/Toggl%20Tray/resources/app.asar/out/renderer/index.html#/settings')).toBe(true);
    expect(isApp('file:///etc/passwd')).toBe(false);
    expect(isApp('https://track.toggl.com/')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    const isApp = createAppUrlCheck('http://localhost:5173/', '/unused');
    expect(isApp('http://localhost:5173/index.html')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
  });
});
