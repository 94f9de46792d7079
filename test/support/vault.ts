/**
 * The one way tests and benchmarks go through the vault, now that the data is always encrypted:
 * - `startCore({ …, ...testVault() })`: the core chooses (first start) or types (later starts)
 *   TEST_PASSPHRASE as a person would on the first screen, with a low Argon2id cost given
 *   explicitly (the app's own cost is APP_KDF; no environment variable changes it);
 * - `openDataFolder(dataDir)`: a second connection to a data folder's database, with the key
 *   unwrapped from its vault.json, to look at what the core wrote (read-only by default);
 * - TEST_KEY: a fixed database key for tests of the store alone (migrations, backups).
 * Not a test file itself.
 */
import { join } from 'node:path';
import { dataDirLayout } from '#core/data-dir.js';
import { openSqlite, type SqliteDatabase } from '#core/store/open-database.js';
import { newDatabaseKey, newRecoveryKey, type KdfCost } from '#core/vault/key-wrap.js';
import { createFileVaultStore, noKeystore } from '#core/vault/vault-file.js';
import { kdfOf, keyFromPassphrase, passphraseSlot, recoverySlot } from '#core/vault/vault-slots.js';

/** Argon2id at 1 MiB and one pass: microseconds instead of half a second, for tests only. */
export const TEST_KDF: KdfCost = Object.freeze({ memoryKiB: 1024, iterations: 1, parallelism: 1 });
export const TEST_PASSPHRASE = 'quatre chaises bleues au marché';
export const TEST_KEY = Buffer.alloc(32, 7);

export function testVault(passphrase = TEST_PASSPHRASE) {
  return { unlockWith: { passphrase, actor: 'Camille Martin' }, testKdf: TEST_KDF };
}

/** The database key of a data folder, unwrapped with its passphrase (no OS keychain in tests). */
export async function dataFolderKey(dataDir: string, passphrase = TEST_PASSPHRASE): Promise<Buffer> {
  const doc = createFileVaultStore(dataDir).read();
  if (!doc) throw new Error(`${join(dataDir, 'vault.json')} is missing: the core was never unlocked there`);
  return keyFromPassphrase(doc, passphrase, noKeystore);
}

/** A connection to a data folder's database, opened with its key. */
export async function openDataFolder(dataDir: string, { readonly = true, passphrase = TEST_PASSPHRASE } = {}): Promise<SqliteDatabase> {
  return openSqlite(dataDirLayout(dataDir).database, { key: await dataFolderKey(dataDir, passphrase), readonly });
}

/**
 * Writes the vault.json a first start would write, for TEST_PASSPHRASE, around a new random
 * database key, and returns that key: to build data folders as a laptop of this version leaves
 * them (the crash tests' fixtures).
 */
export async function writeTestVault(dataDir: string): Promise<Buffer> {
  const key = newDatabaseKey();
  const at = new Date().toISOString();
  createFileVaultStore(dataDir).write({
    format: 'atelier-vault',
    version: 1,
    createdAt: at,
    changedAt: at,
    kdf: kdfOf(TEST_KDF),
    slot: await passphraseSlot(key, TEST_PASSPHRASE, TEST_KDF, noKeystore),
    recovery: recoverySlot(key, newRecoveryKey()),
    plainLeft: false,
  });
  return key;
}
