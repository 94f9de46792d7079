/**
 * Erasing a person wipes them for real on this laptop: every table (the outbox included), the
 * database file and its WAL, a backup taken afterwards, the logs, the attachments — and keeps
 * the anonymous study profile, the consents as proof, and a journal with ids only.
 */
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { dataFolderKey, openDataFolder } from '#test/support/vault.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDirLayout } from '#core/data-dir.js';
import { backupDatabase } from '#core/store/backup.js';
import { openSqlite } from '#core/store/open-database.js';
import { ERASURE_JOURNAL_FILE } from '#core/store/erasure-journal.js';
import { openTestCore, outboxRows, type TestCore } from '../core/test-core.js';
import { filesUnder, findInDatabase, findInFiles, KNOWN, NEEDLES, recordKnownPerson } from './rights-kit.js';

const lab = 'Inès Lab';
let core: TestCore;
beforeEach(async () => {
  core = await openTestCore({ fileLogger: true });
});
afterEach(async () => {
  await core.close();
});

/** Everything in the data folder: the database, its WAL and SHM, backups, attachments, logs, the journal. */
const dataFiles = () => filesUnder(core.dataDir);

async function settledLogs() {
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('erasing a person', () => {
  it('leaves none of their name, e-mail, phone or card number in the database, its WAL, a later backup, the logs or the attachments', async () => {
    const { personId } = await recordKnownPerson(core);
    // The search sees what it must find afterwards: the same check finds them before.
    expect(findInDatabase(core.sqlite).length).toBeGreaterThan(0);
    // The files are encrypted (the vault): nothing is in clear even before the erasure, so what
    // an erasure must reach is read through the key — the database, and a backup taken after.
    expect(findInFiles(dataFiles())).toEqual([]);

    const result = await core.must('people:erase', { personId, actor: lab, confirm: true });
    expect(result).toMatchObject({ personId, records: 1 });

    expect(findInDatabase(core.sqlite)).toEqual([]);
    const reader = await openDataFolder(core.dataDir);
    const backup = backupDatabase(reader, dataDirLayout(core.dataDir).backups, LATEST_SCHEMA_VERSION, new Date(), await dataFolderKey(core.dataDir));
    reader.close();
    const inBackup = openSqlite(backup, { key: await dataFolderKey(core.dataDir), readonly: true });
    expect(inBackup.prepare('select count(*) as n from people').get()).toEqual({ n: 1 });
    expect(findInDatabase(inBackup)).toEqual([]);
    inBackup.close();
    await settledLogs();
    const files = dataFiles();
    expect(files).toContain(backup);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(files.some((f) => f.includes(`${join('logs', '')}`))).toBe(true);
    expect(files.some((f) => f.includes(join('attachments', '')))).toBe(true);
    expect(findInFiles(files)).toEqual([]);
  });

  it('rewrites the changes still waiting to be sent and keeps their place in the queue, and records an erasure that will travel', async () => {
    const { personId } = await recordKnownPerson(core);
    const waiting = outboxRows(core.sqlite, personId);
    expect(waiting[0]).toMatchObject({ op: 'create', fields: { name: KNOWN.name, email: KNOWN.email } });

    await core.must('people:erase', { personId, actor: lab, confirm: true });

    const after = outboxRows(core.sqlite, personId);
    // The create keeps its seq (the portal expects every seq in order), its values are gone.
    expect(after[0]).toMatchObject({ seq: waiting[0]!.seq, op: 'create', fields: { name: null, email: null, phone: null, citizenCardNumber: null } });
    const erasure = outboxRows(core.sqlite).find((r) => r.fields.subjectEntity === 'person');
    expect(erasure).toMatchObject({
      record_id: personId,
      op: 'create',
      fields: { subjectEntity: 'person', reason: 'request', erasedBy: lab, targets: [{ entity: 'person', recordId: personId, fields: ['name', 'email', 'phone', 'citizenCardNumber'] }] },
    });
  });

  it('keeps the anonymous study profile, the attendance, the consents as proof and the proposal', async () => {
    const { personId, attendanceId, proposal } = await recordKnownPerson(core);
    await core.must('people:erase', { personId, actor: lab, confirm: true });
    const person = core.sqlite.prepare('select * from people where id = ?').get(personId) as Record<string, unknown>;
    expect(person).toMatchObject({ name: null, email: null, phone: null, citizen_card_number: null, search_text: '' });
    const attendance = core.sqlite.prepare('select * from attendances where id = ?').get(attendanceId) as Record<string, unknown>;
    expect(attendance).toMatchObject({ person_id: personId, status: 'present' });
    expect(core.sqlite.prepare('select count(*) as n from participant_profiles where id = ? and deleted_at is null').get(attendance.profile_id)).toEqual({ n: 1 });
    expect(core.sqlite.prepare('select purpose, granted, text_version from consents where attendance_id = ? order by purpose').all(attendanceId)).toEqual([
      { purpose: 'contact', granted: 1, text_version: 'contact-2026-11' },
      { purpose: 'study', granted: 1, text_version: 'study-2026-11' },
    ]);
    expect((await core.must('proposals:get', { id: proposal.id })).proposerAttendanceIds).toEqual([attendanceId]);
    // The desk shows a row with no name.
    const list = await core.must('attendance:list', { workshopId: (attendance.workshop_id as string) });
    expect(list.items.find((a) => a.id === attendanceId)).toMatchObject({ name: null, email: null });
  });

  it('writes the journal with ids only, fsynced beside the database', async () => {
    const { personId } = await recordKnownPerson(core);
    await core.must('people:erase', { personId, actor: lab, confirm: true });
    const journal = readFileSync(join(core.dataDir, ERASURE_JOURNAL_FILE), 'utf8');
    expect(JSON.parse(journal.trim())).toMatchObject({ id: personId, subject: 'person', targets: [['person', personId]], reason: 'request' });
    for (const needle of [...NEEDLES, lab]) expect(journal).not.toContain(needle);
  });

  it('asks for a confirmation, refuses an unknown person, and erasing twice changes nothing more', async () => {
    const { personId } = await recordKnownPerson(core);
    expect(await core.invoke('people:erase', { personId, actor: lab, confirm: false as never })).toMatchObject({ ok: false, error: { code: 'validation', fields: { confirm: 'validation.confirmErase' } } });
    expect(await core.invoke('people:erase', { personId: crypto.randomUUID(), actor: lab, confirm: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const first = await core.must('people:erase', { personId, actor: lab, confirm: true });
    const outbox = outboxRows(core.sqlite).length;
    const second = await core.must('people:erase', { personId, actor: lab, confirm: true });
    expect(second.erasedAt).toBe(first.erasedAt);
    expect(outboxRows(core.sqlite)).toHaveLength(outbox);
  });
});
