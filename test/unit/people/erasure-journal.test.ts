/**
 * The erasure journal, outside the database: a database restored from a backup older than an
 * erasure gets it re-applied at the next start, as does an erasure interrupted before its
 * commit; a line torn by a crash is skipped and never swallows the next one.
 */
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { dataFolderKey, openDataFolder } from '#test/support/vault.js';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDirLayout } from '#core/data-dir.js';
import { backupDatabase } from '#core/store/backup.js';
import { ERASURE_JOURNAL_FILE, openErasureJournal, parseJournal } from '#core/store/erasure-journal.js';
import { openTestCore, outboxRows, type TestCore } from '../core/test-core.js';
import { findInDatabase, findInFiles, KNOWN, recordKnownPerson } from './rights-kit.js';

const lab = 'Inès Lab';
const open: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function newDir() {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-journal-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string) {
  const core = await openTestCore({ dataDir });
  open.push(core);
  return core;
}

async function stop(core: TestCore) {
  await core.close();
  open.splice(open.indexOf(core), 1);
}

/** What a person restoring a backup does: the backup's file in place of the database, no WAL beside it. */
function restore(dataDir: string, backup: string) {
  const { database } = dataDirLayout(dataDir);
  for (const sidecar of ['-wal', '-shm']) rmSync(`${database}${sidecar}`, { force: true });
  copyFileSync(backup, database);
}

describe('a restore from an older backup', () => {
  it('gets every erasure made since re-applied at the next start: row, outbox, erasure record, and nothing left in the files', async () => {
    const dir = newDir();
    let core = await start(dir);
    const { personId } = await recordKnownPerson(core);
    const second = await core.must('attendance:register', {
      workshopId: (await core.must('workshops:list', { limit: 5 })).items[0]!.id,
      person: { name: 'Paulin Restauré', email: 'paulin@exemple.fr' },
      recordedBy: 'Camille Martin',
      consents: [],
    });
    const reader = await openDataFolder(dir);
    const older = backupDatabase(reader, join(dir, 'old-backups'), LATEST_SCHEMA_VERSION, new Date(), await dataFolderKey(dir));
    reader.close();
    await core.must('people:erase', { personId, actor: lab, confirm: true });
    await core.must('people:erase', { personId: second.personId!, actor: lab, confirm: true });
    await stop(core);

    restore(dir, older);
    const restored = await openDataFolder(dir);
    expect(findInDatabase(restored).length).toBeGreaterThan(0);
    restored.close();

    core = await start(dir);
    expect(findInDatabase(core.sqlite, [KNOWN.name, KNOWN.email, KNOWN.citizenCardNumber, 'Paulin', 'paulin@exemple.fr'])).toEqual([]);
    const erasures = core.sqlite.prepare('select id, reason, erased_by from erasures order by id').all();
    expect(erasures).toEqual([personId, second.personId].sort().map((id) => ({ id, reason: 'request', erased_by: null })));
    // The erasure travels again: the portal keeps the first one it received and changes nothing.
    expect(outboxRows(core.sqlite).filter((r) => r.fields.subjectEntity === 'person').map((r) => r.record_id).sort()).toEqual([personId, second.personId].sort());
    const files = [dataDirLayout(dir).database, `${dataDirLayout(dir).database}-wal`];
    expect(findInFiles(files)).toEqual([]);
    await stop(core);

    // A start with nothing left to do writes nothing.
    core = await start(dir);
    const queued = outboxRows(core.sqlite).length;
    await stop(core);
    core = await start(dir);
    expect(outboxRows(core.sqlite)).toHaveLength(queued);
  });

  it('checks at start only the journal written since the database’s own mark, even in a backup that carries an older mark', async () => {
    const dir = newDir();
    let core = await start(dir);
    const { personId, workshop } = await recordKnownPerson(core);
    const second = await core.must('attendance:register', { workshopId: workshop.id, person: { name: 'Paulin Restauré', email: 'paulin@exemple.fr' }, recordedBy: 'Camille Martin', consents: [] });
    await core.must('people:erase', { personId, actor: lab, confirm: true });
    await stop(core);
    core = await start(dir); // this start checks the one line and marks it
    const mark = () => (core.sqlite.prepare(`select value from device_meta where key = 'erasure_journal_checked'`).get() as { value: string } | undefined)?.value;
    expect(JSON.parse(mark()!)).toEqual({ count: 1, lastId: personId });
    const reader = await openDataFolder(dir);
    const older = backupDatabase(reader, join(dir, 'old-backups'), LATEST_SCHEMA_VERSION, new Date(), await dataFolderKey(dir));
    reader.close();
    await core.must('people:erase', { personId: second.personId!, actor: lab, confirm: true });
    await stop(core);

    restore(dir, older);
    core = await start(dir);
    expect(findInDatabase(core.sqlite, [...Object.values(KNOWN), 'Paulin', 'paulin@exemple.fr'])).toEqual([]);
    expect(JSON.parse(mark()!)).toEqual({ count: 2, lastId: second.personId });
  });

  it('carries out an erasure the journal holds but the database never committed (the app stopped in between)', async () => {
    const dir = newDir();
    let core = await start(dir);
    const { personId } = await recordKnownPerson(core);
    await stop(core);
    openErasureJournal(join(dir, ERASURE_JOURNAL_FILE)).append([{ id: personId, subject: 'person', targets: [['person', personId]], reason: 'request', at: '2026-03-01T09:00:00.000Z' }]);
    core = await start(dir);
    expect(core.sqlite.prepare('select name, email from people where id = ?').get(personId)).toEqual({ name: null, email: null });
  });
});

