import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contributionSchema, type AnswerFieldsInput } from '#shared/charter/charter.schema.js';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { openDataFolder } from '#test/support/vault.js';
import { openTestCore, outboxRows, workshopFields, type TestCore } from '../core/test-core.js';
import { profile, studyYes, walkIn } from '../attendance/attendance-test-kit.js';
import { ARTICLE_BODY, charterWorkshop, consultationFields, seedCharter } from './charter-core-kit.js';

let core: TestCore;
let workshop: Workshop;
let charter: Awaited<ReturnType<typeof seedCharter>>;
beforeEach(async () => {
  core = await openTestCore();
  workshop = await charterWorkshop(core);
  charter = await seedCharter(core);
});
afterEach(async () => {
  await core.close();
});

const agreement = (level: number, tagIds: string[] = []): AnswerFieldsInput => ({ questionId: charter.agree.id, type: 'agreement' as const, agreement: level, text: null, tagIds });
const proposal = (text: string, tagIds: string[] = []): AnswerFieldsInput => ({ questionId: charter.propose.id, type: 'proposal' as const, agreement: null, text, tagIds });
const individual = { contributor: 'individual' as const, profileId: null, tableLabel: null };

function contribute(answer: AnswerFieldsInput, who: { contributor: 'individual' | 'table'; profileId: string | null; tableLabel: string | null; attendanceId?: string | null } = individual, workshopId = workshop.id) {
  return core.invoke('charter:contribute', { consultationId: charter.consultation.id, workshopId, fields: { answer, ...who } });
}

async function asFieldLaptop() {
  const rw = await openDataFolder(core.dataDir, { readonly: false });
  rw.prepare("insert into device_meta (key, value) values ('portal_role', 'field')").run();
  rw.close();
}

