/**
 * `vault.json` in the data folder: the database key wrapped by the passphrase (and, in
 * Electron, sealed again by the OS keychain) and wrapped by the recovery key. Nothing in it is a
 * secret in clear; without the passphrase (or the recovery key) it opens nothing.
 *
 * Invariants:
 * - written to `vault.json.tmp` (owner-only), synced, then renamed over `vault.json` and the
 *   folder synced: a process killed while changing the passphrase leaves the old file or the
 *   new one, whole, never neither;
 * - the recovery slot is never sealed by the OS keychain: a laptop whose keychain was reset (a
 *   new user profile, a reinstalled system) is still recoverable by the lab's IT;
 * - a damaged file stops the start with a sentence; it is never replaced by a new vault (that
 *   would lose the key to every record).
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { syncDirectory } from '../store/backup.js';

export const VAULT_FILE = 'vault.json';

const wrappedSchema = z.object({ salt: z.string().min(1), iv: z.string().min(1), data: z.string().min(1) });
export type WrappedSlot = z.infer<typeof wrappedSchema>;

export const vaultDocumentSchema = z.object({
  format: z.literal('atelier-vault'),
  version: z.literal(1),
  createdAt: z.string(),
  changedAt: z.string(),
  kdf: z.object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number().int().min(8),
    iterations: z.number().int().min(1),
    parallelism: z.number().int().min(1),
  }),
  /** The passphrase slot, as it is, or sealed by the OS keychain (base64 of what safeStorage returned). */
  slot: z.discriminatedUnion('protection', [
    z.object({ protection: z.literal('passphrase'), wrapped: wrappedSchema }),
    z.object({ protection: z.literal('passphrase_and_os'), sealed: z.string().min(1) }),
  ]),
  recovery: wrappedSchema,
  /** Plain files of an earlier version are still to be encrypted (a setup that was interrupted). */
  plainLeft: z.boolean(),
});
export type VaultDocument = z.infer<typeof vaultDocumentSchema>;

export class VaultFileError extends Error {
  readonly code = 'vault_damaged';
  constructor(file: string, reason: string) {
    super(
      `Le fichier ${file} est illisible (${reason}) : il n'a pas été modifié. Prévenez l'équipe informatique du Lab (docs/operations.md). / ` +
        `The vault file ${file} is unreadable (${reason}); it was not modified.`,
    );
    this.name = 'VaultFileError';
  }
}

/** Where the vault document is kept: the data folder, or memory (an in-memory core). */
export interface VaultStore {
  read(): VaultDocument | null;
  write(doc: VaultDocument): void;
}

export function createFileVaultStore(dataDir: string): VaultStore {
  const file = join(dataDir, VAULT_FILE);
  const tmp = `${file}.tmp`;
  return {
    read() {
      // An interrupted write: the rename never happened, so vault.json is the one in force.
      rmSync(tmp, { force: true });
      if (!existsSync(file)) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new VaultFileError(file, (error as Error).message);
      }
      const result = vaultDocumentSchema.safeParse(parsed);
      if (!result.success) throw new VaultFileError(file, result.error.issues[0]?.message ?? 'invalid');
      return result.data;
    },
    write(doc) {
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(vaultDocumentSchema.parse(doc), null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
      syncDirectory(dataDir);
    },
  };
}

export function createMemoryVaultStore(initial: VaultDocument | null = null): VaultStore {
  let doc = initial;
  return { read: () => doc, write: (next) => void (doc = next) };
}

/**
 * The OS keychain, as the host offers it (Electron's safeStorage through the main process), or
 * nothing (the web host). `seal` refuses when the keychain gives no real protection.
 */
export interface Keystore {
  /** `none`: this host has no keychain; `unavailable`: it has one that cannot protect (Linux's basic_text). */
  availability(): Promise<'available' | 'unavailable' | 'none'>;
  seal(plain: Buffer): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<Buffer>;
}

export const noKeystore: Keystore = {
  availability: async () => 'none',
  seal: async () => {
    throw new Error('no OS keychain in this host');
  },
  unseal: async () => {
    throw new Error('no OS keychain in this host');
  },
};
