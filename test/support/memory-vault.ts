import type { TokenVault } from '../../src/main/services/vault/vault';

/** A vault in memory, for tests that are not about the keychain (those use the real one). */
export class MemoryVault implements TokenVault {
  readonly description = 'memory (tests)';
  private token: string | null = null;

  get(): Promise<string | null> {
    return Promise.resolve(this.token);
  }

  set(token: string): Promise<void> {
    this.token = token;
    return Promise.resolve();
  }

  delete(): Promise<boolean> {
    const had = this.token !== null;
    this.token = null;
    return Promise.resolve(had);
  }
}
