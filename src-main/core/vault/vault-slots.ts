/**
 * The two slots of vault.json that hold the database key: the passphrase slot (Argon2id, then
 * sealed by the OS keychain when the host has a real one) and the recovery slot.
 */
import type { KdfCost } from './key-wrap.js';
import { deriveFromPassphrase, deriveFromRecoveryKey, newSalt, unwrap, wrap } from './key-wrap.js';
import type { Keystore, VaultDocument, WrappedSlot } from './vault-file.js';

const PASSPHRASE = 'passphrase';
const RECOVERY = 'recovery';

export class KeystoreUnavailableError extends Error {
  readonly code = 'keystore_unavailable';
  constructor(cause: unknown) {
    super(
      `Le trousseau du système ne peut pas ouvrir la clé de cet ordinateur (${cause instanceof Error ? cause.message : String(cause)}) : utilisez la clé de secours. / ` +
        'The OS keychain cannot open this laptop’s key: use the recovery key.',
      { cause },
    );
    this.name = 'KeystoreUnavailableError';
  }
}

export async function passphraseSlot(key: Buffer, passphrase: string, kdf: KdfCost, keystore: Keystore): Promise<VaultDocument['slot']> {
  const salt = newSalt();
  const wrapped: WrappedSlot = { salt: salt.toString('base64'), ...wrap(await deriveFromPassphrase(passphrase, salt, kdf), key, PASSPHRASE) };
  // Never Linux's basic_text: the keystore says `unavailable` then, and the passphrase protects alone.
  if ((await keystore.availability()) !== 'available') return { protection: 'passphrase', wrapped };
  const sealed = await keystore.seal(Buffer.from(JSON.stringify(wrapped), 'utf8'));
  return { protection: 'passphrase_and_os', sealed: sealed.toString('base64') };
}

export function recoverySlot(key: Buffer, recoveryKey: string): WrappedSlot {
  const salt = newSalt();
  return { salt: salt.toString('base64'), ...wrap(deriveFromRecoveryKey(recoveryKey, salt), key, RECOVERY) };
}

async function openedSlot(doc: VaultDocument, keystore: Keystore): Promise<WrappedSlot> {
  if (doc.slot.protection === 'passphrase') return doc.slot.wrapped;
  let plain: Buffer;
  try {
    plain = await keystore.unseal(Buffer.from(doc.slot.sealed, 'base64'));
  } catch (error) {
    throw new KeystoreUnavailableError(error);
  }
  return JSON.parse(plain.toString('utf8')) as WrappedSlot;
}

/** The database key; throws WrongSecretError for a wrong passphrase. */
export async function keyFromPassphrase(doc: VaultDocument, passphrase: string, keystore: Keystore): Promise<Buffer> {
  const slot = await openedSlot(doc, keystore);
  const kek = await deriveFromPassphrase(passphrase, Buffer.from(slot.salt, 'base64'), doc.kdf);
  return unwrap(kek, slot, PASSPHRASE);
}

/** The database key; throws WrongSecretError for a wrong recovery key. */
export function keyFromRecovery(doc: VaultDocument, recoveryKey: string): Buffer {
  return unwrap(deriveFromRecoveryKey(recoveryKey, Buffer.from(doc.recovery.salt, 'base64')), doc.recovery, RECOVERY);
}

export function kdfOf(cost: KdfCost): VaultDocument['kdf'] {
  return { algorithm: 'argon2id', memoryKiB: cost.memoryKiB, iterations: cost.iterations, parallelism: cost.parallelism };
}

/** Whether the stored cost is below the one this core uses (a vault made with a test cost, or an older cost). */
export function weakerThan(stored: VaultDocument['kdf'], wanted: KdfCost): boolean {
  return stored.memoryKiB < wanted.memoryKiB || stored.iterations < wanted.iterations;
}
