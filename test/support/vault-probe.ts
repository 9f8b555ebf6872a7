/**
 * Run by the vault tests in a fresh process: `vault-probe.ts get|set|delete ACCOUNT [VALUE]`.
 * Prints the result; on a VaultError prints its message to stderr and exits 3.
 */
import { KeytarVault } from '../../src/main/services/vault/keytar-vault';
import { VaultError } from '../../src/main/services/vault/vault';

const [operation, account = '', value = ''] = process.argv.slice(2);
const vault = new KeytarVault(account);

async function run(): Promise<string> {
  if (operation === 'get') return String(await vault.get());
  if (operation === 'set') return (await vault.set(value), 'ok');
  if (operation === 'delete') return String(await vault.delete());
  throw new Error(`unknown operation ${String(operation)}`);
}

run().then(
  (output) => process.stdout.write(`${output}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof VaultError ? 3 : 1);
  },
);
