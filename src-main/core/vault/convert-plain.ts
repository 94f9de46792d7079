/**
 * Encrypts, in place, a data folder left plain by an earlier version: the database (its WAL
 * checkpointed first), every backup and every attachment. Nothing plain is left behind: each
 * old file is overwritten with zeros before it goes (shred.ts).
 *
 * Each file goes through the same three states, named on disk, so that a process killed at any
 * step (the tests SIGKILL it after every one) finds its way on the next start:
 *   1. `<file>.encrypting`: an encrypted copy being written (removed and written again);
 *   2. `<file>.encrypted`: the copy, whole and checked (renamed from 1, an atomic step): from
 *      here on it is the one that counts; the plain file is overwritten, then 2 is renamed over it;
 *   3. `<file>` encrypted.
 * So at every instant the data opens with the old secret (none: the plain file, while no
 * `.encrypted` copy exists) or the new one (the key in vault.json, which is written before any
 * of this begins), never neither. The database's encrypted copy is also saved in `backups/`
 * (kind `conversion`) before the plain database is touched: the backup first.
 *
 * Invariant: the app opens the database only after this has finished (vault.json says
 * `plainLeft: false`), so the plain files never change while they are being converted.
 */
import { chmodSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataDirLayout } from '../data-dir.js';
import { backupDatabase, backupSchemaVersion, listBackups, removeWithSidecars, syncDirectory, syncPath } from '../store/backup.js';
import { encryptFileTo, isEncryptedFile } from '../store/file-cipher.js';
import { BetterSqlite3, isPlainSqlite, openSqlite, type SqliteDatabase } from '../store/open-database.js';
import { overwriteWithZeros, shred } from './shred.js';

const ENCRYPTING = '.encrypting';
const ENCRYPTED = '.encrypted';
const SHA256_NAME = /^[0-9a-f]{64}$/;

export interface ConversionReport {
  database: boolean;
  backups: number;
  attachments: number;
}

/** Whether anything plain (or half converted) is in the data folder. */
export function hasPlainData(layout: DataDirLayout): boolean {
  if (isPlainSqlite(layout.database) || existsSync(`${layout.database}${ENCRYPTED}`)) return true;
  if (plainBackups(layout.backups).length > 0) return true;
  return attachmentFiles(layout.attachments).some((f) => f.pending);
}

export function convertPlainDataFolder(layout: DataDirLayout, key: Buffer, attachmentKey: Buffer, now: Date): ConversionReport {
  const report: ConversionReport = { database: false, backups: 0, attachments: 0 };
  report.database = convertDatabase(layout, key, now);
  for (const name of plainBackups(layout.backups)) {
    convertSqliteFile(join(layout.backups, name), key);
    report.backups++;
  }
  for (const file of attachmentFiles(layout.attachments)) {
    if (!file.pending) continue;
    convertAttachment(file.path, attachmentKey);
    report.attachments++;
  }
  for (const dir of [layout.attachments, layout.backups, layout.logs]) ownerOnlyTree(dir);
  return report;
}

/** An earlier version made its folders and files with the session's umask: owner-only now. */
function ownerOnlyTree(path: string): void {
  if (process.platform === 'win32' || !existsSync(path)) return;
  const stat = statSync(path);
  chmodSync(path, stat.isDirectory() ? 0o700 : 0o600);
  if (stat.isDirectory()) for (const name of readdirSync(path)) ownerOnlyTree(join(path, name));
}

function convertDatabase(layout: DataDirLayout, key: Buffer, now: Date): boolean {
  const file = layout.database;
  const copy = `${file}${ENCRYPTED}`;
  if (!existsSync(copy)) {
    if (!isPlainSqlite(file)) return false;
    writeEncryptedCopy(file, key);
  }
  if (isPlainSqlite(file)) {
    // The backup first: the encrypted copy saved before the plain database is touched.
    if (!listBackups(layout.backups).some((b) => b.kind === 'conversion')) {
      const reader = openSqlite(copy, { key, readonly: true });
      try {
        backupDatabase(reader, layout.backups, reader.pragma('user_version', { simple: true }) as number, now, key, 'conversion');
      } finally {
        reader.close();
      }
    }
    retirePlainDatabase(file);
  }
  // A plain WAL left beside the encrypted file would be read as its own: never.
  for (const sidecar of ['-wal', '-shm', '-journal']) shred(`${file}${sidecar}`);
  renameSync(copy, file);
  syncDirectory(layout.root);
  return true;
}

