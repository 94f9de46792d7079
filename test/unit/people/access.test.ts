/**
 * The right of access: the lab finds a person by name, e-mail or card number and gets
 * everything held about them, on screen, as a PDF (French or English) and as JSON; and every
 * opening or export of personal data leaves a line in the access log, without the data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { facilitator } from '../attendance/attendance-test-kit.js';
import { openTestCore, type TestCore } from '../core/test-core.js';
import { firstPagePng, hasPoppler, overlappingWords, pdfText } from '../pdf/poppler.js';
import { KNOWN, NEEDLES, recordKnownPerson } from './rights-kit.js';

const lab = 'Inès Lab';
let core: TestCore;
let actor: string | null = null;
beforeEach(async () => {
  actor = null;
  core = await openTestCore({ currentActor: () => actor });
});
afterEach(async () => {
  await core.close();
});

describe('finding a person', () => {
  it('by a few letters of the name without accents, by the e-mail, by the card number written with spaces', async () => {
    const { personId } = await recordKnownPerson(core);
    await core.must('attendance:register', { workshopId: (await core.must('workshops:list', { limit: 5 })).items[0]!.id, person: { name: 'Camille Dupont' }, recordedBy: facilitator, consents: [] });
    for (const query of ['zenobie', 'MARCHETTI oulh', 'zenobie.marchetti@', 'PC 7731 904']) {
      const found = await core.must('people:search', { query, actor: lab });
      expect(found.items.map((p) => p.id), query).toEqual([personId]);
    }
    expect((await core.must('people:search', { query: 'personne inconnue', actor: lab })).items).toEqual([]);
    const [match] = (await core.must('people:search', { query: 'zenobie', actor: lab })).items;
    expect(match).toMatchObject({ ...KNOWN, removed: false, lastWorkshopAt: '2026-03-14T19:30:00.000Z' });
  });

  it('finds no one once erased', async () => {
    const { personId } = await recordKnownPerson(core);
    await core.must('people:erase', { personId, actor: lab, confirm: true });
    expect((await core.must('people:search', { query: 'zenobie', actor: lab })).items).toEqual([]);
  });
});

describe('everything held about one person', () => {
  it('identity, each participation with its consents and the words asked, the study answers, the proposals carried, the purge date', async () => {
    const { personId, attendanceId, workshop, proposal } = await recordKnownPerson(core);
    const report = await core.must('people:access', { personId, actor: lab });
    expect(report.identities).toEqual([
      { entity: 'person', id: personId, fields: { ...KNOWN }, createdAt: '2026-03-01T09:00:00.000Z', removedAt: null },
    ]);
    expect(report.erasure).toBeNull();
    expect(report.participations).toHaveLength(1);
    const [p] = report.participations;
    expect(p).toMatchObject({ attendanceId, status: 'present', source: 'pre_registered', recordedBy: facilitator, workshop: { id: workshop.id, title: workshop.title } });
    expect(p!.consents.map((c) => [c.purpose, c.granted, c.textVersion])).toEqual([
      ['contact', true, 'contact-2026-11'],
      ['study', true, 'study-2026-11'],
    ]);
    expect(p!.consents[0]!.question.fr).toContain('recontacte');
    expect(p!.profile).toMatchObject({ ageBracket: '26_40', residenceArrondissement: 18, associationName: 'Salle Saint-Bruno' });
    expect(report.proposals).toEqual([expect.objectContaining({ id: proposal.id, title: proposal.title, workshopTitle: workshop.title })]);
    // Last workshop on 14 March 2026 (Paris), kept 12 months.
    expect(report).toMatchObject({ purgeOn: '2027-03-14', retentionMonths: 12 });
  });

  it('after an erasure: no identity values, the erasure and who made it, no purge date, the study answers still there', async () => {
    const { personId } = await recordKnownPerson(core);
    await core.must('people:erase', { personId, actor: lab, confirm: true });
    const report = await core.must('people:access', { personId, actor: lab });
    expect(report.identities[0]!.fields).toEqual({ name: null, email: null, phone: null, citizenCardNumber: null });
    expect(report.erasure).toMatchObject({ reason: 'request', erasedBy: lab });
    expect(report.purgeOn).toBeNull();
    expect(report.participations[0]!.profile).not.toBeNull();
  });

  it('is not_found for someone never recorded here', async () => {
    expect(await core.invoke('people:access', { personId: crypto.randomUUID(), actor: lab })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('exports the same as JSON', async () => {
    const { personId } = await recordKnownPerson(core);
    const file = await core.must('people:export', { personId, actor: lab, format: 'json', language: 'fr' });
    expect(file).toMatchObject({ mediaType: 'application/json', fileName: `donnees-personnelles-${personId.slice(0, 8)}.json` });
    const parsed = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
    expect(parsed).toMatchObject({ subject: { entity: 'person', id: personId }, identities: [{ fields: { name: KNOWN.name } }] });
  });

  it.runIf(hasPoppler)('exports a PDF a person can read, in French and in English, the Arabic name included', async () => {
    const { personId, workshop } = await recordKnownPerson(core);
    for (const language of ['fr', 'en'] as const) {
      const file = await core.must('people:export', { personId, actor: lab, format: 'pdf', language });
      expect(file.mediaType).toBe('application/pdf');
      const pdf = Buffer.from(file.base64, 'base64');
      const text = pdfText(pdf).normalize('NFKC');
      for (const value of [KNOWN.email, KNOWN.phone, KNOWN.citizenCardNumber, 'Marchetti-Oulhadj', workshop.title.slice(0, 20)]) expect(text, `${language}: ${value}`).toContain(value);
      expect(text).toContain(language === 'fr' ? 'Vos données personnelles dans Atelier' : 'Your personal data in Atelier');
      expect(text).toContain(language === 'fr' ? 'Salarié·e' : 'Employee');
      expect(text).toContain(language === 'fr' ? 'dimanche 14 mars 2027' : 'Sunday 14 March 2027');
      expect(overlappingWords(pdf)).toEqual([]);
      expect(firstPagePng(pdf).length).toBeGreaterThan(10_000);
    }
  });
});

describe('who looked', () => {
  it('logs the desk, the sign-in sheet, an access and an export with who and when, never the data, once per quarter of an hour', async () => {
    const { personId, workshop } = await recordKnownPerson(core);
    actor = 'Camille Martin';
    await core.must('attendance:list', { workshopId: workshop.id });
    await core.must('attendance:list', { workshopId: workshop.id });
    await core.must('attendance:search', { workshopId: workshop.id, query: 'zeno' });
    await core.must('attendance:sign-in-sheet', { workshopId: workshop.id, locale: 'fr' });
    await core.must('people:search', { query: 'marchetti', actor: lab });
    await core.must('people:access', { personId, actor: lab });
    await core.must('people:export', { personId, actor: lab, format: 'json', language: 'fr' });
    core.setNow('2026-03-01T09:20:00.000Z');
    await core.must('attendance:list', { workshopId: workshop.id });

    const { entries } = await core.must('people:access-log', { limit: 50 });
    expect(entries.map((e) => [e.command, e.actor, e.recordKind, e.recordId]).reverse()).toEqual([
      ['attendance:list', 'Camille Martin', 'workshop', workshop.id],
      ['attendance:search', 'Camille Martin', 'workshop', workshop.id],
      ['attendance:sign-in-sheet', 'Camille Martin', 'workshop', workshop.id],
      ['people:search', lab, null, null],
      ['people:access', lab, 'person', personId],
      ['people:export', lab, 'person', personId],
      ['attendance:list', 'Camille Martin', 'workshop', workshop.id],
    ]);
    const stored = JSON.stringify(core.sqlite.prepare('select * from access_log').all());
    for (const needle of [...NEEDLES, 'zeno']) expect(stored).not.toContain(needle);
  });

  it('says « unknown » when nobody is named, and logs nothing for a refused command', async () => {
    const { workshop } = await recordKnownPerson(core);
    await core.must('attendance:list', { workshopId: workshop.id });
    await core.invoke('people:access', { personId: crypto.randomUUID(), actor: lab });
    const { entries } = await core.must('people:access-log', { limit: 50 });
    expect(entries.map((e) => [e.command, e.actor])).toEqual([['attendance:list', 'unknown']]);
  });
});
