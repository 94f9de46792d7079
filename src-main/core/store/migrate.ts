/**
 * Brings a database to the schema this build knows, before any window opens:
 * - a database from a newer app version is refused and never touched;
 * - an existing database gets an online backup (SQLite backup API) before migrating;
 * - old backups are pruned.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, type MigrationProvider } from 'kysely';
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
  ) {
    super(`Migration ${migration ?? '(unknown)'} failed; the database was left as it was.`, { cause });
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
    if (previousVersion < LATEST_SCHEMA_VERSION) {
      const migrator = new Migrator({ db: opened.db, provider: staticProvider });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName;
        throw new MigrationFailedError(failed, error);
      }
      opened.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    }
    return { ...opened, schemaVersion: LATEST_SCHEMA_VERSION, previousVersion, backupPath };
  } catch (error) {
    opened.sqlite.close();
    throw error;
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
