import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, outboxRows, type TestCore } from '../core/test-core.js';
import { count, facilitator, plannedWorkshop, register, studyYes, profile, walkIn } from './attendance-test-kit.js';

let core: TestCore;
let workshopId: string;
beforeEach(async () => {
  core = await openTestCore();
  workshopId = (await plannedWorkshop(core)).id;
});
afterEach(async () => core.close());

const search = async (query: string) => (await core.must('attendance:search', { workshopId, query })).items;
const by = { recordedBy: facilitator };

describe('checking people in', () => {
  it('a registered person is found by a few letters of the name, accents and case ignored, and checked in', async () => {
    const helene = await register(core, workshopId, 'Hélène Côté', 'helene@example.org');
    await register(core, workshopId, 'Henri Lambert');
    expect((await search('hel')).map((h) => h.name)).toEqual(['Hélène Côté']);
    expect((await search('COTE')).map((h) => h.name)).toEqual(['Hélène Côté']);
    expect((await search('helene@exa')).map((h) => h.name)).toEqual(['Hélène Côté']);
    expect((await search('he')).map((h) => h.name)).toEqual(['Hélène Côté', 'Henri Lambert']);
    core.setNow('2026-03-14T17:40:00.000Z');
    const { attendance, counts } = await core.must('attendance:check-in', { attendanceId: helene.id, ...by });
    expect(attendance).toMatchObject({ status: 'present', checkedInAt: '2026-03-14T17:40:00.000Z', recordedBy: facilitator });
    expect(counts).toMatchObject({ registered: 1, present: 1, total: 1 });
  });

  it('people still expected come first in the search, then those already present', async () => {
    const a = await register(core, workshopId, 'Martin Aline');
    await register(core, workshopId, 'Martin Bruno');
    await core.must('attendance:check-in', { attendanceId: a.id, ...by });
    expect(await search('martin')).toMatchObject([{ name: 'Martin Bruno', status: 'registered' }, { name: 'Martin Aline', status: 'present' }]);
  });

  it('the search follows every change at once: a check-in, a walk-in, a removal', async () => {
    const a = await register(core, workshopId, 'Awa Diallo');
    expect(await search('awa')).toMatchObject([{ status: 'registered' }]);
    await core.must('attendance:check-in', { attendanceId: a.id, ...by });
    expect(await search('awa')).toMatchObject([{ status: 'present' }]);
    const { attendance } = await walkIn(core, { workshopId, person: { name: 'Awa Traoré' } });
    expect(await search('awa')).toHaveLength(2);
    await core.must('attendance:remove', { attendanceId: attendance!.id, ...by });
    expect((await search('awa')).map((h) => h.name)).toEqual(['Awa Diallo']);
  });

  it('checking in twice is refused, so a double Enter does not record two arrivals', async () => {
    const a = await register(core, workshopId, 'Awa Diallo');
    await core.must('attendance:check-in', { attendanceId: a.id, ...by });
    expect(await core.invoke('attendance:check-in', { attendanceId: a.id, ...by })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a cancelled workshop takes no arrivals', async () => {
    const w = await plannedWorkshop(core);
    await core.must('workshops:cancel', { id: w.id, version: 1, reason: '' });
    expect(await core.invoke('attendance:head-count', { workshopId: w.id, delta: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a registration with neither name nor contact is refused beside the name field', async () => {
    const result = await core.invoke('attendance:register', { workshopId, person: {}, ...by });
    expect(result).toMatchObject({ ok: false, error: { fields: { 'person.name': 'validation.nameOrContact' } } });
  });

  it('an invalid email is refused beside the email field', async () => {
    const result = await core.invoke('attendance:register', { workshopId, person: { name: 'A', email: 'pas-un-email' }, ...by });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'person.email': 'validation.email' } } });
  });
});

