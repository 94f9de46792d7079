/**
 * The OS keychain for the vault (Electron's safeStorage): the passphrase slot of vault.json is
 * sealed with it, so that the file alone, copied from a lost laptop, needs the user's session
 * as well as the passphrase. Linux's `basic_text` backend (a hard-coded key: plain text in
 * effect) is never used: the keychain is then `unavailable` and the passphrase protects alone
 * (secret-store.ts's rule for the sync token).
 */
import type { HostKeystore } from '#core/vault/host-keystore.js';
import { secretStorageProblem, type SafeStorageLike } from './secret-store.js';

export interface VaultKeystoreOptions {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** safeStorage works only once the app is ready. */
  ready: () => Promise<void>;
}

export function createVaultKeystore({ safeStorage, platform, ready }: VaultKeystoreOptions): HostKeystore {
  const usable = async () => {
    await ready();
    const problem = secretStorageProblem(safeStorage, platform);
    if (problem) throw problem;
  };
  return {
    async availability() {
      await ready();
      return secretStorageProblem(safeStorage, platform) ? 'unavailable' : 'available';
    },
    async seal(plainBase64) {
      await usable();
      return safeStorage.encryptString(plainBase64).toString('base64');
    },
    async unseal(sealedBase64) {
      await usable();
      return safeStorage.decryptString(Buffer.from(sealedBase64, 'base64'));
    },
  };
}

/** The laptop goes to sleep or its screen locks: the app locks too (issue 9). */
export function lockOnSleep(powerMonitor: { on(event: 'suspend' | 'lock-screen', listener: () => void): unknown }, lock: (reason: 'suspend' | 'lock-screen') => void): void {
  powerMonitor.on('suspend', () => lock('suspend'));
  powerMonitor.on('lock-screen', () => lock('lock-screen'));
}
