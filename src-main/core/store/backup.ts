/**
 * The backups in `<data folder>/backups/`: taken before a migration, every day while the app
 * runs, before a plain database is encrypted and before a restore.
 *
 * Invariants:
 * - a backup is encrypted with the database's own key: it is written by `VACUUM INTO` from a
 *   keyed connection, which gives the copy the same cipher and key (checked by the tests: no
 *   byte of it is plain);
 * - a file named `atelier-<kind>-<time>-v<schema>.sqlite` is whole: it was written under
 *   `<name>.partial`, checked, synced, then renamed (a rename is atomic), so a process killed
 *   while backing up leaves only a `.partial` file, which the next start removes;
 * - a backup is one self-contained file in rollback-journal mode: copying it alone over
 *   `atelier.sqlite` restores it (with the same vault, since it has the same key);
 * - only backups that open with the key, pass `quick_check`, hold tables and carry the schema
 *   version their name says are counted among the ones kept; any other is removed;
 * - files are readable by the user only.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupKind } from '#shared/vault/backup.schema.js';
import { createOwnerOnly, openSqlite, type DatabaseKey, type SqliteDatabase } from './open-database.js';

/** How many backups of each kind but `daily` are kept. */
export const BACKUPS_KEPT = 5;
/** How many days the daily backups are kept (the newest is always kept). */
export const DAILY_BACKUP_DAYS = 14;

/** `atelier-<kind>-<time>-v<n>.sqlite`, or the name of builds before kinds: `atelier-<time>-v<n>.sqlite`. */
const BACKUP_NAME = /^atelier-(?:(daily|migration|conversion|restore)-)?(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-v(\d+)\.sqlite$/;
const ANY_BACKUP_NAME = /^atelier-.+-v(\d+)\.sqlite$/;
const PARTIAL = '.partial';
/** The files SQLite keeps beside a database while it is open or after a crash. */
const SIDECARS = ['-journal', '-wal', '-shm'] as const;

export function backupFileName(at: Date, schemaVersion: number, kind: BackupKind = 'migration'): string {
  return `atelier-${kind}-${at.toISOString().replace(/[:.]/g, '-')}-v${schemaVersion}.sqlite`;
}

/** The schema version a backup's name announces, or null when the name is not a backup's. */
export function backupSchemaVersion(name: string): number | null {
  const match = ANY_BACKUP_NAME.exec(name);
  return match ? Number(match[1]) : null;
}

export interface BackupName {
  kind: BackupKind;
  takenAt: string;
  schemaVersion: number;
}

/** What a backup's name says, or null for a name this build did not write. */
export function parseBackupName(name: string): BackupName | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, kind, time, version] = match;
  const [date, clock] = time!.split('T') as [string, string];
  const [h, m, s, ms] = clock.replace(/Z$/, '').split('-');
  return { kind: (kind ?? 'migration') as BackupKind, takenAt: `${date}T${h}:${m}:${s}.${ms}Z`, schemaVersion: Number(version) };
}

/**
 * Copies the database (as seen by this connection, WAL included) into `backupDir`, encrypted
 * with the connection's key, and returns the path of the finished backup (never an existing
 * one's). Works on a connection of its own: a daily backup never runs inside a write of the app.
 */
export function backupDatabase(sqlite: SqliteDatabase, backupDir: string, schemaVersion: number, at: Date, key: DatabaseKey, kind: BackupKind = 'migration'): string {
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  // A backup never replaces another: two in the same millisecond (a restore right after one, a
  // clock set back) get the next free one.
  let time = at.getTime();
  while (existsSync(join(backupDir, backupFileName(new Date(time), schemaVersion, kind)))) time++;
  const target = join(backupDir, backupFileName(new Date(time), schemaVersion, kind));
  const partial = `${target}${PARTIAL}`;
  removeWithSidecars(partial);
  // VACUUM INTO wants a new or empty file: created empty and owner-only first.
  createOwnerOnly(partial);
  sqlite.prepare('vacuum into ?').run(partial);
  const problem = checkBackup(partial, schemaVersion, key);
  if (problem !== null) throw new Error(`The backup ${partial} is unusable (${problem}).`);
  syncPath(partial);
  renameSync(partial, target);
  syncDirectory(backupDir);
  return target;
}

