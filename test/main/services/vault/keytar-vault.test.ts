import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertPrivateKeyring } from '../../../support/keyring-guard';
import { KeytarVault } from '../../../../src/main/services/vault/keytar-vault';
import { VAULT_SERVICE, vaultAccount } from '../../../../src/main/services/vault/vault';

beforeAll(() => assertPrivateKeyring());

const vaultScript = path.resolve('test/support/vault-probe.ts');

/** Runs a vault operation in a fresh Node process, as a restarted app would. */
function inFreshProcess(
  account: string,
  operation: 'get' | 'set' | 'delete',
  value = '',
  env: NodeJS.ProcessEnv = process.env,
) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', vaultScript, operation, account, value], {
    env,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('KeytarVault against a real Secret Service', () => {
  it('stores a token, reads it back from a fresh process, and deletes it', async () => {
    const account = `test ${randomBytes(4).toString('hex')}`;
    const token = randomBytes(16).toString('hex');
    const vault = new KeytarVault(account);
    expect(await vault.get()).toBeNull();
    await vault.set(token);
    expect(inFreshProcess(account, 'get')).toMatchObject({ status: 0, stdout: token });
    expect(await vault.delete()).toBe(true);
    expect(inFreshProcess(account, 'get')).toMatchObject({ status: 0, stdout: 'null' });
    expect(await vault.delete()).toBe(false);
  });

  it('keeps one entry per API root, so a sandbox token never replaces the real one', async () => {
    expect(vaultAccount('https://api.track.toggl.com/api/v9')).toBe('api-token');
    const sandbox = vaultAccount('http://127.0.0.1:4010/api/v9');
    expect(sandbox).toBe('api-token http://127.0.0.1:4010/api/v9');
    const vault = new KeytarVault(sandbox);
    await vault.set('sandbox-token');
    expect(inFreshProcess(sandbox, 'get').stdout).toBe('sandbox-token');
    expect(inFreshProcess('api-token', 'get').stdout).toBe('null');
    await vault.delete();
    expect(VAULT_SERVICE).toBe('Toggl Tray');
  });

  it('says clearly that no keychain is reachable when there is no Secret Service', () => {
    const noBus = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/toggl-tray-bus' };
    const result = inFreshProcess('anything', 'set', 'token', noBus);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(
      /^Toggl Tray keeps your API token in the Secret Service \(GNOME Keyring or KWallet\), and it cannot be reached \(.+\)\. Start a keyring/,
    );
    expect(result.stderr).not.toContain('token\n');
  });
});
