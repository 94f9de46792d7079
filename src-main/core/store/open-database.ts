/**
 * Opens the local SQLite database with the storage rules set on every connection: WAL,
 * synchronous=FULL, foreign keys, a busy timeout, secure_delete. (A reopened WAL database silently falls
 * back to synchronous=NORMAL, so these are set each time, never assumed.)
 */
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '#db/schema.js';

export interface OpenedDatabase {
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
}

export const BUSY_TIMEOUT_MS = 5000;

export function applyConnectionPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Deleted and overwritten content is zeroed, so an erased name does not linger in free space.
  sqlite.pragma('secure_delete = ON');
}

export function openDatabase(file: string): OpenedDatabase {
  const sqlite = new BetterSqlite3(file);
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
export function readStoredState(file: string): StoredState {
  if (!existsSync(file) || statSync(file).size === 0) return { schemaVersion: 0, tables: 0 };
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return {
      schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
      tables: sqlite.prepare(`select count(*) from sqlite_schema where type = 'table'`).pluck().get() as number,
    };
  } finally {
    sqlite.close();
  }
}
