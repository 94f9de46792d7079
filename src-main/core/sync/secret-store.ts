/**
 * Where the device's portal token lives. The core only sees this interface; the host decides
 * how the token is kept: Electron encrypts it with safeStorage, the web host keeps it in a file
 * readable only by the user (docs/operations.md says so).
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface SecretStore {
  read(): Promise<string | null>;
  write(secret: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * A secret kept in memory: what the core worker holds, the host persisting it its own way.
 * `onChange` tells the host of a new or cleared token; `replace` takes one from the host.
 */
export function createMemorySecretStore(
  initial: string | null,
  onChange?: (secret: string | null) => void,
): SecretStore & { replace(secret: string | null): void } {
  let value = initial;
  return {
    replace: (secret) => {
      value = secret;
    },
    read: async () => value,
    write: async (secret) => {
      value = secret;
      onChange?.(secret);
    },
    clear: async () => {
      value = null;
      onChange?.(null);
    },
  };
}

/** The web host's store: a file with mode 0600, replaced atomically. */
export function createFileSecretStore(file: string): SecretStore {
  return {
    read: async () => (existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null),
    write: async (secret) => {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, secret, { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
    },
    clear: async () => rmSync(file, { force: true }),
  };
}
