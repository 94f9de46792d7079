import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Migrator, type MigrationProvider } from 'kysely';
import { LATEST_SCHEMA_VERSION, migrations } from '#db/migrations/index.js';
import { MigrationFailedError, prepareDatabase, SchemaTooNewError } from '#core/store/migrate.js';
import { TEST_KEY } from '#test/support/vault.js';
import { openDatabase, openSqlite } from '#core/store/open-database.js';

let dir: string;
let file: string;
let backupDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atelier-migrate-'));
  file = join(dir, 'atelier.sqlite');
  backupDir = join(dir, 'backups');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const at = () => new Date('2026-11-27T10:00:00.000Z');

/** A database left by an earlier build: some data, an older user_version. */
function writeOlderDatabase(path: string, userVersion = 0) {
  const old = openSqlite(path, { key: TEST_KEY });
  old.exec(`create table notes (id integer primary key, text text not null);
            insert into notes (text) values ('Atelier du 12 mars, Goutte-d''Or'), ('Compte rendu à relire');`);
  old.pragma(`user_version = ${userVersion}`);
  old.close();
}

describe('a new data folder', () => {
  it('gets the latest schema, in STRICT tables, with the storage rules set', async () => {
    const prepared = await prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
    try {
      const { sqlite } = prepared;
      expect(prepared).toMatchObject({ previousVersion: 0, schemaVersion: LATEST_SCHEMA_VERSION, backupPath: null });
      const tables = sqlite.prepare(`select name, sql from sqlite_schema where type = 'table' and name in ('workshops','outbox','device_meta')`).all() as { name: string; sql: string }[];
      expect(tables.map((t) => t.name).sort()).toEqual(['device_meta', 'outbox', 'workshops']);
      for (const t of tables) expect(t.sql.trim().toLowerCase()).toMatch(/\)\s*strict$/);
      expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(readdirSync(dir)).not.toContain('backups');
    } finally {
      await prepared.db.destroy();
    }
  });

  it('a STRICT table refuses a value of the wrong type', async () => {
    const prepared = await prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
    try {
      expect(() => prepared.sqlite.prepare(`insert into device_meta (key, value) values ('k', x'00')`).run()).toThrow(/cannot store BLOB/);
    } finally {
      await prepared.db.destroy();
    }
  });

  it('reopening keeps synchronous=FULL and takes no backup when nothing is to migrate', async () => {
    await (await prepareDatabase({ file, backupDir, key: TEST_KEY, now: at })).db.destroy();
    const again = await prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
    try {
      expect(again).toMatchObject({ previousVersion: LATEST_SCHEMA_VERSION, backupPath: null });
      expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await again.db.destroy();
    }
  });
});

describe('a database from a newer version of Atelier', () => {
  it('is refused with SchemaTooNewError and left byte for byte as it was', async () => {
    const newer = openSqlite(file, { key: TEST_KEY });
    newer.exec(`create table future (x integer); insert into future values (42);`);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const before = sha256(file);

    const attempt = prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
    await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(attempt).rejects.toMatchObject({ code: 'schema_too_new', found: LATEST_SCHEMA_VERSION + 1, supported: LATEST_SCHEMA_VERSION });

    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    expect(existsSync(backupDir)).toBe(false);
  });
});

