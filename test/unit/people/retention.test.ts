/**
 * Retention: an identity is purged on the Paris day its period ends (the day before it is
 * kept), through the same erasure path; consents stay as proof; the lab sees what is coming,
 * as counts; the period is the lab's setting, and the purge also runs once a day.
 */
import { openDataFolder } from '#test/support/vault.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addMonthsToDay, parisDay, purgeDay } from '#shared/people/retention-dates.js';
import { facilitator } from '../attendance/attendance-test-kit.js';
import { openTestCore, outboxRows, workshopFields, type TestCore } from '../core/test-core.js';
import { findInDatabase, NEEDLES, recordKnownPerson } from './rights-kit.js';

const lab = 'Inès Lab';
const open: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

async function start(dataDir: string, now: string, retention?: { intervalMs: number }) {
  const core = await openTestCore({ dataDir, now, retention });
  open.push(core);
  return core;
}

/** Stops a core and starts it again on the same data folder at another time, and waits for its start-up purge. */
async function restartAt(core: TestCore, now: string) {
  await core.close();
  open.splice(open.indexOf(core), 1);
  const next = await start(core.dataDir, now);
  // The purge runs beside the first commands; its last run says when it is over.
  await expect.poll(async () => (await next.must('people:retention', { actor: lab })).lastPurge?.at, { timeout: 5000 }).toBe(now);
  return next;
}

const nameOf = (core: TestCore, id: string) => (core.sqlite.prepare('select name from people where id = ?').get(id) as { name: string | null }).name;

/** A: last workshop ended on 14 March 2025 (Paris). B: came then, and again on 1 June 2025. */
async function twoPeople(core: TestCore) {
  const a = await recordKnownPerson(core, { startsAt: '2025-03-14T18:30', endsAt: '2025-03-14T20:30' });
  const june = await core.must('workshops:create', workshopFields({ startsAt: '2025-06-01T10:00', endsAt: '2025-06-01T12:00', title: 'Atelier de juin' }));
  const bMarch = await core.must('attendance:register', { workshopId: a.workshop.id, person: { name: 'Bérénice Tranchant' }, recordedBy: facilitator, consents: [] });
  await core.must('attendance:register', { workshopId: june.id, person: { name: 'Bérénice Tranchant', email: 'berenice@exemple.fr' }, recordedBy: facilitator, consents: [] });
  return { a: a.personId, aAttendance: a.attendanceId, bMarch: bMarch.personId!, june };
}

describe('dates', () => {
  it('counts in Paris days and clamps to the end of a shorter month', () => {
    expect(parisDay('2025-03-14T23:30:00.000Z')).toBe('2025-03-15');
    expect(parisDay('2025-07-14T21:59:00.000Z')).toBe('2025-07-14');
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDay('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonthsToDay('2025-03-14', 12)).toBe('2026-03-14');
    expect(purgeDay('2025-03-14T19:30:00.000Z', 12)).toBe('2026-03-14');
  });
});

describe('the purge at a simulated date', () => {
  it('keeps an identity the day before its purge day and erases it from midnight Paris time on that day, and no one else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-retention-'));
    dirs.push(dir);
    let core = await start(dir, '2025-03-01T09:00:00.000Z');
    const { a, aAttendance, bMarch } = await twoPeople(core);
    // B registered twice, as two identities (the desk does not merge people): one per workshop.
    const bJune = (core.sqlite.prepare(`select id from people where email = 'berenice@exemple.fr'`).get() as { id: string }).id;

    core = await restartAt(core, '2026-03-13T22:59:59.000Z'); // 13 March, 23:59:59 in Paris
    expect(nameOf(core, a)).not.toBeNull();
    core = await restartAt(core, '2026-03-13T23:00:00.000Z'); // 14 March, 00:00 in Paris
    expect(nameOf(core, a)).toBeNull();
    expect(nameOf(core, bMarch)).toBeNull();
    expect(nameOf(core, bJune)).toBe('Bérénice Tranchant');
    // Exactly these: every personal field of A and of B's March identity, nothing of B's June one.
    const identity = (id: string) => core.sqlite.prepare('select name, email, phone, citizen_card_number as card, search_text from people where id = ?').get(id);
    expect(identity(a)).toEqual({ name: null, email: null, phone: null, card: null, search_text: '' });
    expect(identity(bMarch)).toEqual({ name: null, email: null, phone: null, card: null, search_text: '' });
    expect(identity(bJune)).toMatchObject({ name: 'Bérénice Tranchant', email: 'berenice@exemple.fr' });
    expect(findInDatabase(core.sqlite)).toEqual([]);
    // The attendance and the anonymous study profile stay.
    expect(core.sqlite.prepare('select person_id, profile_id is not null as profiled, deleted_at from attendances where id = ?').get(aAttendance)).toEqual({ person_id: a, profiled: 1, deleted_at: null });
    const erasure = core.sqlite.prepare('select reason, erased_by from erasures where id = ?').get(a);
    expect(erasure).toEqual({ reason: 'retention', erased_by: null });
    // The consents stay, as proof of what was agreed, without the contact.
    expect(core.sqlite.prepare('select count(*) as n from consents where attendance_id = ? and deleted_at is null').get(aAttendance)).toEqual({ n: 2 });
    expect((await core.must('people:retention', { actor: lab })).lastPurge).toEqual({ at: '2026-03-13T23:00:00.000Z', erased: 2 });

    core = await restartAt(core, '2026-05-31T21:59:59.000Z'); // 31 May, 23:59:59 in Paris (summer time)
    expect(nameOf(core, bJune)).toBe('Bérénice Tranchant');
    core = await restartAt(core, '2026-05-31T22:00:00.000Z'); // 1 June, 00:00 in Paris
    expect(nameOf(core, bJune)).toBeNull();
    expect(core.sqlite.prepare('select count(*) as n from erasures').get()).toEqual({ n: 3 });
  });

  it('also runs once a day while the app runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-retention-'));
    dirs.push(dir);
    const core = await start(dir, '2025-03-01T09:00:00.000Z', { intervalMs: 50 });
    const { a } = await twoPeople(core);
    core.setNow('2026-03-14T09:00:00.000Z');
    await expect.poll(() => nameOf(core, a), { timeout: 3000 }).toBeNull();
  });
});

