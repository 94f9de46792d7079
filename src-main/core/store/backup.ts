/**
 * The backups taken before a migration, in `<data folder>/backups/`.
 *
 * Invariants:
 * - a file named `atelier-<time>-v<schema>.sqlite` is whole: it was written under
 *   `<name>.partial`, checked, synced, then renamed (a rename is atomic), so a process killed
 *   while backing up leaves only a `.partial` file, which the next start removes;
 * - a backup is one self-contained file in rollback-journal mode: copying it alone over
 *   `atelier.sqlite` restores it (the backup API copies the source's WAL flag, which is reset);
 * - only backups that open, pass `quick_check`, hold tables and carry the schema version their
 *   name says are counted among the ones kept; any other is removed.
 */
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** How many pre-migration backups are kept. */
export const BACKUPS_KEPT = 5;

const BACKUP_NAME = /^atelier-.+-v(\d+)\.sqlite$/;
const PARTIAL = '.partial';
/** The files SQLite keeps beside a database while it is open or after a crash. */
const SIDECARS = ['-journal', '-wal', '-shm'] as const;

export function backupFileName(at: Date, schemaVersion: number): string {
  return `atelier-${at.toISOString().replace(/[:.]/g, '-')}-v${schemaVersion}.sqlite`;
}

/** The schema version a backup's name announces, or null when the name is not a backup's. */
export function backupSchemaVersion(name: string): number | null {
  const match = BACKUP_NAME.exec(name);
  return match ? Number(match[1]) : null;
}

/**
 * Copies the open database through SQLite's online backup API (consistent even while the file
 * is in use) into `backupDir`, and returns the path of the finished backup.
 */
export async function backupDatabase(sqlite: BetterSqlite3.Database, backupDir: string, schemaVersion: number, at: Date): Promise<string> {
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const target = join(backupDir, backupFileName(at, schemaVersion));
  const partial = `${target}${PARTIAL}`;
  removeWithSidecars(partial);
  await sqlite.backup(partial);
  const copy = new BetterSqlite3(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const problem = checkBackup(partial, schemaVersion);
  if (problem !== null) throw new Error(`The backup ${partial} is unusable (${problem}); the database was not migrated.`);
  syncPath(partial);
  renameSync(partial, target);
  syncDirectory(backupDir);
  return target;
}

/**
 * Why a backup cannot be trusted, or null when it can: it must open, pass `quick_check`, hold
 * at least one table (only databases holding data are backed up) and carry `expectedVersion`.
 */
export function checkBackup(path: string, expectedVersion: number): string | null {
  // The backup API writes through a rollback journal: one still beside the file means the copy
  // never finished (a build before write-then-rename left such files under a real name).
  if (existsSync(`${path}-journal`)) return 'an unfinished copy: its journal is still beside it';
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return `quick_check: ${String(check)}`;
    const version = db.pragma('user_version', { simple: true });
    if (version !== expectedVersion) return `schema version ${String(version)} where its name says ${expectedVersion}`;
    const tables = db.prepare(`select count(*) from sqlite_schema where type = 'table'`).pluck().get() as number;
    if (tables === 0) return 'it holds no table';
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
    // A backup from before the WAL flag was reset grows empty -wal/-shm files when opened.
    for (const sidecar of ['-wal', '-shm']) rmSync(`${path}${sidecar}`, { force: true });
  }
}

/**
 * What a start-up removes before anything else: unfinished copies (`*.partial` and their
 * sidecars), backups under a real name that never finished (their journal is beside them), and
 * the -wal/-shm files an earlier check or a person's viewer left beside a backup.
 */
export function removeBackupLeftovers(backupDir: string): DiscardedFile[] {
  if (!existsSync(backupDir)) return [];
  const removed = new Map<string, string>();
  const names = readdirSync(backupDir);
  for (const name of names) {
    if (name.includes(`.sqlite${PARTIAL}`)) {
      removed.set(name, 'an unfinished copy, left by a start that was interrupted');
    } else if (backupSchemaVersion(name) !== null && names.includes(`${name}-journal`)) {
      removed.set(name, 'an unfinished copy: its journal is still beside it');
    } else if (SIDECARS.some((s) => name.endsWith(`.sqlite${s}`)) && backupSchemaVersion(name.replace(/-(journal|wal|shm)$/, '')) !== null) {
      removed.set(name, 'a journal or WAL file beside a backup');
    }
  }
  for (const name of removed.keys()) rmSync(join(backupDir, name), { force: true });
  if (removed.size > 0) syncDirectory(backupDir);
  return [...removed].map(([name, reason]) => ({ name, reason }));
}

/** A file removed from the backups folder, and why. */
export interface DiscardedFile {
  name: string;
  reason: string;
}

export interface PruneResult {
  /** Older valid backups beyond the ones kept. */
  removed: string[];
  /** Files under a backup's name that are not usable backups, with the reason. */
  discarded: DiscardedFile[];
}

/** Keeps the `keep` newest valid backups (their names sort by time) and removes the rest. */
export function pruneBackups(backupDir: string, keep: number): PruneResult {
  const discarded: PruneResult['discarded'] = [];
  const valid: string[] = [];
  for (const name of readdirSync(backupDir).sort()) {
    const version = backupSchemaVersion(name);
    if (version === null) continue;
    const reason = checkBackup(join(backupDir, name), version);
    if (reason === null) valid.push(name);
    else discarded.push({ name, reason });
  }
  const removed = valid.slice(0, Math.max(0, valid.length - keep));
  for (const name of [...removed, ...discarded.map((d) => d.name)]) removeWithSidecars(join(backupDir, name));
  if (removed.length + discarded.length > 0) syncDirectory(backupDir);
  return { removed, discarded };
}

function removeWithSidecars(path: string): void {
  rmSync(path, { force: true });
  for (const sidecar of SIDECARS) rmSync(`${path}${sidecar}`, { force: true });
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or removal durable. Windows cannot open a folder for syncing; NTFS journals it. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
