/**
 * Brings a database to the schema this build knows, before any window opens:
 * - a database from a newer app version is refused and never touched;
 * - an existing database gets an online backup (SQLite backup API) before migrating;
 * - old backups are pruned;
 * - all pending migrations and `user_version` commit as one transaction, or not at all, so a
 *   process killed at any point leaves the database as it was before that start or fully
 *   migrated (db/migration-runner.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type MigrationProvider } from 'kysely';
import { migrateToLatestAtomically } from '../../../db/migration-runner.js';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../db/migrations/index.js';
import { openDatabase, readSchemaVersionReadOnly, type OpenedDatabase } from './open-database.js';

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

/** How many pre-migration backups are kept. */
export const BACKUPS_KEPT = 5;

const staticProvider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

export interface PreparedDatabase extends OpenedDatabase {
  schemaVersion: number;
  previousVersion: number;
  backupPath: string | null;
}

export interface PrepareOptions {
  file: string;
  backupDir: string;
  now?: () => Date;
}

export async function prepareDatabase({ file, backupDir, now = () => new Date() }: PrepareOptions): Promise<PreparedDatabase> {
  const isMemory = file === ':memory:';
  const existed = !isMemory && existsSync(file) && statSync(file).size > 0;
  const previousVersion = existed ? readSchemaVersionReadOnly(file) : 0;
  if (previousVersion > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(previousVersion, LATEST_SCHEMA_VERSION);

  const opened = openDatabase(file);
  try {
    let backupPath: string | null = null;
    if (existed && previousVersion < LATEST_SCHEMA_VERSION) {
      backupPath = await backupDatabase(opened, backupDir, `v${previousVersion}`, now());
      pruneBackups(backupDir, BACKUPS_KEPT);
    }
    if (previousVersion < LATEST_SCHEMA_VERSION) await migrate(opened, backupPath);
    return { ...opened, schemaVersion: LATEST_SCHEMA_VERSION, previousVersion, backupPath };
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

/** An online backup through SQLite's backup API: consistent even while the file is in use. */
export async function backupDatabase(opened: OpenedDatabase, backupDir: string, label: string, at: Date): Promise<string> {
  mkdirSync(backupDir, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = join(backupDir, `atelier-${stamp}-${label}.sqlite`);
  await opened.sqlite.backup(target);
  return target;
}

/** Keeps the `keep` newest backups (their names sort by time). */
export function pruneBackups(backupDir: string, keep: number): string[] {
  const backups = readdirSync(backupDir)
    .filter((name) => name.startsWith('atelier-') && name.endsWith('.sqlite'))
    .sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) rmSync(join(backupDir, name), { force: true });
  return removed;
}
