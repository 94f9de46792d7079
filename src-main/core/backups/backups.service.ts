/**
 * Backups while the app runs and the restore command (docs/operations.md « Sauvegardes »):
 * - a daily backup, taken by itself while the app runs (checked every hour, the first a minute
 *   after the data opens, so the first screen is not slowed), kept DAILY_BACKUP_DAYS days;
 * - `backups:now`, the same on demand;
 * - `backups:restore`: the passphrase typed again, the backup checked with the key, the current
 *   data saved as a backup of kind `restore`, then the backup put in place and the data opened
 *   again (migrated forward if it is older; the start-up's steps run again after it).
 *
 * Invariants: every backup is encrypted with the database key (store/backup.ts); a restore
 * killed at any step leaves the old data or the restored data in place, whole (the copy is
 * written beside, synced, then renamed over `atelier.sqlite` with nothing open).
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { Backup } from '#shared/vault/backup.schema.js';
import type { DataDirLayout } from '../data-dir.js';
import type { Logger } from '../logger.js';
import { backupDatabase, checkBackup, DAILY_BACKUP_DAYS, listBackups, ownerOnly, parseBackupName, pruneBackups, syncDirectory, syncPath, type ListedBackup } from '../store/backup.js';
import { openSqlite } from '../store/open-database.js';

export const BACKUP_CHECK_MS = 60 * 60_000;
export const FIRST_BACKUP_DELAY_MS = 60_000;
const DAY_MS = 86_400_000;
const RESTORING = '.restoring';

export interface BackupServiceDeps {
  layout: DataDirLayout;
  key: () => Buffer | null;
  now: () => Date;
  logger: Logger;
  /** The passphrase typed again: null when it is the right one, else the error to answer. */
  checkPassphrase(passphrase: string): Promise<Result<never> | null>;
  /** Closes the open data, runs `swap` with nothing open, then opens the data again. */
  reopen(swap: () => void): Promise<void>;
  dailyDays?: number;
}

const toBackup = (b: ListedBackup): Backup => ({ name: b.name, kind: b.kind, takenAt: b.takenAt, schemaVersion: b.schemaVersion, sizeBytes: b.sizeBytes });

/** Removes a copy a killed restore left beside the database (the start-up calls it). */
export function removeRestoreLeftover(layout: DataDirLayout): void {
  rmSync(`${layout.database}${RESTORING}`, { force: true });
}

export function createBackupService(deps: BackupServiceDeps) {
  const { layout, logger } = deps;
  const dailyDays = deps.dailyDays ?? DAILY_BACKUP_DAYS;

  function take(kind: Backup['kind']): Backup {
    const key = deps.key();
    if (!key) throw new Error('no key: the data is not open');
    // A connection of its own: the app's writes go on, the copy sees one consistent state.
    const reader = openSqlite(layout.database, { key });
    let path: string;
    try {
      path = backupDatabase(reader, layout.backups, reader.pragma('user_version', { simple: true }) as number, deps.now(), key, kind);
    } finally {
      reader.close();
    }
    const pruned = pruneBackups(layout.backups, key, { dailyDays, now: deps.now() });
    for (const { name, reason } of pruned.discarded) logger.warn({ backup: name, reason }, 'unusable backup file removed');
    if (pruned.removed.length) logger.info({ removed: pruned.removed }, 'old backups removed');
    const name = path.slice(layout.backups.length + 1);
    logger.info({ backup: name, kind }, 'backup taken');
    return toBackup(listBackups(layout.backups).find((b) => b.name === name)!);
  }

  return {
    list: (): Result<{ items: Backup[]; keptDays: number }> => ok({ items: listBackups(layout.backups).map(toBackup), keptDays: dailyDays }),

    now: (): Result<Backup> => ok(take('daily')),

    /** Takes the daily backup when the newest one is a day old (or there is none). */
    takeDailyIfDue(): void {
      const newest = listBackups(layout.backups).find((b) => b.kind === 'daily');
      if (newest && deps.now().getTime() - Date.parse(newest.takenAt) < DAY_MS) return;
      try {
        take('daily');
      } catch (error) {
        logger.error({ err: error }, 'daily backup failed');
      }
    },

    async restore(name: string, passphrase: string): Promise<Result<{ restored: Backup; savedAs: Backup }>> {
      const refused = await deps.checkPassphrase(passphrase);
      if (refused) return refused;
      const parsed = parseBackupName(name);
      const path = join(layout.backups, name);
      const listed = listBackups(layout.backups).find((b) => b.name === name);
      if (!parsed || !listed || !existsSync(path)) return fail('not_found', `No backup named ${name}`, { name: 'validation.backupMissing' });
      if (parsed.schemaVersion > LATEST_SCHEMA_VERSION) return fail('validation', 'This backup comes from a newer version', { name: 'validation.dataTooNew' });
      const problem = checkBackup(path, parsed.schemaVersion, deps.key());
      if (problem !== null) return fail('validation', `This backup cannot be used: ${problem}`, { name: 'validation.backupUnusable' });

      const savedAs = take('restore');
      const staging = `${layout.database}${RESTORING}`;
      await deps.reopen(() => {
        copyFileSync(path, staging);
        ownerOnly(staging);
        syncPath(staging);
        // Closed cleanly just before: no WAL is left; any other would belong to the old data.
        for (const sidecar of ['-wal', '-shm', '-journal']) rmSync(`${layout.database}${sidecar}`, { force: true });
        renameSync(staging, layout.database);
        syncDirectory(layout.root);
      });
      logger.warn({ restored: name, savedAs: savedAs.name }, 'backup restored');
      return ok({ restored: toBackup(listed), savedAs });
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

/** Checks for the daily backup every `checkMs`, the first time after `firstMs`. */
export function scheduleDailyBackups(service: BackupService, checkMs = BACKUP_CHECK_MS, firstMs = FIRST_BACKUP_DELAY_MS): () => void {
  const first = setTimeout(() => service.takeDailyIfDue(), firstMs);
  const every = setInterval(() => service.takeDailyIfDue(), checkMs);
  first.unref?.();
  every.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
