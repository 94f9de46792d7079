import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrivalResult } from '#shared/attendance/attendance.schema.js';
import { openTestCore, type TestCore } from '../core/test-core.js';
import { contactYes, count, facilitator, plannedWorkshop, profile, register, studyNo, studyYes, walkIn } from './attendance-test-kit.js';

let core: TestCore;
let workshopId: string;
beforeEach(async () => {
  core = await openTestCore();
  workshopId = (await plannedWorkshop(core)).id;
});
afterEach(async () => core.close());

describe('no profile without study consent', () => {
  it('a walk-in sending a profile without any study consent is refused and nothing is stored', async () => {
    const result = await core.invoke('attendance:walk-in', {
      workshopId,
      recordedBy: facilitator,
      person: { name: 'Awa Diallo' },
      consents: [contactYes],
      profile: profile(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { profile: 'validation.profileNeedsStudyConsent' } } });
    expect(count(core, 'select count(*) n from participant_profiles')).toBe(0);
    expect(count(core, 'select count(*) n from people')).toBe(0);
    expect(count(core, 'select count(*) n from attendances')).toBe(0);
    expect(count(core, 'select count(*) n from outbox')).toBe(1); // the workshop's creation only
  });

  it('a profile with the study refused is refused too, even if the UI were bypassed', async () => {
    const result = await core.invoke('attendance:walk-in', { workshopId, recordedBy: facilitator, consents: [studyNo], profile: profile() });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(count(core, 'select count(*) n from participant_profiles')).toBe(0);
  });

  it('with study consent the profile is stored apart from the identity, with no name nor person id in it', async () => {
    const { attendance } = await walkIn(core, { workshopId, person: { name: 'Awa Diallo', email: 'awa@example.org' }, consents: [studyYes, contactYes], profile: profile() });
    expect(attendance).toMatchObject({ hasProfile: true, name: 'Awa Diallo', consents: { study: { granted: true, textVersion: 'study-2026-11', recordedBy: facilitator } } });
    const stored = core.sqlite.prepare('select * from participant_profiles').all() as Record<string, unknown>[];
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0]!)).not.toEqual(expect.arrayContaining(['person_id']));
    expect(Object.keys(stored[0]!).some((k) => /name$/.test(k) && k !== 'association_name')).toBe(false);
    expect(JSON.stringify(stored[0])).not.toContain('Awa');
    expect(stored[0]).toMatchObject({ age_bracket: '26_40', residence_arrondissement: 18, lives_in_qpv: 'yes', association_name: 'Salle Saint-Bruno' });
  });

  it('a walk-in who refuses the study and gives a name is present, with the refusal recorded and no profile', async () => {
    const { attendance } = await walkIn(core, { workshopId, person: { name: 'Jean Dupont' }, consents: [studyNo] });
    expect(attendance).toMatchObject({ status: 'present', source: 'walk_in', hasProfile: false, consents: { study: { granted: false }, contact: null } });
    expect(count(core, 'select count(*) n from participant_profiles')).toBe(0);
  });

  it('without identity nor study consent, only the anonymous count grows: nothing else is kept', async () => {
    const result = await walkIn(core, { workshopId, person: { name: '  ', email: '' }, consents: [studyNo, contactYes] });
    expect(result).toEqual<ArrivalResult>({ attendance: null, counts: expect.objectContaining({ anonymous: 1, present: 0, total: 1 }) });
    expect(count(core, 'select count(*) n from attendances')).toBe(0);
    expect(count(core, 'select count(*) n from consents')).toBe(0);
    expect(count(core, 'select count(*) n from people')).toBe(0);
  });

  it('an anonymous walk-in who agrees to the study is kept as a profile with no identity', async () => {
    const { attendance } = await walkIn(core, { workshopId, consents: [studyYes], profile: profile({ residence: 'outside_paris', residenceCommune: 'Saint-Denis', residenceArrondissement: 3 }) });
    expect(attendance).toMatchObject({ personId: null, name: null, hasProfile: true });
    // The arrondissement typed by mistake for someone living outside Paris is not kept.
    expect(core.sqlite.prepare('select residence_arrondissement a, residence_commune c from participant_profiles').get()).toEqual({ a: null, c: 'Saint-Denis' });
  });

  it('a consent text version that is not the text of its purpose is refused at the edge', async () => {
    const result = await core.invoke('attendance:walk-in', { workshopId, recordedBy: facilitator, person: { name: 'X' }, consents: [{ purpose: 'study', granted: true, textVersion: 'contact-2026-11' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'consents.0.textVersion': 'validation.consentVersion' } } });
  });

  it('at check-in, withdrawing the study consent tombstones the profile recorded earlier', async () => {
    const reg = await register(core, workshopId, 'Léa Martin');
    await core.must('attendance:check-in', { attendanceId: reg.id, recordedBy: facilitator, consents: [studyYes], profile: profile() });
    await core.must('attendance:reinstate', { attendanceId: reg.id, recordedBy: facilitator });
    const again = await core.must('attendance:check-in', { attendanceId: reg.id, recordedBy: facilitator, consents: [studyNo] });
    expect(again.attendance).toMatchObject({ hasProfile: false, consents: { study: { granted: false } } });
    expect(count(core, 'select count(*) n from participant_profiles where deleted_at is null')).toBe(0);
    expect(count(core, "select count(*) n from outbox where entity = 'profile' and op = 'delete'")).toBe(1);
  });

  it('a consent records who recorded it, when, and the version of the text shown', async () => {
    core.setNow('2026-03-14T17:45:00.000Z');
    await walkIn(core, { workshopId, person: { name: 'Awa' }, consents: [contactYes] });
    expect(core.sqlite.prepare('select purpose, granted, text_version, recorded_at, recorded_by from consents').get()).toEqual({
      purpose: 'contact',
      granted: 1,
      text_version: 'contact-2026-11',
      recorded_at: '2026-03-14T17:45:00.000Z',
      recorded_by: facilitator,
    });
  });
});