describe('the anonymous head count', () => {
  it('is the sum of +1 and −1 entries, never below zero', async () => {
    for (let i = 0; i < 3; i++) await core.must('attendance:head-count', { workshopId, delta: 1 });
    const after = await core.must('attendance:head-count', { workshopId, delta: -1 });
    expect(after).toMatchObject({ anonymous: 2, total: 2 });
    expect(count(core, 'select count(*) n from head_count_entries')).toBe(4);
    expect(await core.invoke('attendance:head-count', { workshopId, delta: -3 })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('adds to the named people present in the total', async () => {
    await walkIn(core, { workshopId, person: { name: 'Awa' } });
    await core.must('attendance:head-count', { workshopId, delta: 1 });
    expect(await core.must('attendance:counts', { workshopId })).toMatchObject({ present: 1, anonymous: 1, total: 2 });
  });
});

describe('cancel, no-show and their undo', () => {
  it('a registered person can be cancelled or marked absent, and reinstated', async () => {
    const a = await register(core, workshopId, 'Awa');
    const b = await register(core, workshopId, 'Bruno');
    expect(await core.must('attendance:cancel', { attendanceId: a.id, ...by })).toMatchObject({ status: 'cancelled' });
    expect(await core.must('attendance:no-show', { attendanceId: b.id, ...by })).toMatchObject({ status: 'no_show' });
    expect(await core.must('attendance:counts', { workshopId })).toMatchObject({ registered: 0, cancelled: 1, noShow: 1 });
    expect(await core.must('attendance:reinstate', { attendanceId: a.id, ...by })).toMatchObject({ status: 'registered' });
    // Marked absent, then arrives late after all.
    expect((await core.must('attendance:check-in', { attendanceId: b.id, ...by })).attendance).toMatchObject({ status: 'present' });
  });

  it('a walk-in cannot be cancelled (they came) nor "reinstated" to a registration they never made', async () => {
    const { attendance } = await walkIn(core, { workshopId, person: { name: 'Awa' } });
    expect(await core.invoke('attendance:cancel', { attendanceId: attendance!.id, ...by })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await core.invoke('attendance:reinstate', { attendanceId: attendance!.id, ...by })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });
});

describe('every write reaches the outbox, and removals are tombstones', () => {
  it('a walk-in with identity, consents and profile writes one outbox row per record, in the right kinds', async () => {
    await walkIn(core, { workshopId, person: { name: 'Awa', email: 'awa@example.org' }, consents: [studyYes], profile: profile() });
    const kinds = (core.sqlite.prepare("select entity, op from outbox where entity != 'workshop' order by seq").all() as { entity: string; op: string }[]).map((r) => `${r.entity}:${r.op}`);
    expect(kinds.sort()).toEqual(['attendance:create', 'consent:create', 'person:create', 'profile:create']);
    const person = core.sqlite.prepare("select payload from outbox where entity = 'person'").get() as { payload: string };
    // The local search column never travels.
    expect(JSON.parse(person.payload)).toEqual({ name: 'Awa', email: 'awa@example.org', phone: null, citizenCardNumber: null, deletedAt: null });
  });

  it('a check-in writes an update carrying only what changed', async () => {
    const a = await register(core, workshopId, 'Awa');
    await core.must('attendance:check-in', { attendanceId: a.id, ...by });
    const rows = outboxRows(core.sqlite, a.id);
    expect(rows.map((r) => r.op)).toEqual(['create', 'update']);
    expect(Object.keys(rows[1]!.fields).sort()).toEqual(['checkedInAt', 'status']);
    expect(rows[1]).toMatchObject({ base_version: 1, version: 2 });
  });

  it('removing a mistaken entry tombstones it with its consents, profile and lone identity; nothing is DELETEd', async () => {
    const { attendance } = await walkIn(core, { workshopId, person: { name: 'Awa' }, consents: [studyYes], profile: profile() });
    await core.must('attendance:remove', { attendanceId: attendance!.id, ...by });
    for (const table of ['attendances', 'people', 'participant_profiles', 'consents']) {
      expect(count(core, `select count(*) n from ${table} where deleted_at is null`)).toBe(0);
      expect(count(core, `select count(*) n from ${table}`)).toBe(1);
    }
    expect(count(core, "select count(*) n from outbox where op = 'delete'")).toBe(4);
    expect((await core.must('attendance:list', { workshopId })).items).toEqual([]);
    // (every local write is also followed by `sync:changed`, for the header's count)
    expect(core.events.filter((e) => e.name !== 'sync:changed').at(-1)).toEqual({ name: 'attendance:changed', payload: { id: workshopId } });
  });
});