/** A plain SQLite file (a backup) encrypted in place with the same three states. */
function convertSqliteFile(file: string, key: Buffer): void {
  const copy = `${file}${ENCRYPTED}`;
  if (!existsSync(copy)) writeEncryptedCopy(file, key);
  overwriteWithZeros(file);
  renameSync(copy, file);
}

/**
 * The WAL is checkpointed into the file, then overwritten with zeros while the connection that
 * checkpointed still holds it (every frame is already in the file: closing copies nothing from
 * it), so that SQLite's removal of the WAL at close frees zeros; then the file itself.
 */
function retirePlainDatabase(file: string): void {
  const plain = new BetterSqlite3(file);
  try {
    const [result] = plain.pragma('wal_checkpoint(FULL)') as { busy: number; log: number; checkpointed: number }[];
    if (result && result.busy === 0 && result.log === result.checkpointed) overwriteWithZeros(`${file}-wal`);
  } finally {
    plain.close();
  }
  for (const sidecar of ['-wal', '-shm', '-journal']) shred(`${file}${sidecar}`);
  overwriteWithZeros(file);
}

/**
 * Copies a plain SQLite file into `<file>.encrypted`, encrypted with `key`: the schema and the
 * rows through an ATTACH (SQLite3 Multiple Ciphers has no sqlcipher_export), in one
 * transaction, then checked (quick_check, the same rows in every table) and synced before the
 * rename that makes it count.
 */