describe('consent asked after a quick check-in', () => {
  it('a person checked in with two keystrokes can then agree to the study and give the profile', async () => {
    const reg = await register(core, workshopId, 'Léa Martin');
    await core.must('attendance:check-in', { attendanceId: reg.id, recordedBy: facilitator });
    const refused = await core.invoke('attendance:record-consent', { attendanceId: reg.id, recordedBy: facilitator, profile: profile() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { attendance } = await core.must('attendance:record-consent', { attendanceId: reg.id, recordedBy: facilitator, consents: [studyYes], profile: profile() });
    expect(attendance).toMatchObject({ status: 'present', hasProfile: true });
  });

  it('the arrondissement answered at the door is kept in the profile and fills the dashboard’s residence rows', async () => {
    const arrivals: [number, number][] = [[18, 5], [11, 5]];
    for (const [arrondissement, people] of arrivals) {
      for (let i = 0; i < people; i++) {
        const reg = await register(core, workshopId, `Personne ${arrondissement}-${i}`);
        await core.must('attendance:check-in', { attendanceId: reg.id, recordedBy: facilitator });
        await core.must('attendance:record-consent', {
          attendanceId: reg.id,
          recordedBy: facilitator,
          consents: [studyYes],
          profile: profile({ residence: 'paris', residenceArrondissement: arrondissement }),
        });
      }
    }
    expect(count(core, 'select count(*) as n from participant_profiles where residence_arrondissement = 18 and deleted_at is null')).toBe(5);
    const d = await core.must('study:dashboard', { scope: 'workshop', workshopId });
    const residence = d.attendance.find((t) => t.id === 'residence')!;
    const value = (key: string) => residence.cells.find((c) => c.key === key);
    expect(value('arr-18')).toMatchObject({ value: 5, masked: false });
    expect(value('arr-11')).toMatchObject({ value: 5, masked: false });
  });
});

describe('editing consents', () => {
  it('answering the study leaves the contact consent given at registration as it was: same time, same recorder', async () => {
    const reg = await core.must('attendance:register', { workshopId, person: { name: 'Léa Martin' }, recordedBy: 'Bureau', consents: [contactYes] });
    await core.must('attendance:check-in', { attendanceId: reg.id, recordedBy: facilitator });
    const { attendance } = await core.must('attendance:record-consent', { attendanceId: reg.id, recordedBy: facilitator, consents: [studyNo] });
    expect(attendance!.consents.contact).toEqual(reg.consents.contact);
    expect(attendance!.consents.study).toMatchObject({ granted: false, recordedBy: facilitator });
  });
});
