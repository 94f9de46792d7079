/** The vault and backup commands of the contract (see src-shared/contract.ts). */
import { z } from 'zod';
import { command } from '../command.js';
import { backupListSchema, backupRestoreInputSchema, backupRestoreResultSchema, backupSchema } from './backup.schema.js';
import {
  vaultChangeInputSchema,
  vaultKeepOpenInputSchema,
  vaultPinInputSchema,
  vaultRecoverInputSchema,
  vaultSecretResultSchema,
  vaultSettingsInputSchema,
  vaultSetupInputSchema,
  vaultStates,
  vaultStatusSchema,
  vaultUnlockInputSchema,
} from './vault.schema.js';

export const vaultCommands = {
  /** Where the vault stands: first start, sealed, locked or unlocked. Answered in every state. */
  'vault:status': command(z.object({}), vaultStatusSchema),
  /** First start: chooses the passphrase, makes the key, encrypts an earlier plain database. */
  'vault:setup': command(vaultSetupInputSchema, vaultSecretResultSchema),
  /** The passphrase (always) or the PIN (only once the passphrase was typed since the start). */
  'vault:unlock': command(vaultUnlockInputSchema, vaultStatusSchema),
  /** Locks now (the « Verrouiller » button; `system`: the laptop went to sleep). Ends a desk kept open. */
  'vault:lock': command(z.object({ reason: z.enum(['manual', 'system']).default('manual') }), vaultStatusSchema),
  /** A person used the window: the idle time starts again. */
  'vault:activity': command(z.object({}), z.object({})),
  /** A short PIN that unlocks until the app restarts. */
  'vault:set-pin': command(vaultPinInputSchema, vaultStatusSchema),
  /** The welcome desk stays unlocked until the workshop ends, on purpose; null stops it. */
  'vault:keep-open': command(vaultKeepOpenInputSchema, vaultStatusSchema),
  /** The idle time after which the app locks, set by the lab. */
  'vault:settings': command(vaultSettingsInputSchema, vaultStatusSchema),
  /** A new passphrase: the key is wrapped again, the data is not re-encrypted. */
  'vault:change-passphrase': command(vaultChangeInputSchema, vaultStatusSchema),
  /** A forgotten passphrase: the recovery key sets a new one (and a new recovery key is shown). */
  'vault:recover': command(vaultRecoverInputSchema, vaultSecretResultSchema),
  /**
   * The key the window seals drafts holding personal data with (AES-GCM, base64 of 32 bytes):
   * only while unlocked (`locked` otherwise), derived from the database key, never stored.
   */
  'vault:draft-key': command(z.object({}), z.object({ key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) })),
} as const;

export const backupCommands = {
  /** The encrypted backups in the data folder, newest first. */
  'backups:list': command(z.object({}), backupListSchema),
  /** Takes a backup now (the daily one is taken by itself while the app runs). */
  'backups:now': command(z.object({}), backupSchema),
  /** Puts a backup back in place of the data, after saving the current data as a backup. */
  'backups:restore': command(backupRestoreInputSchema, backupRestoreResultSchema),
} as const;

export const vaultEvents = {
  /** The vault's state changed (locked, unlocked, desk kept open…): the window shows the lock or not. */
  'vault:changed': z.object({ state: z.enum(vaultStates) }),
} as const;
