/**
 * Opens the local SQLite database with the storage rules set on every connection: the key
 * (SQLCipher 4 format, a raw 256-bit key: no key derivation at open), WAL, synchronous=FULL,
 * foreign keys, secure_delete, a busy timeout. (A reopened WAL database silently falls back to
 * synchronous=NORMAL, so these are set each time, never assumed.)
 *
 * Invariants: the app's database, its WAL and its backups are only ever opened with a key; a
 * `null` key (a plain file) is for reading a plain database of an earlier version while it is
 * converted (vault/convert-plain.ts) and for the benchmark's unencrypted baseline. Files are
 * created readable by the user only.
 */
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '#db/schema.js';

export type SqliteDatabase = BetterSqlite3.Database;
export { BetterSqlite3 };

export interface OpenedDatabase {
  sqlite: SqliteDatabase;
  db: Kysely<Database>;
}

/** 32 bytes; null only for a plain file (see above). */
export type DatabaseKey = Buffer | null;

export const BUSY_TIMEOUT_MS = 5000;
export const KEY_BYTES = 32;
/** The first 16 bytes of every plain SQLite file; an encrypted one starts with its random salt. */
export const PLAIN_SQLITE_HEADER = 'SQLite format 3\0';

/** Sets the cipher and the key: must come before anything reads the file. */
export function applyKey(sqlite: SqliteDatabase, key: DatabaseKey): void {
  if (key === null) return;
  if (key.length !== KEY_BYTES) throw new Error(`A database key has ${KEY_BYTES} bytes`);
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  // x'…' of 64 hex digits is a raw key: SQLCipher uses it as it is, the salt stays in the file.
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

export function applyConnectionPragmas(sqlite: SqliteDatabase): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted content is overwritten with zeros, in the file and the WAL: an erased person does
  // not linger in free pages (issue 9).
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Deleted and overwritten content is zeroed, so an erased name does not linger in free space.
  sqlite.pragma('secure_delete = ON');
}

/** Creates the file empty and owner-only before SQLite does: its -wal and -shm take the same mode. */
export function createOwnerOnly(file: string): void {
  if (file === ':memory:') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  if (process.platform !== 'win32') chmodSync(file, 0o600);
}

export interface OpenOptions {
  key: DatabaseKey;
  readonly?: boolean;
}

/** A raw connection with the key set; throws « file is not a database » when the key is wrong. */
export function openSqlite(file: string, { key, readonly = false }: OpenOptions): SqliteDatabase {
  if (!readonly) createOwnerOnly(file);
  const sqlite = new BetterSqlite3(file, readonly ? { readonly: true, fileMustExist: true } : {});
  try {
    applyKey(sqlite, key);
    // Reading the schema makes a wrong key fail here rather than at the first query.
    sqlite.prepare('select count(*) from sqlite_schema').pluck().get();
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export function openDatabase(file: string, key: DatabaseKey): OpenedDatabase {
  const sqlite = openSqlite(file, { key });
  applyConnectionPragmas(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}

export interface StoredState {
  /** `user_version`: the schema the stored migrations reached (0: none). */
  schemaVersion: number;
  /** How many tables the file holds (0: nothing worth backing up). */
  tables: number;
}

/**
 * Reads what a database file holds without writing anything (no WAL switch, no pragma that
 * writes). A missing or empty file holds nothing.
 */
export function readStoredState(file: string, key: DatabaseKey): StoredState {
  if (!existsSync(file) || statSync(file).size === 0) return { schemaVersion: 0, tables: 0 };
  const sqlite = openSqlite(file, { key, readonly: true });
  try {
    return {
      schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
      tables: sqlite.prepare(`select count(*) from sqlite_schema where type = 'table'`).pluck().get() as number,
    };
  } finally {
    sqlite.close();
  }
}

/** Whether a file is a plain (unencrypted) SQLite database, by its first 16 bytes. */
export function isPlainSqlite(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === PLAIN_SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}
