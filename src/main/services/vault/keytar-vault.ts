import { createRequire } from 'node:module';
import { VAULT_SERVICE, VaultError, type TokenVault } from './vault';

type Keytar = typeof import('keytar');

const PLATFORM_KEYCHAINS: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'the Secret Service (GNOME Keyring or KWallet)',
};

/** Loads keytar's native module, or explains why it cannot be used. */
function loadKeytar(): Keytar {
  try {
    return createRequire(import.meta.url)('keytar') as Keytar;
  } catch (error) {
    throw new VaultError(
      'The keychain module (keytar) did not load, so Toggl Tray cannot reach the system keychain. ' +
        'Reinstall the app; on Linux, libsecret-1-0 must be installed.',
      { cause: error },
    );
  }
}

function unreachable(keychain: string, error: unknown): VaultError {
  const detail = error instanceof Error ? error.message : String(error);
  const hint =
    process.platform === 'linux'
      ? ' Start a keyring (gnome-keyring or KWallet) in your desktop session and unlock it, then try again.'
      : ' Unlock it and try again.';
  return new VaultError(
    `Toggl Tray keeps your API token in ${keychain}, and it cannot be reached (${detail}).${hint}`,
    {
      cause: error,
    },
  );
}

/** The token in the OS keychain through keytar: one fixed service, one account per API root. */
export class KeytarVault implements TokenVault {
  readonly description: string;
  private keytar: Keytar | undefined;

  constructor(
    private readonly account: string,
    platform: NodeJS.Platform = process.platform,
  ) {
    this.description = PLATFORM_KEYCHAINS[platform] ?? 'the system keychain';
  }

  private async call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    // Loaded on first use, so a shell starts (and can say what is wrong) without it.
    this.keytar ??= loadKeytar();
    try {
      return await operation(this.keytar);
    } catch (error) {
      throw unreachable(this.description, error);
    }
  }

  get(): Promise<string | null> {
    return this.call((keytar) => keytar.getPassword(VAULT_SERVICE, this.account));
  }

  set(token: string): Promise<void> {
    return this.call((keytar) => keytar.setPassword(VAULT_SERVICE, this.account, token));
  }

  delete(): Promise<boolean> {
    return this.call((keytar) => keytar.deletePassword(VAULT_SERVICE, this.account));
  }
}
