/**
 * Opens the portal's database — an SQLite file by default (zero set-up), PostgreSQL when a
 * connection string is given — and brings it to the latest migration. Both dialects run the
 * same Kysely code; the few differences (row locks, bigint as text) are handled where used.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { migrateToLatestAtomically } from '#db/migration-runner.js';
import { portalMigrations } from '#db/portal/index.js';
import type { PortalDatabase } from '#db/portal/schema.js';

export type PortalDialect = 'sqlite' | 'postgres';

export interface PortalDb {
  db: Kysely<PortalDatabase>;
  dialect: PortalDialect;
}

export interface OpenOptions {
  /** SQLite file (or ':memory:') when no `databaseUrl` is given. */
  sqliteFile?: string;
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing): lets test runs share one server. */
  pgSchema?: string;
}

export async function openPortalDb(options: OpenOptions): Promise<PortalDb> {
  if (options.databaseUrl) {
    if (options.pgSchema) await createSchema(options.databaseUrl, options.pgSchema);
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${quoteIdent(options.pgSchema)}` } : {}),
    });
    return { db: new Kysely<PortalDatabase>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  const file = options.sqliteFile ?? 'portal-data/portal.sqlite';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // Set on every connection: a reopened WAL database silently falls back to NORMAL.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // The CLI (enrol, revoke) writes while `serve` runs: wait for the lock instead of failing.
  database.pragma('busy_timeout = 5000');
  // Wiped and deleted content is zeroed, so an erased name does not linger in free space.
  database.pragma('secure_delete = ON');
  return { db: new Kysely<PortalDatabase>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...portalMigrations }) };

/**
 * Runs the pending portal migrations as one transaction on both dialects (a portal killed while
 * migrating starts again from where it was); refuses a database written by a newer portal.
 */
export async function migratePortalDb(db: Kysely<PortalDatabase>): Promise<void> {
  const { error, results } = await migrateToLatestAtomically(db, {
    provider,
    migrationTableName: 'portal_migrations',
    migrationLockTableName: 'portal_migrations_lock',
  });
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `portal migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}. ` +
        'No migration of this start was kept: the database is as it was before it.',
      { cause: error },
    );
  }
}

async function createSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${quoteIdent(schema)}`);
  } finally {
    await client.end();
  }
}

/** Drops a PostgreSQL schema made for one test run. */
export async function dropPgSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${quoteIdent(schema)} cascade`);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return `"${name}"`;
}

/** bigint columns come back as strings from pg and as numbers from SQLite. */
export function toNumber(value: number | string | bigint): number {
  return typeof value === 'number' ? value : Number(value);
}
