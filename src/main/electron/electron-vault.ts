import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dialog, safeStorage } from 'electron';
import { readJson, writeJsonAtomic } from '../services/files';
import type { Logger } from '../services/logger';
import { KeytarVault } from '../services/vault/keytar-vault';
import { VaultError, vaultAccount, type TokenVault } from '../services/vault/vault';

const CONSENT_FILE = 'plaintext-token-consent.json';

/**
 * Where there is no keychain: the token encrypted with Electron's safeStorage in a 0600 file
 * in the data dir. Linux's "basic_text" backend is no encryption at all, so it is used only
 * after the user has said yes to a dialog that says so.
 */
class SafeStorageVault implements TokenVault {
  readonly description: string;
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    account: string,
    private readonly log: Logger,
  ) {
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
    this.description =
      backend === 'basic_text' ? 'a file in the data folder (unencrypted)' : 'a file encrypted by the OS';
    const name = createHash('sha256').update(account).digest('hex').slice(0, 16);
    this.file = path.join(dataDir, `token-${name}.bin`);
  }

  private async ensureUsable(asking: boolean): Promise<void> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new VaultError(
        'No keychain is reachable and this system offers no encryption, so Toggl Tray cannot keep your API token.',
      );
    }
    if (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text') return;
    const consentFile = path.join(this.dataDir, CONSENT_FILE);
    const consent = (await readJson(consentFile).catch(() => undefined)) as { accepted?: boolean } | undefined;
    if (consent?.accepted) return;
    if (!asking) throw new VaultError('No keychain is reachable, and storing the token unencrypted was not accepted.');
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      buttons: ['Store it unencrypted', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'No keychain is available to keep your Toggl API token safe',
      detail:
        'Toggl Tray found no Secret Service (GNOME Keyring or KWallet). It can store the token in a file ' +
        'that only your user can read, but not encrypted: anyone with access to your account could use it. ' +
        'Install and unlock a keyring for real protection.',
    });
    if (response !== 0)
      throw new VaultError('Sign-in cancelled: the token was not stored because no keychain is available.');
    await writeJsonAtomic(consentFile, { accepted: true, at: new Date().toISOString() });
    this.log.warn('vault: the user accepted an unencrypted token file');
  }

  async get(): Promise<string | null> {
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.file);
    } catch {
      return null;
    }
    await this.ensureUsable(false);
    return (await safeStorage.decryptStringAsync(encrypted)).result;
  }

  async set(token: string): Promise<void> {
    await this.ensureUsable(true);
    const temp = `${this.file}.tmp`;
    await writeFile(temp, await safeStorage.encryptStringAsync(token), { mode: 0o600 });
    await rename(temp, this.file);
  }

  async delete(): Promise<boolean> {
    try {
      await readFile(this.file);
    } catch {
      return false;
    }
    await rm(this.file, { force: true });
    return true;
  }
}

/** The OS keychain through keytar when it answers; otherwise safeStorage (see above). */
export async function openElectronVault(apiUrl: string, dataDir: string, log: Logger): Promise<TokenVault> {
  const keychain = new KeytarVault(vaultAccount(apiUrl));
  try {
    await keychain.get();
    return keychain;
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    log.warn('vault: no keychain, falling back to safeStorage', { reason: error.message });
    return new SafeStorageVault(dataDir, vaultAccount(apiUrl), log);
  }
}
