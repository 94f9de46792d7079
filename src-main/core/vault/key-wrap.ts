/**
 * The database key and what wraps it.
 *
 * - The database key: 32 random bytes, made once, never typed, never shown, never written in
 *   clear. The data is encrypted with it (SQLCipher, attachments through HKDF) and a new
 *   passphrase does not change it.
 * - Wrapped by the passphrase: key-encryption key = Argon2id(passphrase, salt, cost), then
 *   AES-256-GCM (authenticated: a wrong passphrase fails, it never yields a wrong key).
 * - Wrapped by the recovery key: 160 random bits shown once; already as strong as a key, so
 *   HKDF-SHA256 is enough to make the key-encryption key from it.
 *
 * Argon2id through `argon2` (the reference C implementation, N-API, prebuilt for Linux, Windows
 * and macOS in the package itself: docs/decisions.md says why).
 */
import argon2 from 'argon2';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { RECOVERY_ALPHABET, RECOVERY_KEY_CHARS } from '#shared/vault/vault.schema.js';
import { KEY_BYTES } from '../store/open-database.js';

export interface KdfCost {
  /** KiB. */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * The app's cost: 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended option is 64 MiB,
 * t=3, p=4; one lane because a laptop of the halls has 2 cores and the unlock must stay under a
 * second: bench/vault.bench.ts measures it). Only tests pass a lower cost, explicitly.
 */
export const APP_KDF: KdfCost = Object.freeze({ memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 });

/** A wrapped secret: AES-256-GCM's nonce and ciphertext followed by its tag, in base64. */
export interface Wrapped {
  iv: string;
  data: string;
}

export class WrongSecretError extends Error {
  constructor() {
    super('The passphrase, PIN or recovery key is not the right one');
    this.name = 'WrongSecretError';
  }
}

export const newDatabaseKey = (): Buffer => randomBytes(KEY_BYTES);
export const newSalt = (): Buffer => randomBytes(16);

/** Unicode NFC, so that a passphrase typed on another keyboard (é as one or two code points) still opens. */
export const normalisePassphrase = (passphrase: string): string => passphrase.normalize('NFC');

export async function deriveFromPassphrase(passphrase: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  return argon2.hash(normalisePassphrase(passphrase), {
    type: argon2.argon2id,
    raw: true,
    salt,
    hashLength: 32,
    memoryCost: cost.memoryKiB,
    timeCost: cost.iterations,
    parallelism: cost.parallelism,
  });
}

export function deriveFromRecoveryKey(recoveryKey: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(recoveryKey, 'ascii'), salt, 'atelier/vault/v1/recovery', 32));
}

/** `purpose` is authenticated with the secret: a passphrase slot cannot pass for a recovery slot. */
export function wrap(kek: Buffer, secret: Buffer, purpose: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`atelier/vault/v1/${purpose}`));
  const data = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString('base64'), data: data.toString('base64') };
}

export function unwrap(kek: Buffer, wrapped: Wrapped, purpose: string): Buffer {
  const data = Buffer.from(wrapped.data, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(`atelier/vault/v1/${purpose}`));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    throw new WrongSecretError();
  }
}

/** 32 characters of the Crockford alphabet, chosen uniformly (randomInt has no modulo bias). */
export function newRecoveryKey(): string {
  let key = '';
  for (let i = 0; i < RECOVERY_KEY_CHARS; i++) key += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return key;
}
