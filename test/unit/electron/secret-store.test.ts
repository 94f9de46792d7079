import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretStore, SecretStoreError, secretStorageProblem, type SafeStorageLike } from '#electron/secret-store.js';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** A fake safeStorage: "encrypts" by reversing and prefixing, so plain text never hits the disk. */
function fakeSafeStorage({ available = true, backend = 'gnome_libsecret' }: { available?: boolean; backend?: Backend } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from(`enc:${[...plain].reverse().join('')}`),
    decryptString: (buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atelier-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secretStorageProblem', () => {
  it('accepts a real keyring', () => {
    expect(secretStorageProblem(fakeSafeStorage(), 'linux')).toBeNull();
    expect(secretStorageProblem(fakeSafeStorage({ backend: 'kwallet5' }), 'linux')).toBeNull();
  });

  it('refuses when encryption is unavailable', () => {
    expect(secretStorageProblem(fakeSafeStorage({ available: false }), 'win32')?.code).toBe('encryption_unavailable');
  });

  it("refuses Linux's basic_text backend even though encryption reports available", () => {
    expect(secretStorageProblem(fakeSafeStorage({ backend: 'basic_text' }), 'linux')?.code).toBe('plain_text_backend');
  });

  it('does not ask for the Linux backend on other platforms', () => {
    const storage = { ...fakeSafeStorage(), getSelectedStorageBackend: (): Backend => { throw new Error('Linux only'); } };
    expect(secretStorageProblem(storage, 'darwin')).toBeNull();
  });
});

describe('createSecretStore', () => {
  it('stores the token encrypted, owner-only, and reads it back', () => {
    const file = join(dir, 'sync-token.bin');
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), platform: 'linux', file });
    expect(store.load()).toBeNull();
    store.save('device-token-123');
    expect(readFileSync(file, 'utf8')).not.toContain('device-token-123');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.load()).toBe('device-token-123');
    store.clear();
    expect(store.load()).toBeNull();
  });

  it.each([
    ['basic_text on Linux', fakeSafeStorage({ backend: 'basic_text' }), 'plain_text_backend'],
    ['no encryption', fakeSafeStorage({ available: false }), 'encryption_unavailable'],
  ] as const)('refuses to write anything with %s, with a clear bilingual error', (_label, storage, code) => {
    const file = join(dir, 'sync-token.bin');
    const store = createSecretStore({ safeStorage: storage, platform: 'linux', file });
    let thrown: unknown;
    try {
      store.save('device-token-123');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SecretStoreError);
    expect((thrown as SecretStoreError).code).toBe(code);
    expect((thrown as SecretStoreError).message).toMatch(/jeton.*token|token.*jeton/s);
    expect(existsSync(file)).toBe(false);
  });

  it('reports an unreadable stored token as a SecretStoreError, not a crash', () => {
    const file = join(dir, 'sync-token.bin');
    const writer = createSecretStore({ safeStorage: fakeSafeStorage(), platform: 'linux', file });
    writer.save('t');
    const broken = { ...fakeSafeStorage(), decryptString: () => { throw new Error('keyring changed'); } };
    const reader = createSecretStore({ safeStorage: broken, platform: 'linux', file });
    expect(() => reader.load()).toThrow(SecretStoreError);
  });
});
