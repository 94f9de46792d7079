/** The encrypted backups of the data folder, as the lab's IT sees them (docs/operations.md). */
import { z } from 'zod';
import { typedPassphraseSchema } from './vault.schema.js';

/**
 * Why a backup was taken: every day while the app runs, before a migration, before a plain
 * database was encrypted, before a restore replaced the data.
 */
export const backupKinds = ['daily', 'migration', 'conversion', 'restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** `atelier-<kind>-<time>-v<schema>.sqlite`; the older `atelier-<time>-v<schema>.sqlite` are migration backups. */
export const backupNameSchema = z
  .string({ error: 'validation.required' })
  .max(120, { error: 'validation.invalid' })
  .regex(/^atelier-[A-Za-z0-9-]+-v\d+\.sqlite$/, { error: 'validation.invalid' });

export const backupSchema = z.object({
  name: z.string(),
  kind: z.enum(backupKinds),
  /** ISO UTC. */
  takenAt: z.string(),
  schemaVersion: z.number().int(),
  sizeBytes: z.number().int(),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupListSchema = z.object({
  items: z.array(backupSchema),
  /** How many days the daily backups are kept. */
  keptDays: z.number().int(),
});

export const backupRestoreInputSchema = z.object({
  name: backupNameSchema,
  /** Typed again: a restore replaces every record of the laptop. */
  passphrase: typedPassphraseSchema,
});

export const backupRestoreResultSchema = z.object({
  restored: backupSchema,
  /** The data as it was just before, kept as a backup of kind `restore`. */
  savedAs: backupSchema,
});