describe('the draft charter: structure, themes, consultations', () => {
  it('is read back live and in order; an edit at an old version is a conflict; each write is in the outbox and says charter:changed', async () => {
    const second = await core.must('charter:save-chapter', { fields: { position: 2, title: 'Rendre compte', summary: 'Ce que la Ville fait des avis.' } });
    const structure = await core.must('charter:structure', {});
    expect(structure.chapters.map((c) => c.title)).toEqual(['Associer les habitants', 'Rendre compte']);
    expect(structure.articles).toHaveLength(1);
    expect(structure.questions.map((q) => q.position)).toEqual([1, 2, 3]);
    expect(structure.tags.map((t) => t.label)).toEqual(['Jeunesse', 'Logement']);

    const edited = await core.must('charter:save-chapter', { id: second.id, version: 1, fields: { position: 2, title: 'Rendre compte aux habitants', summary: '' } });
    expect(edited).toMatchObject({ version: 2, title: 'Rendre compte aux habitants' });
    const stale = await core.invoke('charter:save-chapter', { id: second.id, version: 1, fields: { position: 2, title: 'Autre', summary: '' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(outboxRows(core.sqlite, second.id).map((r) => r.op)).toEqual(['create', 'update']);
    expect(outboxRows(core.sqlite, second.id)[0]!.fields).toEqual({ position: 2, title: 'Rendre compte', summary: 'Ce que la Ville fait des avis.', deletedAt: null });
    expect(core.events.filter((e) => e.name === 'charter:changed').length).toBeGreaterThanOrEqual(10);
  });

  it('a chapter or an article is not removed while it holds live records; once emptied it is', async () => {
    const { chapter, article, agree, amend, propose } = charter;
    const refused = await core.invoke('charter:remove-chapter', { id: chapter.id, version: chapter.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_transition', fields: { _: 'validation.hasLiveChildren' } } });
    expect(await core.invoke('charter:remove-article', { id: article.id, version: article.version })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', fields: { _: 'validation.hasLiveChildren' } },
    });
    await core.must('charter:remove-question', { id: agree.id, version: agree.version });
    await core.must('charter:remove-question', { id: amend.id, version: amend.version });
    const removedArticle = await core.must('charter:remove-article', { id: article.id, version: article.version });
    expect(removedArticle.deletedAt).not.toBeNull();
    expect(await core.invoke('charter:remove-chapter', { id: chapter.id, version: chapter.version })).toMatchObject({ ok: false });
    await core.must('charter:remove-question', { id: propose.id, version: propose.version });
    await core.must('charter:remove-chapter', { id: chapter.id, version: chapter.version });
    expect(await core.must('charter:structure', {})).toMatchObject({ chapters: [], articles: [], questions: [] });
  });

  it('an article needs a live chapter; a question’s article must be in its chapter; an amendment question needs an article', async () => {
    const noChapter = await core.invoke('charter:save-article', { fields: { chapterId: crypto.randomUUID(), position: 2, title: 'Article 2', body: 'Texte.' } });
    expect(noChapter).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'fields.chapterId': 'validation.invalid' } } });
    const other = await core.must('charter:save-chapter', { fields: { position: 2, title: 'Autre', summary: '' } });
    const wrongChapter = await core.invoke('charter:save-question', {
      fields: { chapterId: other.id, articleId: charter.article.id, position: 1, prompt: 'Question', accepts: ['agreement'] },
    });
    expect(wrongChapter).toMatchObject({ ok: false, error: { fields: { 'fields.articleId': 'validation.invalid' } } });
    const amendmentWithout = await core.invoke('charter:save-question', {
      fields: { chapterId: other.id, articleId: null, position: 1, prompt: 'Question', accepts: ['amendment'] },
    });
    expect(amendmentWithout).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'fields.articleId': 'validation.amendmentNeedsArticle' } } });
  });

  it('the City’s decision on an article is set with its reason and time, and cleared; an edit of the article keeps it', async () => {
    const decided = await core.must('charter:decide', { id: charter.article.id, version: 1, decision: 'amended', reason: ' Les ateliers ont demandé « chaque projet ». ' });
    expect(decided).toMatchObject({ decision: 'amended', decisionReason: 'Les ateliers ont demandé « chaque projet ».', decidedAt: '2026-03-01T09:00:00.000Z', version: 2 });
    const edited = await core.must('charter:save-article', {
      id: charter.article.id,
      version: 2,
      fields: { chapterId: charter.chapter.id, position: 1, title: 'Article 1 — Associer', body: 'Nouveau texte.' },
    });
    expect(edited).toMatchObject({ decision: 'amended', body: 'Nouveau texte.' });
    const cleared = await core.must('charter:decide', { id: charter.article.id, version: 3, decision: null, reason: 'ignoré' });
    expect(cleared).toMatchObject({ decision: null, decisionReason: null, decidedAt: null });
  });

  it('consultations are listed, the latest opening first; their dates and channels are checked', async () => {
    await core.must('charter:save-consultation', { fields: consultationFields({ title: 'Seconde', opensOn: '2026-09-01', closesOn: '2026-10-01', channels: ['online'] }) });
    expect((await core.must('charter:consultations', {})).items.map((c) => c.title)).toEqual(['Seconde', 'Consultation sur la charte de la participation']);
    const backwards = await core.invoke('charter:save-consultation', { fields: consultationFields({ opensOn: '2026-05-01', closesOn: '2026-04-01' }) });
    expect(backwards).toMatchObject({ ok: false, error: { fields: { 'fields.closesOn': 'validation.endBeforeStart' } } });
    const noChannel = await core.invoke('charter:save-consultation', { fields: consultationFields({ channels: [] }) });
    expect(noChannel).toMatchObject({ ok: false, error: { fields: { 'fields.channels': 'validation.required' } } });
  });

  it('a field laptop edits neither the structure, nor the themes, the consultations or the decisions; it still takes contributions', async () => {
    await asFieldLaptop();
    const refusals = await Promise.all([
      core.invoke('charter:save-chapter', { fields: { position: 3, title: 'Nouveau', summary: '' } }),
      core.invoke('charter:remove-question', { id: charter.propose.id, version: 1 }),
      core.invoke('charter:save-tag', { fields: { label: 'Sport' } }),
      core.invoke('charter:remove-tag', { id: charter.youth.id, version: 1 }),
      core.invoke('charter:save-consultation', { id: charter.consultation.id, version: 1, fields: consultationFields({ title: 'Autre' }) }),
      core.invoke('charter:decide', { id: charter.article.id, version: 1, decision: 'kept', reason: '' }),
    ]);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'validation', fields: { _: 'validation.labOnly' } } });
    expect((await core.must('charter:structure', {})).tags).toHaveLength(2);
    expect(await contribute(agreement(4))).toMatchObject({ ok: true });
  });
});