describe('an existing older database', () => {
  it('is backed up first, into a real SQLite file that holds its data', async () => {
    writeOlderDatabase(file);
    const prepared = await prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
    try {
      expect(prepared.previousVersion).toBe(0);
      expect(prepared.backupPath).toBe(join(backupDir, 'atelier-migration-2026-11-27T10-00-00-000Z-v0.sqlite'));
      const backup = openSqlite(prepared.backupPath!, { key: TEST_KEY, readonly: true });
      try {
        expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(backup.pragma('user_version', { simple: true })).toBe(0);
        expect(backup.prepare('select text from notes order by id').pluck().all()).toEqual(['Atelier du 12 mars, Goutte-d\'Or', 'Compte rendu à relire']);
        // The backup is the state before migrating.
        expect(backup.prepare(`select count(*) from sqlite_schema where name = 'workshops'`).pluck().get()).toBe(0);
      } finally {
        backup.close();
      }
      // And the migrated database still holds the data too.
      expect(prepared.sqlite.prepare('select count(*) from notes').pluck().get()).toBe(2);
      expect(prepared.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      await prepared.db.destroy();
    }
  });

  it('a migration that fails leaves the data as it was, behind a named error', async () => {
    // An older file that already has a table the migration wants to create.
    const old = openSqlite(file, { key: TEST_KEY });
    old.exec(`create table workshops (name text); insert into workshops values ('Atelier oublié');`);
    old.close();

    await expect(prepareDatabase({ file, backupDir, key: TEST_KEY, now: at })).rejects.toBeInstanceOf(MigrationFailedError);
    const after = openSqlite(file, { key: TEST_KEY, readonly: true });
    try {
      expect(after.prepare('select name from workshops').pluck().all()).toEqual(['Atelier oublié']);
      expect(after.pragma('user_version', { simple: true })).toBe(0);
      expect(after.prepare(`select count(*) from sqlite_schema where name = 'outbox'`).pluck().get()).toBe(0);
    } finally {
      after.close();
    }
  });
});

describe('a migration that fails midway', () => {
  /** Table names of the file, read without writing. */
  const tablesOf = (path: string) => {
    const db = openSqlite(path, { key: TEST_KEY, readonly: true });
    try {
      return { tables: db.prepare(`select name from sqlite_schema where type = 'table' order by name`).pluck().all(), userVersion: db.pragma('user_version', { simple: true }) };
    } finally {
      db.close();
    }
  };

  it('keeps none of the migrations of that start, and the next start stops at the same migration', async () => {
    // An older file with data and a table that the last migration creates after its first one:
    // migrations 0001 to 0004 and the first statements of 0005 succeed before it fails.
    writeOlderDatabase(file);
    const old = openSqlite(file, { key: TEST_KEY });
    old.exec(`create table supports (note text); insert into supports values ('gardé tel quel');`);
    old.close();

    const first = prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
    await expect(first).rejects.toBeInstanceOf(MigrationFailedError);
    expect(tablesOf(file)).toEqual({ tables: ['notes', 'supports'], userVersion: 0 });
    await expect(first).rejects.toMatchObject({ migration: '0005-proposals', message: expect.stringMatching(/table "?supports"? already exists.*as it was before/) });

    // Nothing half-done remains to trip the next start over an earlier migration.
    await expect(prepareDatabase({ file, backupDir, key: TEST_KEY, now: at })).rejects.toMatchObject({ migration: '0005-proposals' });
    expect(tablesOf(file)).toEqual({ tables: ['notes', 'supports'], userVersion: 0 });
    const after = openSqlite(file, { key: TEST_KEY, readonly: true });
    expect(after.prepare('select note from supports').pluck().all()).toEqual(['gardé tel quel']);
    expect(after.prepare('select count(*) from notes').pluck().get()).toBe(2);
    after.close();
  });
});

describe('upgrading a database written by the first version', () => {
  it.runIf(LATEST_SCHEMA_VERSION > 1)('keeps every workshop and its outbox history, after a backup at version 1', async () => {
    // A database exactly as the first version left it: only migration 0001, user_version 1.
    const v1 = openDatabase(file, TEST_KEY);
    const first: MigrationProvider = { getMigrations: async () => ({ '0001-workshops': migrations['0001-workshops']! }) };
    const { error } = await new Migrator({ db: v1.db, provider: first }).migrateToLatest();
    expect(error).toBeUndefined();
    v1.sqlite.pragma('user_version = 1');
    v1.sqlite
      .prepare(
        `insert into workshops (id, kind, title, title_search, starts_at, ends_at, venue_name, arrondissement, in_qpv, status, created_at, updated_at, version)
         values ('0b9c6a4e-3f7e-4c53-9f7e-2f1f4b7e9a01', 'lab_monthly', 'Atelier mensuel du Lab', 'atelier mensuel du lab',
                 '2025-06-12T16:00:00.000Z', '2025-06-12T18:00:00.000Z', 'Lab', 4, 0, 'closed', '2025-06-01T08:00:00.000Z', '2025-06-12T18:00:00.000Z', 3)`,
      )
      .run();
    v1.sqlite.prepare(`insert into outbox (change_id, entity, record_id, op, base_version, version, payload, created_at) values ('c1', 'workshop', '0b9c6a4e-3f7e-4c53-9f7e-2f1f4b7e9a01', 'create', null, 1, '{}', '2025-06-01T08:00:00.000Z')`).run();
    await v1.db.destroy();

    const prepared = await prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
    try {
      expect(prepared).toMatchObject({ previousVersion: 1, schemaVersion: LATEST_SCHEMA_VERSION });
      expect(prepared.backupPath).toMatch(/-v1\.sqlite$/);
      expect(prepared.sqlite.prepare('select title, status, version from workshops').all()).toEqual([{ title: 'Atelier mensuel du Lab', status: 'closed', version: 3 }]);
      expect(prepared.sqlite.prepare('select change_id from outbox').pluck().all()).toEqual(['c1']);
      const backup = openSqlite(prepared.backupPath!, { key: TEST_KEY, readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare('select count(*) from workshops').pluck().get()).toBe(1);
      backup.close();
    } finally {
      await prepared.db.destroy();
    }
  });
});