/**
 * Why a backup cannot be trusted, or null when it can: it must open with the key, pass
 * `quick_check`, hold at least one table and carry `expectedVersion`.
 */
export function checkBackup(path: string, expectedVersion: number, key: DatabaseKey): string | null {
  // One still beside the file means the copy never finished (a build before
  // write-then-rename left such files under a real name).
  if (existsSync(`${path}-journal`)) return 'an unfinished copy: its journal is still beside it';
  let db: SqliteDatabase | null = null;
  try {
    db = openSqlite(path, { key, readonly: true });
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

export interface PruneOptions {
  /** Backups of each kind but daily kept; BACKUPS_KEPT by default. */
  keep?: number;
  /** Daily backups older than this many days are removed (the newest one never). */
  dailyDays?: number;
  now?: Date;
}

/**
 * Keeps, of each kind, the `keep` newest valid backups (daily ones: the newest of each day of the last
 * `dailyDays` days, and the newest), and removes the rest and every unusable file.
 */
export function pruneBackups(backupDir: string, key: DatabaseKey, { keep = BACKUPS_KEPT, dailyDays = DAILY_BACKUP_DAYS, now = new Date() }: PruneOptions = {}): PruneResult {
  const discarded: PruneResult['discarded'] = [];
  const valid = new Map<BackupKind, { name: string; takenAt: string }[]>();
  for (const name of readdirSync(backupDir)) {
    const version = backupSchemaVersion(name);
    if (version === null) continue;
    const parsed = parseBackupName(name);
    const reason = parsed ? checkBackup(join(backupDir, name), version, key) : 'a name this version of Atelier does not write';
    if (reason !== null || !parsed) {
      discarded.push({ name, reason: reason ?? 'unknown name' });
      continue;
    }
    valid.set(parsed.kind, [...(valid.get(parsed.kind) ?? []), { name, takenAt: parsed.takenAt }]);
  }
  const removed: string[] = [];
  const cutoff = now.getTime() - dailyDays * 86_400_000;
  for (const [kind, backups] of valid) {
    const newestFirst = backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
    if (kind !== 'daily') {
      removed.push(...newestFirst.slice(keep).map((b) => b.name));
      continue;
    }
    // One a day (the newest of each day), for `dailyDays` days; the newest of all always.
    const days = new Set<string>();
    for (const [i, b] of newestFirst.entries()) {
      const day = b.takenAt.slice(0, 10);
      const keepIt = i === 0 || (!days.has(day) && Date.parse(b.takenAt) >= cutoff);
      days.add(day);
      if (!keepIt) removed.push(b.name);
    }
  }
  for (const name of [...removed, ...discarded.map((d) => d.name)]) removeWithSidecars(join(backupDir, name));
  if (removed.length + discarded.length > 0) syncDirectory(backupDir);
  return { removed: removed.sort(), discarded };
}

export interface ListedBackup extends BackupName {
  name: string;
  sizeBytes: number;
}

/** The backups whose names this build writes, newest first (not checked: see pruneBackups). */
export function listBackups(backupDir: string): ListedBackup[] {
  if (!existsSync(backupDir)) return [];
  const listed: ListedBackup[] = [];
  for (const name of readdirSync(backupDir)) {
    const parsed = parseBackupName(name);
    if (parsed) listed.push({ name, ...parsed, sizeBytes: statSync(join(backupDir, name)).size });
  }
  return listed.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

export function removeWithSidecars(path: string): void {
  rmSync(path, { force: true });
  for (const sidecar of SIDECARS) rmSync(`${path}${sidecar}`, { force: true });
}

export function syncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or removal durable. Windows cannot open a folder for syncing; NTFS journals it. */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Owner-only, where the OS honours modes. */
export function ownerOnly(path: string, mode = 0o600): void {
  if (process.platform !== 'win32') chmodSync(path, mode);
}