describe('contributions typed at a workshop', () => {
  it('an agreement by an anonymous individual: channel workshop, its own respondent, tags kept; every field travels', async () => {
    const result = await contribute(agreement(5, [charter.housing.id, charter.housing.id]));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const c = result.value;
    expect(contributionSchema.parse(c)).toEqual(c);
    expect(c).toMatchObject({ channel: 'workshop', type: 'agreement', agreement: 5, text: null, baseText: null, workshopId: workshop.id, tagIds: [charter.housing.id], sheetNumber: null });
    expect(c.respondentKey).toMatch(/^anon:[0-9a-f-]{36}$/);
    const second = await contribute(agreement(2));
    expect(second.ok && second.value.respondentKey).not.toBe(c.respondentKey);
    const [row] = outboxRows(core.sqlite, c.id);
    expect(row).toMatchObject({ op: 'create' });
    expect(Object.keys(row!.fields).sort()).toEqual(Object.keys(c).filter((k) => !['id', 'version', 'createdAt', 'updatedAt'].includes(k)).sort());
    expect(core.events).toContainEqual({ name: 'charter:changed', payload: { id: charter.consultation.id } });
  });

  it('a workshop of a kind without contributions is refused; so is a workshop that does not exist', async () => {
    const pb = await core.must('workshops:create', workshopFields());
    expect(await contribute(agreement(4), individual, pb.id)).toMatchObject({ ok: false, error: { code: 'invalid_transition', fields: { workshopId: 'validation.featureNotOffered' } } });
    expect(await contribute(agreement(4), individual, crypto.randomUUID())).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a consultation without the workshop channel, or outside its dates, takes no workshop contribution', async () => {
    const paperOnly = await core.must('charter:save-consultation', { fields: consultationFields({ channels: ['paper'] }) });
    const r1 = await core.invoke('charter:contribute', { consultationId: paperOnly.id, workshopId: workshop.id, fields: { answer: agreement(3), ...individual } });
    expect(r1).toMatchObject({ ok: false, error: { code: 'invalid_transition', fields: { consultationId: 'validation.channelNotOpen' } } });
    core.setNow('2026-05-01T08:00:00.000Z');
    expect(await contribute(agreement(3))).toMatchObject({ ok: false, error: { fields: { consultationId: 'validation.consultationClosed' } } });
    // 30 April at 23:30 in Paris is still the last day (21:30 UTC).
    core.setNow('2026-04-30T21:30:00.000Z');
    expect(await contribute(agreement(3))).toMatchObject({ ok: true });
  });

  it('the question must be live and take the answer’s type; tags must be the lab’s live ones', async () => {
    const wrongType = await contribute({ ...proposal('Des réunions le soir'), questionId: charter.agree.id });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'fields.answer.type': 'validation.questionDoesNotAccept' } } });
    const unknownTag = await contribute(proposal('Des réunions le soir', [crypto.randomUUID()]));
    expect(unknownTag).toMatchObject({ ok: false, error: { fields: { 'fields.answer.tagIds': 'validation.unknownTag' } } });
    await core.must('charter:remove-tag', { id: charter.youth.id, version: 1 });
    expect(await contribute(proposal('Des réunions le soir', [charter.youth.id]))).toMatchObject({ ok: false, error: { fields: { 'fields.answer.tagIds': 'validation.unknownTag' } } });
    await core.must('charter:remove-question', { id: charter.propose.id, version: 1 });
    expect(await contribute(proposal('Des réunions le soir'))).toMatchObject({ ok: false, error: { fields: { 'fields.answer.questionId': 'validation.notInConsultation' } } });
    // The shared schema: an agreement needs its level, a proposal its text.
    expect(await contribute({ ...agreement(3), agreement: null })).toMatchObject({ ok: false, error: { fields: { 'fields.answer.agreement': 'validation.required' } } });
  });

  it('an amendment copies the article’s current text as its base; the base stays when the article changes later', async () => {
    const amendment = { questionId: charter.amend.id, type: 'amendment' as const, agreement: null, text: 'La Ville associe les habitants à chaque projet, dès le début.', tagIds: [] };
    const result = await contribute(amendment);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ type: 'amendment', baseText: ARTICLE_BODY, text: amendment.text });
    await core.must('charter:save-article', { id: charter.article.id, version: 1, fields: { chapterId: charter.chapter.id, position: 1, title: 'Article 1', body: 'Texte révisé.' } });
    const edited = await core.must('charter:update-contribution', { id: result.value.id, version: 1, fields: { answer: { ...amendment, text: 'Autre formulation.' }, ...individual } });
    expect(edited).toMatchObject({ baseText: ARTICLE_BODY, text: 'Autre formulation.', respondentKey: result.value.respondentKey, version: 2 });
    const later = await contribute(amendment);
    expect(later.ok && later.value.baseText).toBe('Texte révisé.');
  });

  it('a table speaks as one respondent per workshop and label; a profile must be a live profile of this workshop', async () => {
    const t1 = await contribute(agreement(4), { contributor: 'table', profileId: null, tableLabel: ' Table 3 ' });
    const t2 = await contribute(proposal('Des comptes rendus affichés'), { contributor: 'table', profileId: null, tableLabel: 'TABLE 3' });
    expect(t1.ok && t1.value).toMatchObject({ contributor: 'table', tableLabel: 'Table 3', respondentKey: `table:${workshop.id}:table 3` });
    expect(t2.ok && t2.value.respondentKey).toBe(`table:${workshop.id}:table 3`);
    const noLabel = await contribute(agreement(4), { contributor: 'table', profileId: null, tableLabel: '' });
    expect(noLabel).toMatchObject({ ok: false, error: { fields: { 'fields.tableLabel': 'validation.required' } } });

    const { attendance } = await walkIn(core, { workshopId: workshop.id, person: { name: 'Awa' }, consents: [studyYes], profile: profile() });
    const { profile_id: profileId } = core.sqlite.prepare('select profile_id from attendances where id = ?').get(attendance!.id) as { profile_id: string };
    const withProfile = await contribute(agreement(5), { contributor: 'individual', profileId, tableLabel: null });
    expect(withProfile.ok && withProfile.value).toMatchObject({ profileId, respondentKey: `profile:${profileId}` });
    const stranger = await contribute(agreement(5), { contributor: 'individual', profileId: crypto.randomUUID(), tableLabel: null });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'fields.profileId': 'validation.profileNotAtWorkshop' } } });
    const elsewhere = await charterWorkshop(core);
    const otherWorkshop = await contribute(agreement(5), { contributor: 'individual', profileId, tableLabel: null }, elsewhere.id);
    expect(otherWorkshop).toMatchObject({ ok: false, error: { fields: { 'fields.profileId': 'validation.profileNotAtWorkshop' } } });
    // The person chosen in the room's list: their profile is recorded, never the attendance.
    const byAttendance = await contribute(agreement(2), { contributor: 'individual', profileId: null, tableLabel: null, attendanceId: attendance!.id });
    expect(byAttendance.ok && byAttendance.value).toMatchObject({ profileId, respondentKey: `profile:${profileId}` });
    expect(JSON.stringify(byAttendance)).not.toContain(attendance!.id);
    // Someone present without study consent stays an anonymous individual.
    const { attendance: noStudy } = await walkIn(core, { workshopId: workshop.id, person: { name: 'Bilal' }, consents: [], profile: null });
    const anonymous = await contribute(agreement(3), { contributor: 'individual', profileId: null, tableLabel: null, attendanceId: noStudy!.id });
    expect(anonymous.ok && anonymous.value).toMatchObject({ profileId: null, respondentKey: expect.stringMatching(/^anon:/) });
    const notHere = await contribute(agreement(3), { contributor: 'individual', profileId: null, tableLabel: null, attendanceId: attendance!.id }, elsewhere.id);
    expect(notHere).toMatchObject({ ok: false, error: { fields: { 'fields.attendanceId': 'validation.notAtWorkshop' } } });
  });

  it('contributions are listed newest first, filtered by channel, question and workshop; a removed one leaves the list', async () => {
    const first = await contribute(agreement(4));
    core.setNow('2026-03-01T09:05:00.000Z');
    const second = await contribute(proposal('Des réunions le soir'));
    if (!first.ok || !second.ok) throw new Error('contribute failed');
    const all = await core.must('charter:contributions', { consultationId: charter.consultation.id });
    expect(all.items.map((c) => c.id)).toEqual([second.value.id, first.value.id]);
    expect(all.total).toBe(2);
    expect((await core.must('charter:contributions', { consultationId: charter.consultation.id, questionId: charter.agree.id })).items.map((c) => c.id)).toEqual([first.value.id]);
    expect((await core.must('charter:contributions', { consultationId: charter.consultation.id, channel: 'paper' })).total).toBe(0);
    expect((await core.must('charter:contributions', { consultationId: charter.consultation.id, workshopId: workshop.id, limit: 1 })).items).toHaveLength(1);
    await core.must('charter:remove-contribution', { id: first.value.id, version: 1 });
    expect((await core.must('charter:contributions', { consultationId: charter.consultation.id })).total).toBe(1);
  });
});

