import { DEFAULT_API_URL } from '../config';

/** Where the API token lives. One token per API root; nothing else is stored here. */
export interface TokenVault {
  /** For people: "GNOME Keyring (Secret Service)", "macOS Keychain", … */
  readonly description: string;
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
  /** True when there was a token to delete. */
  delete(): Promise<boolean>;
}

/** The keychain cannot be used; the message says what is missing and what to do. */
export class VaultError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
  }
}

export const VAULT_SERVICE = 'Toggl Tray';

/**
 * The keychain account for an API root. Toggl's own API uses "api-token"; a sandbox or other
 * root gets its own entry, so a demo never overwrites the real token.
 */
export function vaultAccount(apiUrl: string): string {
  return apiUrl === DEFAULT_API_URL ? 'api-token' : `api-token ${apiUrl}`;
}