function writeEncryptedCopy(file: string, key: Buffer): void {
  const building = `${file}${ENCRYPTING}`;
  removeWithSidecars(building);
  const target = openSqlite(building, { key });
  const counts = new Map<string, number>();
  try {
    target.prepare(`attach database ? as src key ''`).run(file);
    copySchemaAndRows(target, counts);
    target.exec('detach database src');
  } finally {
    target.close();
  }
  const check = openSqlite(building, { key, readonly: true });
  try {
    const quick = check.pragma('quick_check', { simple: true });
    if (quick !== 'ok') throw new Error(`the encrypted copy of ${file} fails quick_check: ${String(quick)}`);
    for (const [table, count] of counts) {
      const copied = check.prepare(`select count(*) from main."${table.replace(/"/g, '""')}"`).pluck().get() as number;
      if (copied !== count) throw new Error(`the encrypted copy of ${file} has ${copied} rows in ${table} where the plain file has ${count}`);
    }
  } finally {
    check.close();
  }
  syncPath(building);
  renameSync(building, `${file}${ENCRYPTED}`);
  syncDirectory(dirname(building));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function copySchemaAndRows(target: SqliteDatabase, counts: Map<string, number>): void {
  const objects = target
    .prepare(`select type, name, sql from src.sqlite_schema where sql is not null and name not like 'sqlite_%' order by case type when 'table' then 0 when 'index' then 1 when 'view' then 2 else 3 end, rowid`)
    .all() as { type: string; name: string; sql: string }[];
  const version = target.pragma('src.user_version', { simple: true }) as number;
  target.exec('begin immediate');
  try {
    // A full-text index (FTS5, `content=` another table: the holders' search) is made again
    // rather than copied: its shadow tables appear when it is created, its settings are copied,
    // and it is rebuilt from the rows copied before.
    const virtualTables = objects.filter((o) => o.type === 'table' && /^create\s+virtual/i.test(o.sql));
    for (const object of virtualTables) {
      if (!/using\s+fts5\s*\(/i.test(object.sql)) throw new Error(`virtual table ${object.name} cannot be converted`);
    }
    const shadowSuffixes = ['_data', '_idx', '_content', '_docsize', '_config'];
    const isShadow = (name: string) => virtualTables.some((v) => shadowSuffixes.some((suffix) => name === `${v.name}${suffix}`));
    for (const object of objects.filter((o) => o.type === 'table' && !virtualTables.includes(o) && !isShadow(o.name))) {
      target.exec(object.sql);
      // Generated columns (hidden 2 and 3) are computed again, never copied.
      const columns = (target.prepare(`select name from pragma_table_xinfo(?, 'src') where hidden = 0`).pluck().all(object.name) as string[]).map(quote).join(', ');
      const copied = target.prepare(`insert into main.${quote(object.name)} (${columns}) select ${columns} from src.${quote(object.name)}`).run();
      counts.set(object.name, copied.changes);
    }
    const hasSequence = target.prepare(`select count(*) from src.sqlite_schema where name = 'sqlite_sequence'`).pluck().get() as number;
    if (hasSequence) {
      target.exec('delete from main.sqlite_sequence');
      target.exec('insert into main.sqlite_sequence (name, seq) select name, seq from src.sqlite_sequence');
    }
    for (const object of virtualTables) {
      target.exec(object.sql);
      // Its settings (secure-delete…) set again the way they were set, through the index itself.
      // (As SQL literals quoted by SQLite itself: a bound JavaScript number would arrive as a real, which FTS5 refuses.)
      const settings = target.prepare(`select quote(k) as k, quote(v) as v from src.${quote(`${object.name}_config`)} where k <> 'version'`).all() as { k: string; v: string }[];
      for (const { k, v } of settings) target.exec(`insert into main.${quote(object.name)} (${quote(object.name)}, rank) values (${k}, ${v})`);
      const copiedSettings = target.prepare(`select count(*) from main.${quote(`${object.name}_config`)} where k <> 'version'`).pluck().get() as number;
      if (copiedSettings !== settings.length) throw new Error(`the settings of ${object.name} were not copied`);
      target.exec(`insert into main.${quote(object.name)} (${quote(object.name)}) values ('rebuild')`);
    }
    for (const object of objects.filter((o) => o.type !== 'table')) target.exec(object.sql);
    target.pragma(`main.user_version = ${Number(version)}`);
    target.exec('commit');
  } catch (error) {
    if (target.inTransaction) target.exec('rollback');
    throw error;
  }
}

function convertAttachment(path: string, attachmentKey: Buffer): void {
  const copy = `${path}${ENCRYPTED}`;
  if (!existsSync(copy)) encryptFileTo(path, copy, attachmentKey);
  overwriteWithZeros(path);
  renameSync(copy, path);
}

/** Backups (by name) that are plain, or whose conversion was interrupted. */
function plainBackups(backupDir: string): string[] {
  if (!existsSync(backupDir)) return [];
  const names = readdirSync(backupDir);
  for (const name of names.filter((n) => n.endsWith(ENCRYPTING) || n.includes(`${ENCRYPTING}-`))) rmSync(join(backupDir, name), { force: true });
  return names.filter((name) => backupSchemaVersion(name) !== null && (names.includes(`${name}${ENCRYPTED}`) || isPlainSqlite(join(backupDir, name))));
}

/** Every attachment file, and whether it still needs encrypting (plain, or an interrupted conversion). */
function attachmentFiles(attachmentsDir: string): { path: string; pending: boolean }[] {
  if (!existsSync(attachmentsDir)) return [];
  const files: { path: string; pending: boolean }[] = [];
  for (const bucket of readdirSync(attachmentsDir)) {
    const dir = join(attachmentsDir, bucket);
    if (!statSync(dir).isDirectory()) continue;
    const names = readdirSync(dir);
    for (const name of names) {
      const path = join(dir, name);
      // Temporary files of an interrupted write: an earlier version's are plain photos.
      if (name.endsWith('.tmp')) {
        shred(path);
        continue;
      }
      if (name.endsWith(ENCRYPTED) && !names.includes(name.slice(0, -ENCRYPTED.length))) {
        // The plain file was already overwritten and removed: only the rename was missing.
        renameSync(path, path.slice(0, -ENCRYPTED.length));
        continue;
      }
      if (!SHA256_NAME.test(name)) continue;
      files.push({ path, pending: names.includes(`${name}${ENCRYPTED}`) || (statSync(path).size > 0 && !isEncryptedFile(path)) });
    }
  }
  return files;
}
