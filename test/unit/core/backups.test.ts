/**
 * The backups taken before a migration: only whole, checked backups carry a backup's name and
 * count among the ones kept; what an interrupted start left is removed; and the restore
 * procedure of docs/operations.md, followed word for word, gives the data back.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { BACKUPS_KEPT, checkBackup } from '#core/store/backup.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { TEST_KEY } from '#test/support/vault.js';
import { openSqlite } from '#core/store/open-database.js';

let dir: string;
let file: string;
let backupDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atelier-backups-'));
  file = join(dir, 'atelier.sqlite');
  backupDir = join(dir, 'backups');
  mkdirSync(backupDir);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const at = () => new Date('2026-11-27T10:00:00.000Z');
const NEW_BACKUP = 'atelier-migration-2026-11-27T10-00-00-000Z-v0.sqlite';

/** A small database holding notes, at `userVersion`: an older data folder, or a whole backup. */
function writeNotes(path: string, userVersion = 0, notes = ['Atelier du 12 mars, Goutte-d’Or', 'Compte rendu à relire']) {
  const db = openSqlite(path, { key: TEST_KEY });
  db.exec('create table notes (id integer primary key, text text not null)');
  const insert = db.prepare('insert into notes (text) values (?)');
  for (const note of notes) insert.run(note);
  db.pragma(`user_version = ${userVersion}`);
  db.close();
}

const backupName = (day: string, version = 0) => `atelier-${day}T09-00-00-000Z-v${version}.sqlite`;
const listBackups = () => readdirSync(backupDir).sort();

async function startAndStop() {
  const prepared = await prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
  await prepared.db.destroy();
  return prepared;
}

describe('pruning', () => {
  it(`keeps the ${BACKUPS_KEPT} newest valid backups and never touches other files`, async () => {
    const days = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01'];
    for (const day of days) writeNotes(join(backupDir, backupName(day)));
    writeFileSync(join(backupDir, 'notes.txt'), 'not a backup: never pruned');
    writeNotes(file);

    await startAndStop();

    expect(listBackups()).toEqual([...days.slice(-4).map((d) => backupName(d)), NEW_BACKUP, 'notes.txt']);
  });

  it('does not count a broken file under a backup name, and removes it', async () => {
    const valid = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01'];
    for (const day of valid) writeNotes(join(backupDir, backupName(day)));
    // What a start killed while backing up used to leave under a real name:
    // an empty database (its copy rolled back when opened),
    openSqlite(join(backupDir, backupName('2026-01-01', 4)), { key: TEST_KEY }).close();
    // the first half of a copy, without its journal (« malformed » when opened),
    writeNotes(join(dir, 'whole.sqlite'), 4, Array.from({ length: 400 }, (_, i) => `Proposition ${i} `.repeat(40)));
    const whole = readFileSync(join(dir, 'whole.sqlite'));
    writeFileSync(join(backupDir, backupName('2026-02-01', 4)), whole.subarray(0, whole.length / 2));
    // and a whole-looking copy whose journal still lies beside it (never finished),
    writeNotes(join(backupDir, backupName('2026-03-01', 4)), 4);
    writeFileSync(join(backupDir, `${backupName('2026-03-01', 4)}-journal`), 'hot journal');
    // and one whose content is not the version its name says.
    writeNotes(join(backupDir, backupName('2026-04-01', 4)), 2);
    writeNotes(file);

    const prepared = await startAndStop();

    expect(listBackups()).toEqual([...valid.slice(-4).map((d) => backupName(d)), NEW_BACKUP]);
    expect(prepared.discardedBackups.map((d) => d.name).sort()).toEqual(
      [backupName('2026-01-01', 4), backupName('2026-02-01', 4), backupName('2026-03-01', 4), `${backupName('2026-03-01', 4)}-journal`, backupName('2026-04-01', 4)].sort(),
    );
    for (const name of listBackups()) expect(checkBackup(join(backupDir, name), 0, TEST_KEY)).toBeNull();
  });
});

describe('what an interrupted start left in the backups folder', () => {
  it('is removed at the next start, even one with nothing to migrate', async () => {
    await startAndStop();
    const kept = backupName('2026-10-01', LATEST_SCHEMA_VERSION);
    writeNotes(join(backupDir, kept), LATEST_SCHEMA_VERSION);
    const leftovers = [
      `${backupName('2026-11-01', 3)}.partial`,
      `${backupName('2026-11-01', 3)}.partial-journal`,
      `${backupName('2026-11-02', 3)}.partial-wal`,
      `${kept}-wal`,
      `${kept}-shm`,
    ];
    for (const name of leftovers) writeFileSync(join(backupDir, name), '');

    const prepared = await startAndStop();

    expect(prepared.backupPath).toBeNull();
    expect(listBackups()).toEqual([kept]);
    expect(prepared.discardedBackups.map((d) => d.name).sort()).toEqual([...leftovers].sort());
  });
});

describe('a backup', () => {
  it('is one encrypted, self-contained file, and the restore procedure of docs/operations.md brings its data back', async () => {
    writeNotes(file);
    const migrated = await prepareDatabase({ file, backupDir, key: TEST_KEY, now: at });
    migrated.sqlite.prepare('insert into notes (text) values (?)').run('Écrit après la sauvegarde');
    const backup = migrated.backupPath!;
    expect(listBackups()).toEqual([NEW_BACKUP]);
    // Encrypted with the database's key: no plain header, none of its text.
    const bytes = readFileSync(backup);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Goutte-d’Or'))).toBe(false);
    // A rollback-journal file (not WAL): nothing else to copy with it.
    const opened = openSqlite(backup, { key: TEST_KEY, readonly: true });
    expect(opened.pragma('journal_mode', { simple: true })).toBe('delete');
    opened.close();
    expect(checkBackup(backup, 0, TEST_KEY)).toBeNull();

    // « To restore: quit the app, »
    await migrated.db.destroy();
    // « move atelier.sqlite, atelier.sqlite-wal and atelier.sqlite-shm (those that exist) aside, »
    mkdirSync(join(dir, 'aside'));
    for (const name of ['atelier.sqlite', 'atelier.sqlite-wal', 'atelier.sqlite-shm']) {
      try {
        renameSync(join(dir, name), join(dir, 'aside', name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    // « copy the backup alone to atelier.sqlite, start the app »
    copyFileSync(backup, file);
    const restored = await prepareDatabase({ file, backupDir, key: TEST_KEY, now: () => new Date('2026-11-28T08:00:00.000Z') });
    try {
      expect(restored.previousVersion).toBe(0);
      expect(restored.sqlite.prepare('select text from notes order by id').pluck().all()).toEqual(['Atelier du 12 mars, Goutte-d’Or', 'Compte rendu à relire']);
      expect(restored.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(restored.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      // « (it migrates the backup forward, after backing it up again) »
      expect(restored.backupPath).toMatch(/atelier-migration-2026-11-28T08-00-00-000Z-v0\.sqlite$/);
    } finally {
      await restored.db.destroy();
    }
  });
});