describe('paper questionnaires', () => {
  const sheet = (sheetNumber: string, answers = [agreement(4), proposal('Plus de réunions le samedi')]) => ({
    consultationId: charter.consultation.id,
    sheetNumber,
    workshopId: null,
    answers,
  });

  it('a sheet’s answers are one respondent, channel paper, with the number upper-cased; the same number again is refused', async () => {
    const typed = await core.must('charter:paper-sheet', sheet(' a-017 '));
    expect(typed.sheetNumber).toBe('A-017');
    expect(typed.contributions).toHaveLength(2);
    for (const c of typed.contributions) expect(c).toMatchObject({ channel: 'paper', sheetNumber: 'A-017', respondentKey: 'sheet:A-017', contributor: 'individual', profileId: null, workshopId: null });
    const again = await core.invoke('charter:paper-sheet', sheet('A-017', [agreement(1)]));
    expect(again).toMatchObject({ ok: false, error: { code: 'validation', fields: { sheetNumber: 'validation.sheetAlreadyTyped' } } });
    expect(await core.must('charter:paper-sheets', { consultationId: charter.consultation.id })).toEqual({
      items: [{ sheetNumber: 'A-017', answers: 2, recordedAt: '2026-03-01T12:00:00.000Z' }],
    });
    const bad = await core.invoke('charter:paper-sheet', sheet('A 18'));
    expect(bad).toMatchObject({ ok: false, error: { fields: { sheetNumber: 'validation.sheetNumber' } } });
  });

  it('an answer refused names its place on the sheet, and nothing of the sheet is written', async () => {
    const result = await core.invoke('charter:paper-sheet', sheet('B-1', [agreement(4), { ...proposal('x'), questionId: charter.agree.id }]));
    expect(result).toMatchObject({ ok: false, error: { fields: { 'answers.1.type': 'validation.questionDoesNotAccept' } } });
    expect((await core.must('charter:contributions', { consultationId: charter.consultation.id })).total).toBe(0);
  });

  it('a consultation without the paper channel takes no sheet', async () => {
    const workshopOnly = await core.must('charter:save-consultation', { fields: consultationFields({ channels: ['workshop'] }) });
    const result = await core.invoke('charter:paper-sheet', { ...sheet('C-1'), consultationId: workshopOnly.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', fields: { consultationId: 'validation.channelNotOpen' } } });
  });

  it('two laptops typing the same sheet make the same ids, so the sync holds one record per answer', async () => {
    const other = await openTestCore();
    try {
      // The same structure on the other laptop, with the same ids, as the sync would bring it.
      const answers = [agreement(2), proposal('Des horaires adaptés')];
      const here = await core.must('charter:paper-sheet', sheet('D-42', answers));
      const rw = await openDataFolder(other.dataDir, { readonly: false });
      for (const table of ['charter_chapters', 'charter_articles', 'charter_questions', 'charter_tags', 'charter_consultations']) {
        const rows = core.sqlite.prepare(`select * from ${table}`).all() as Record<string, unknown>[];
        for (const row of rows) {
          const cols = Object.keys(row);
          rw.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`).run(...cols.map((c) => row[c]));
        }
      }
      rw.close();
      // Typed later the same day on the other laptop.
      other.setNow('2026-03-01T17:45:00.000Z');
      const there = await other.must('charter:paper-sheet', { ...sheet('d-42', answers) });
      expect(there.contributions.map((c) => c.id)).toEqual(here.contributions.map((c) => c.id));
      // What travels is the same too, so the portal merges the second laptop's creates without a conflict.
      for (const c of here.contributions) expect(outboxRows(other.sqlite, c.id)[0]!.fields).toEqual(outboxRows(core.sqlite, c.id)[0]!.fields);
      expect(new Set(here.contributions.map((c) => c.id)).size).toBe(2);
      // Another sheet, or the same answers in another place, are other records.
      const third = await core.must('charter:paper-sheet', sheet('D-43', answers));
      expect(third.contributions.map((c) => c.id)).not.toContain(here.contributions[0]!.id);
    } finally {
      await other.close();
    }
  });

  it('a sheet removed answer by answer can be typed again: the same records come back with what was typed now', async () => {
    const first = await core.must('charter:paper-sheet', sheet('E-5'));
    for (const c of first.contributions) await core.must('charter:remove-contribution', { id: c.id, version: c.version });
    const again = await core.must('charter:paper-sheet', sheet('E-5', [agreement(1), proposal('Autre chose')]));
    expect(again.contributions.map((c) => c.id)).toEqual(first.contributions.map((c) => c.id));
    expect(again.contributions[0]).toMatchObject({ agreement: 1, deletedAt: null });
    expect((await core.must('charter:contributions', { consultationId: charter.consultation.id })).total).toBe(2);
  });
});

describe('the synthesis and the opinion groups through the core', () => {
  it('count the consultation’s live contributions by channel; an unknown consultation is not found', async () => {
    await contribute(agreement(4));
    await core.must('charter:paper-sheet', { consultationId: charter.consultation.id, sheetNumber: 'F-1', workshopId: workshop.id, answers: [agreement(5)] });
    const synthesis = await core.must('charter:synthesis', { consultationId: charter.consultation.id });
    expect(synthesis).toMatchObject({ contributions: 2, respondents: 2 });
    expect(synthesis.byChannel).toEqual(expect.arrayContaining([{ channel: 'workshop', contributions: 1 }, { channel: 'paper', contributions: 1 }]));
    const groups = await core.must('charter:opinion-groups', { consultationId: charter.consultation.id });
    expect(groups).toMatchObject({ computed: false, groups: [] });
    expect(await core.invoke('charter:synthesis', { consultationId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the restitution report is a PDF in the language asked; a removed consultation has none', async () => {
    await contribute(agreement(4));
    const report = await core.must('charter:report', { consultationId: charter.consultation.id, locale: 'en' });
    expect(Buffer.from(report.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(report.pages).toBeGreaterThanOrEqual(1);
    expect(report.fileName).toMatch(/\.pdf$/);
    await core.must('charter:remove-consultation', { id: charter.consultation.id, version: 1 });
    expect(await core.invoke('charter:report', { consultationId: charter.consultation.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
