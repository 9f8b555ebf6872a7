/** Settings read from the environment, the same for both shells. */

export const DEFAULT_API_URL = 'https://api.track.toggl.com/api/v9';

export interface EnvConfig {
  /** The Toggl API root, without a trailing slash. */
  apiUrl: string;
  /** Where the app keeps its files; undefined means the shell's own default. */
  dataDir: string | undefined;
  /** The browser shell's port; 0 picks any free one. */
  port: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function readApiUrl(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`TOGGL_API_URL is not a URL: "${raw}". Example: http://127.0.0.1:4010/api/v9`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`TOGGL_API_URL must start with http:// or https://, not "${url.protocol}".`);
  }
  if (url.username || url.password) {
    throw new ConfigError('TOGGL_API_URL must not contain credentials; sign in inside the app instead.');
  }
  return url.toString().replace(/\/+$/, '');
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`TOGGL_TRAY_PORT must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

export function readEnvConfig(env: NodeJS.ProcessEnv): EnvConfig {
  const dataDir = env.TOGGL_TRAY_DATA_DIR?.trim();
  return {
    apiUrl: readApiUrl(env.TOGGL_API_URL),
    dataDir: dataDir ? dataDir : undefined,
    port: readPort(env.TOGGL_TRAY_PORT),
  };
}
