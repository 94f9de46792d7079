/**
 * The vault's OS keychain in Electron, with a fake safeStorage (the Electron binary cannot run
 * here): the passphrase slot is sealed by a real keyring, never by Linux's basic_text; a laptop
 * whose keyring is gone is still recovered with the recovery key. Also the lock on sleep.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerKeystore, createKeystoreProxy, type HostKeystore } from '#core/vault/host-keystore.js';
import type { SafeStorageLike } from '#electron/secret-store.js';
import { createVaultKeystore, lockOnSleep } from '#electron/vault-keystore.js';
import { TEST_PASSPHRASE } from '#test/support/vault.js';
import { openVaultCore, setupInput, unlockInput, type VaultCore } from '../vault/vault-kit.js';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** "Encrypts" by reversing behind a prefix; `backend` can change, as a keyring that goes away. */
function fakeSafeStorage(state: { backend: Backend; available: boolean }): SafeStorageLike {
  return {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString: (plain) => Buffer.from(`enc:${[...plain].reverse().join('')}`),
    decryptString: (buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

/** The worker's keystore proxy answered by the host's, as the message protocol carries them. */
function throughMessages(host: HostKeystore) {
  const proxy = createKeystoreProxy((id, op, data) => void answerKeystore(host, op, data).then((outcome) => proxy.answer(id, outcome)));
  return proxy.keystore;
}

let kit: VaultCore;
afterEach(async () => kit?.close());

describe('the vault keystore over safeStorage', () => {
  it('seals and unseals with a real keyring', async () => {
    const keystore = createVaultKeystore({ safeStorage: fakeSafeStorage({ backend: 'gnome_libsecret', available: true }), platform: 'linux', ready: async () => {} });
    expect(await keystore.availability()).toBe('available');
    const plain = Buffer.from('the wrapped passphrase slot').toString('base64');
    const sealed = await keystore.seal(plain);
    expect(sealed).not.toContain(plain);
    expect(await keystore.unseal(sealed)).toBe(plain);
  });

  it("never uses Linux's basic_text, nor a machine without a keychain", async () => {
    for (const state of [{ backend: 'basic_text' as Backend, available: true }, { backend: 'unknown' as Backend, available: false }]) {
      const keystore = createVaultKeystore({ safeStorage: fakeSafeStorage(state), platform: 'linux', ready: async () => {} });
      expect(await keystore.availability()).toBe('unavailable');
      await expect(keystore.seal('eA==')).rejects.toThrow();
    }
  });

  it('the core seals the passphrase slot with it; without the keyring, only the recovery key opens, then the passphrase alone', async () => {
    const state = { backend: 'kwallet5' as Backend, available: true };
    const keystore = throughMessages(createVaultKeystore({ safeStorage: fakeSafeStorage(state), platform: 'linux', ready: async () => {} }));
    kit = await openVaultCore({ keystore });
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'setup', osKeystore: 'available' });
    const { recoveryKey, status } = await kit.must('vault:setup', setupInput());
    expect(status.protection).toBe('passphrase_and_os');
    const doc = JSON.parse(readFileSync(join(kit.dataDir, 'vault.json'), 'utf8')) as { slot: Record<string, unknown>; recovery: unknown };
    expect(Object.keys(doc.slot).sort()).toEqual(['protection', 'sealed']);
    expect(doc.recovery).toBeDefined();

    await kit.restart({ keystore });
    await kit.must('vault:unlock', unlockInput());

    // The keyring is gone (a new session without it): the passphrase alone cannot open the slot.
    state.backend = 'basic_text';
    await kit.restart({ keystore });
    expect(await kit.invoke('vault:unlock', unlockInput())).toMatchObject({ ok: false, error: { code: 'unavailable', fields: { passphrase: 'validation.keystoreUnavailable' } } });
    const next = 'un nouveau départ pour ce portable';
    const recovered = await kit.must('vault:recover', { recoveryKey, passphrase: next, confirmation: next, actor: 'Camille Martin' });
    expect(recovered.status).toMatchObject({ state: 'unlocked', protection: 'passphrase' });
    await kit.restart({ keystore });
    await kit.must('vault:unlock', unlockInput(next));
    expect(TEST_PASSPHRASE).not.toBe(next);
  });
});

describe('sleep and the locked screen', () => {
  it('lock the app', () => {
    const powerMonitor = new EventEmitter();
    const reasons: string[] = [];
    lockOnSleep(powerMonitor, (reason) => reasons.push(reason));
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('resume');
    expect(reasons).toEqual(['suspend', 'lock-screen']);
  });
});
