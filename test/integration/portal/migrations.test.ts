/**
 * The portal's migrations are all-or-nothing on both of its databases: a run whose second
 * migration fails midway keeps nothing of the first one, and the next run starts clean.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type MigrationProvider } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatestAtomically } from '#db/migration-runner.js';
import type { PortalDatabase } from '#db/portal/schema.js';
import { dropPgSchema, migratePortalDb, openPortalDb } from '#portal/database.js';
import { testBackends, type BackendName } from './portal-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openEmpty(backend: BackendName): Promise<Kysely<PortalDatabase>> {
  if (backend === 'postgres') {
    const databaseUrl = process.env.DATABASE_URL!;
    const pgSchema = `portal_migrations_${randomBytes(6).toString('hex')}`;
    const { db } = await openPortalDb({ databaseUrl, pgSchema });
    cleanups.push(async () => {
      await db.destroy();
      await dropPgSchema(databaseUrl, pgSchema);
    });
    return db;
  }
  const dir = mkdtempSync(join(tmpdir(), 'atelier-portal-migrations-'));
  const { db } = await openPortalDb({ sqliteFile: join(dir, 'portal.sqlite') });
  cleanups.push(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

const tablesOf = async (db: Kysely<PortalDatabase>) =>
  (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).filter((name) => !name.startsWith('sqlite_')).sort();

/** Two migrations; the second fails after its first statement took effect. */
const failingMidway: MigrationProvider = {
  getMigrations: async () => ({
    '0001-devices': {
      up: async (db) => {
        await db.schema.createTable('devices').addColumn('id', 'text', (c) => c.primaryKey()).execute();
        await sql`insert into devices (id) values ('laptop-goutte-d-or')`.execute(db);
      },
    },
    '0002-changes': {
      up: async (db) => {
        await db.schema.createTable('changes').addColumn('seq', 'integer', (c) => c.primaryKey()).execute();
        await db.schema.createTable('devices').addColumn('id', 'text').execute();
      },
    },
  }),
};

describe.each(testBackends())('portal migrations on %s', (backend) => {
  it('a run that fails midway keeps nothing of any of its migrations', async () => {
    const db = await openEmpty(backend);
    const options = { provider: failingMidway, migrationTableName: 'portal_migrations', migrationLockTableName: 'portal_migrations_lock' };

    const { error, results } = await migrateToLatestAtomically(db, options);
    expect(String(error)).toMatch(/devices.*already exists/);
    expect(results?.find((r) => r.status === 'Error')?.migrationName).toBe('0002-changes');

    const tables = await tablesOf(db);
    expect(tables).not.toContain('devices');
    expect(tables).not.toContain('changes');
    if (tables.includes('portal_migrations')) {
      expect((await sql`select name from portal_migrations`.execute(db)).rows).toEqual([]);
    }
    // The same run again fails at the same migration, not at an earlier one half done.
    const again = await migrateToLatestAtomically(db, options);
    expect(again.results?.find((r) => r.status === 'Error')?.migrationName).toBe('0002-changes');
  });

  it('the real portal migrations reach the full schema in one run, and a second run changes nothing', async () => {
    const db = await openEmpty(backend);
    await migratePortalDb(db);
    const tables = await tablesOf(db);
    expect(tables).toEqual(expect.arrayContaining(['attachments', 'devices', 'enrolment_codes', 'portal_meta', 'portal_migrations', 'records', 'rejected_changes']));
    await migratePortalDb(db);
    expect(await tablesOf(db)).toEqual(tables);
  });
});