describe('the access log', () => {
  it('forgets its lines a year after they were written, at the same purge, and keeps the younger ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-retention-'));
    dirs.push(dir);
    let core = await start(dir, '2025-03-01T09:00:00.000Z');
    await core.must('people:search', { query: 'awa', actor: lab });
    core.setNow('2025-09-01T09:00:00.000Z');
    await core.must('people:search', { query: 'awa', actor: 'Camille Martin' });
    const lines = () => core.sqlite.prepare("select at, actor from access_log where command = 'people:search' order by at").all();
    expect(lines()).toHaveLength(2);
    core = await restartAt(core, '2026-03-01T08:59:59.000Z');
    expect(lines()).toHaveLength(2);
    core = await restartAt(core, '2026-03-01T09:00:01.000Z');
    expect(lines()).toEqual([{ at: '2025-09-01T09:00:00.000Z', actor: 'Camille Martin' }]);
  });
});

describe('what the lab sees beforehand', () => {
  it('counts by day and workshop for the next 90 days, with no name; the setting changes them for every laptop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-retention-'));
    dirs.push(dir);
    const core = await start(dir, '2026-02-01T09:00:00.000Z');
    await expect.poll(async () => (await core.must('people:retention', { actor: lab })).lastPurge).not.toBeNull();
    const { june } = await twoPeople(core);
    const overview = await core.must('people:retention', { actor: lab });
    expect(overview).toMatchObject({ months: 12, defaultMonths: 12, dueNow: 0, horizonDays: 90, lastPurge: { erased: 0 } });
    expect(overview.upcoming).toEqual([
      expect.objectContaining({ purgeOn: '2026-03-14', count: 2, workshopTitle: expect.stringContaining('Goutte'), workshopEndedAt: '2025-03-14T19:30:00.000Z' }),
    ]);
    for (const needle of [...NEEDLES, 'Bérénice', 'berenice']) expect(JSON.stringify(overview)).not.toContain(needle);

    const six = await core.must('people:set-retention', { months: 6, actor: lab });
    expect(six).toMatchObject({ months: 6, dueNow: 3 });
    expect(six.upcoming).toEqual([]);
    const setting = outboxRows(core.sqlite).find((r) => r.fields.identityRetentionMonths === 6);
    expect(setting).toMatchObject({ op: 'create' });
    const eighteen = await core.must('people:set-retention', { months: 18, actor: lab });
    expect(eighteen.dueNow).toBe(0);
    expect(outboxRows(core.sqlite).filter((r) => 'identityRetentionMonths' in r.fields).map((r) => r.op)).toEqual(['create', 'update']);
    void june;

    expect(await core.invoke('people:set-retention', { months: 0, actor: lab })).toMatchObject({ ok: false, error: { code: 'validation', fields: { months: 'validation.retentionMonths' } } });
    // A field laptop does not set it: the portal would refuse it, so the core says so at once.
    const rw = await openDataFolder(core.dataDir, { readonly: false });
    rw.prepare("insert into device_meta (key, value) values ('portal_role', 'field')").run();
    rw.close();
    expect(await core.invoke('people:set-retention', { months: 24, actor: lab })).toMatchObject({ ok: false, error: { code: 'validation', fields: { months: 'validation.retentionLabOnly' } } });
    expect((await core.must('people:retention', { actor: lab })).months).toBe(18);
    expect(await core.invoke('people:set-retention', { months: 121, actor: lab })).toMatchObject({ ok: false, error: { fields: { months: 'validation.retentionMonths' } } });
  });
});
