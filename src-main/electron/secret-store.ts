/**
 * Keeps a secret (the device's sync token) encrypted with Electron's safeStorage. It refuses
 * to store anything when the OS gives no real protection: safeStorage unavailable, or on Linux
 * the 'basic_text' backend, where "encrypted" means a hard-coded key, i.e. plain text.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export type SecretStoreErrorCode = 'encryption_unavailable' | 'plain_text_backend' | 'unreadable';

export class SecretStoreError extends Error {
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

/** Why a secret cannot be stored here, or null when it can. Call after `app.whenReady()`. */
export function secretStorageProblem(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretStoreError | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return new SecretStoreError(
      'encryption_unavailable',
      "Le trousseau du système n'est pas disponible : le jeton de synchronisation n'est pas enregistré. / " +
        'The OS keychain is not available: the sync token was not stored.',
    );
  }
  // Only Linux has the basic_text fallback; the getter exists only there.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return new SecretStoreError(
      'plain_text_backend',
      "Aucun trousseau (GNOME Keyring, KWallet) n'est actif : le jeton serait stocké en clair, il n'est donc pas enregistré. / " +
        'No keyring (GNOME Keyring, KWallet) is running: the token would be stored in plain text, so it was not stored.',
    );
  }
  return null;
}

export interface SecretStore {
  /** Encrypts and writes the secret; throws SecretStoreError when storage is not safe. */
  save(secret: string): void;
  /** The secret, or null when none is stored; throws SecretStoreError('unreadable') if it cannot be decrypted. */
  load(): string | null;
  clear(): void;
}

export interface SecretStoreOptions {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** Where the ciphertext lives, e.g. `<dataDir>/sync-token.bin`. */
  file: string;
}

export function createSecretStore({ safeStorage, platform, file }: SecretStoreOptions): SecretStore {
  return {
    save(secret) {
      const problem = secretStorageProblem(safeStorage, platform);
      if (problem) throw problem;
      writeFileSync(file, safeStorage.encryptString(secret), { mode: 0o600 });
      // writeFileSync's mode applies only when it creates the file.
      chmodSync(file, 0o600);
    },
    load() {
      if (!existsSync(file)) return null;
      try {
        return safeStorage.decryptString(readFileSync(file));
      } catch (error) {
        throw new SecretStoreError(
          'unreadable',
          `Le jeton enregistré ne peut pas être déchiffré (trousseau changé ?) / the stored token cannot be decrypted: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}