describe('an erasure that cannot be re-applied', () => {
  it('stops the start rather than open a database still holding the person, and is tried again at the next start', async () => {
    const dir = newDir();
    let core = await start(dir);
    const { personId } = await recordKnownPerson(core);
    await stop(core);
    openErasureJournal(join(dir, ERASURE_JOURNAL_FILE)).append([{ id: personId, subject: 'person', targets: [['person', personId]], reason: 'request', at: '2026-03-01T09:00:00.000Z' }]);
    // A fault on this one write (a full disk, a locked file): the erasure record cannot be stored.
    const rw = await openDataFolder(dir, { readonly: false });
    rw.exec(`create trigger refuse_erasure before insert on erasures begin select raise(abort, 'disk full'); end`);
    rw.close();
    await expect(start(dir)).rejects.toThrow('disk full');
    const reader = await openDataFolder(dir);
    expect(reader.prepare('select name from people where id = ?').get(personId)).toEqual({ name: KNOWN.name });
    expect(reader.prepare(`select value from device_meta where key = 'erasure_journal_checked'`).get()).toBeUndefined();
    reader.close();

    const fixed = await openDataFolder(dir, { readonly: false });
    fixed.exec('drop trigger refuse_erasure');
    fixed.close();
    core = await start(dir);
    expect(core.sqlite.prepare('select name, email from people where id = ?').get(personId)).toEqual({ name: null, email: null });
  });
});

describe('the journal file', () => {
  it('skips a torn or foreign line and starts the next append on a line of its own', () => {
    const dir = newDir();
    const path = join(dir, ERASURE_JOURNAL_FILE);
    const journal = openErasureJournal(path);
    const a = { id: crypto.randomUUID(), subject: 'person' as const, targets: [], reason: 'request' as const, at: '2026-03-01T09:00:00.000Z' };
    const b = { ...a, id: crypto.randomUUID(), reason: 'retention' as const };
    journal.append([a]);
    appendFileSync(path, '{"id":"half a li');
    journal.append([b]);
    appendFileSync(path, 'not json\n{"id":"not-a-uuid","subject":"person","targets":[],"reason":"request","at":"2026-03-01T09:00:00.000Z"}\n');
    expect(journal.read().map((e) => e.id)).toEqual([a.id, b.id]);
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('keeps the first line of an id', () => {
    const id = crypto.randomUUID();
    const line = (reason: string) => JSON.stringify({ id, subject: 'person', targets: [], reason, at: '2026-03-01T09:00:00.000Z' });
    expect(parseJournal(`${line('request')}\n${line('retention')}\n`).map((e) => e.reason)).toEqual(['request']);
  });

  it('is readable only by its owner', () => {
    const dir = newDir();
    const path = join(dir, ERASURE_JOURNAL_FILE);
    writeFileSync(join(dir, 'x'), '');
    openErasureJournal(path).append([{ id: crypto.randomUUID(), subject: 'person', targets: [], reason: 'request', at: '2026-03-01T09:00:00.000Z' }]);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);
  });
});
