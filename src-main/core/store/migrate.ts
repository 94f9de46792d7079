/**
 * Brings a database to the schema this build knows, before any window opens:
 * - a database from a newer app version is refused and never touched;
 * - an existing database holding data gets a checked backup (backup.ts) before migrating;
 * - all pending migrations and `user_version` commit as one transaction, or not at all, so a
 *   process killed at any point leaves the database as it was before that start or fully
 *   migrated (db/migration-runner.ts).
 */
import { sql, type MigrationProvider } from 'kysely';
import { migrateToLatestAtomically } from '#db/migration-runner.js';
import { LATEST_SCHEMA_VERSION, migrations } from '#db/migrations/index.js';
import { backupDatabase, BACKUPS_KEPT, pruneBackups, removeBackupLeftovers, type DiscardedFile } from './backup.js';
import { openDatabase, readStoredState, type DatabaseKey, type OpenedDatabase } from './open-database.js';

export class SchemaTooNewError extends Error {
  readonly code = 'schema_too_new';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of Atelier (schema ${found}; this version knows up to ${supported}). ` +
        'It has not been modified. Install the newer version of Atelier to open it.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export class MigrationFailedError extends Error {
  readonly code = 'migration_failed';
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
    readonly backupPath: string | null = null,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Migration ${migration ?? '(unknown)'} failed (${reason}). No migration of this start was kept: ` +
        `the database is as it was before it${backupPath ? `, and a copy taken before migrating is in ${backupPath}` : ''}.`,
      { cause },
    );
    this.name = 'MigrationFailedError';
  }
}

const staticProvider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

export interface PreparedDatabase extends OpenedDatabase {
  schemaVersion: number;
  previousVersion: number;
  backupPath: string | null;
  /** Files removed from the backups folder at this start: unfinished copies and unusable backups. */
  discardedBackups: DiscardedFile[];
}

export interface PrepareOptions {
  file: string;
  backupDir: string;
  /** The database key (see open-database.ts); the app always gives one. */
  key: DatabaseKey;
  now?: () => Date;
}

export async function prepareDatabase({ file, backupDir, key, now = () => new Date() }: PrepareOptions): Promise<PreparedDatabase> {
  const isMemory = file === ':memory:';
  const discardedBackups = isMemory ? [] : removeBackupLeftovers(backupDir);
  // An in-memory database has no page on disk to encrypt.
  const fileKey = isMemory ? null : key;
  const stored = isMemory ? { schemaVersion: 0, tables: 0 } : readStoredState(file, fileKey);
  const previousVersion = stored.schemaVersion;
  if (previousVersion > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(previousVersion, LATEST_SCHEMA_VERSION);

  const opened = openDatabase(file, fileKey);
  try {
    let backupPath: string | null = null;
    if (previousVersion < LATEST_SCHEMA_VERSION) {
      // A database with no table holds nothing to protect (a first start, or one killed before
      // its migrations committed).
      if (stored.tables > 0) {
        backupPath = backupDatabase(opened.sqlite, backupDir, previousVersion, now(), fileKey, 'migration');
        discardedBackups.push(...pruneBackups(backupDir, fileKey, { keep: BACKUPS_KEPT, now: now() }).discarded);
      }
      await migrate(opened, backupPath);
    }
    return { ...opened, schemaVersion: LATEST_SCHEMA_VERSION, previousVersion, backupPath, discardedBackups };
  } catch (error) {
    opened.sqlite.close();
    throw error;
  }
}

async function migrate(opened: OpenedDatabase, backupPath: string | null): Promise<void> {
  let outcome;
  try {
    outcome = await migrateToLatestAtomically(opened.db, {
      provider: staticProvider,
      // In the same transaction as the migrations: a version number never runs ahead of, or
      // behind, the schema it names.
      beforeCommit: (db) => sql`pragma user_version = ${sql.raw(String(LATEST_SCHEMA_VERSION))}`.execute(db).then(() => undefined),
    });
  } catch (error) {
    throw new MigrationFailedError(undefined, error, backupPath);
  }
  if (outcome.error !== undefined) {
    const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationFailedError(failed, outcome.error, backupPath);
  }
}
