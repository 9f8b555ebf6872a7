import { describe, expect, it } from 'vitest';
import { DEFAULT_API_URL, readEnvConfig } from '../../../src/main/services/config';

describe('readEnvConfig', () => {
  it('defaults to Toggl’s v9 API, any free port and the shell’s own data dir', () => {
    expect(readEnvConfig({})).toEqual({ apiUrl: DEFAULT_API_URL, dataDir: undefined, port: 0 });
  });

  it('reads the sandbox URL, data dir and port', () => {
    expect(
      readEnvConfig({
        TOGGL_API_URL: 'http://127.0.0.1:4010/api/v9/',
        TOGGL_TRAY_DATA_DIR: '/tmp/tt',
        TOGGL_TRAY_PORT: '8123',
      }),
    ).toEqual({ apiUrl: 'http://127.0.0.1:4010/api/v9', dataDir: '/tmp/tt', port: 8123 });
  });

  it.each([
    [{ TOGGL_API_URL: 'api.track.toggl.com' }, /TOGGL_API_URL is not a URL/],
    [{ TOGGL_API_URL: 'ftp://example.com/api' }, /must start with http:\/\/ or https:\/\//],
    [{ TOGGL_API_URL: 'https://me:secret@example.com/api/v9' }, /must not contain credentials/],
    [{ TOGGL_TRAY_PORT: 'eighty' }, /TOGGL_TRAY_PORT must be a whole number from 0 to 65535, not "eighty"/],
    [{ TOGGL_TRAY_PORT: '70000' }, /TOGGL_TRAY_PORT must be a whole number/],
  ])('explains a bad setting: %o', (env, message) => {
    expect(() => readEnvConfig(env)).toThrow(message);
  });
});
