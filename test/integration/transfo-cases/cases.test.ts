/**
 * The practical cases' commands on the real core (real SQLite file, real migrations, an
 * encrypted data folder): the rules of sessions, journal, state and prototypes, the videos
 * stored and read back, the list at a glance, lab desktops only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDataFolder } from '#test/support/vault.js';
import { outboxRows } from '../../unit/core/test-core.js';
import { casesWorld, jpeg, mp4, webm } from '../../unit/transfo-cases/cases-kit.js';

let world: Awaited<ReturnType<typeof casesWorld>>;
beforeEach(async () => {
  world = await casesWorld();
});
afterEach(async () => {
  await world.close();
});

describe('practical cases on a lab desktop', () => {
  it('opens a case at « framing » with its lists empty, and an update carries only the part it changes', async () => {
    const c = await world.newCase({ methods: ['interviews', 'immersion'] });
    expect(c).toMatchObject({ state: 'framing', insights: [], prototypes: [], decisions: [], nextSteps: [], sessions: [], journal: [], version: 1 });
    const updated = await world.update(c.id, { insights: ['Les familles ne trouvent pas le guichet'] });
    expect(updated).toMatchObject({ ok: true, value: { version: 2, insights: ['Les familles ne trouvent pas le guichet'] } });
    const [, change] = outboxRows(world.core.sqlite, c.id);
    expect(Object.keys(change!.fields)).toEqual(['insights']);
    // A change read at an older version is refused: it was changed elsewhere since.
    expect(await world.core.invoke('transfoCases:update', { id: c.id, version: 1, fields: { question: 'Autre' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('takes as sessions only the training sessions and monthly lab workshops, and dates a journal entry by its session', async () => {
    const c = await world.newCase();
    const training = await world.session('2026-02-10T09:30');
    const monthly = await world.session('2026-02-24T18:00', 'lab_monthly');
    const budget = await world.session('2026-02-12T18:30', 'pb_co_construction');
    expect(await world.update(c.id, { sessions: [training.id, budget.id] })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'fields.sessions.1': 'validation.caseSessionKind' } },
    });
    expect((await world.update(c.id, { sessions: [training.id] })).ok).toBe(true);
    expect(await world.journal(c.id, { workshopId: budget.id, date: null, summary: 'x' })).toMatchObject({
      ok: false,
      error: { fields: { 'entry.workshopId': 'validation.caseSessionKind' } },
    });
    const after = await world.journal(c.id, { workshopId: monthly.id, date: '2026-01-01', summary: 'Restitution au Lab' });
    expect(after).toMatchObject({ ok: true, value: { sessions: [training.id, monthly.id], journal: [{ date: '2026-02-24', workshopId: monthly.id, summary: 'Restitution au Lab' }] } });
  });

  it('is « decided » only with a decision recorded', async () => {
    const c = await world.newCase();
    expect(await world.update(c.id, { state: 'decided' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'fields.state': 'validation.caseDecidedNeedsDecision' } },
    });
    expect((await world.update(c.id, { state: 'decided', decisions: [{ date: '2026-03-04', text: 'Un guichet unique à l’entrée' }] })).ok).toBe(true);
    expect(await world.update(c.id, { decisions: [] })).toMatchObject({ ok: false, error: { fields: { 'fields.decisions': 'validation.caseDecidedNeedsDecision' } } });
  });

  it('stores a video by content, checks its first bytes, reads it back, and a prototype names only media stored here', async () => {
    const { core } = world;
    const bytes = webm(300_000);
    expect(await core.invoke('transfoCases:add-video', { mediaType: 'video/mp4', base64: bytes.toString('base64') })).toMatchObject({
      ok: false,
      error: { fields: { mediaType: 'validation.mediaType' } },
    });
    const video = await core.must('transfoCases:add-video', { mediaType: 'video/webm', base64: bytes.toString('base64') });
    expect(video.size).toBe(300_000);
    const photo = await core.must('attachments:add', { mediaType: 'image/jpeg', base64: jpeg(50_000).toString('base64') });
    const back = await core.must('transfoCases:attachment', { sha256: video.sha256 });
    expect(back.mediaType).toBe('video/webm');
    expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true);
    // A scanned sheet is not a case's medium: not shown here.
    const pdf = await core.must('attachments:add', { mediaType: 'application/pdf', base64: Buffer.from('%PDF-1.4 feuille').toString('base64') });
    expect(await core.invoke('transfoCases:attachment', { sha256: pdf.sha256 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const c = await world.newCase();
    const unknown = 'e'.repeat(64);
    const prototype = (attachments: { sha256: string; mediaType: 'image/jpeg' | 'video/webm' }[]) => [{ title: 'Maquette', description: 'Le guichet en carton', attachments }];
    expect(await world.update(c.id, { prototypes: prototype([{ sha256: photo.sha256, mediaType: 'image/jpeg' }, { sha256: unknown, mediaType: 'video/webm' }]) })).toMatchObject({
      ok: false,
      error: { fields: { 'fields.prototypes.0.attachments.1': 'validation.caseAttachmentUnknown' } },
    });
    // The media type must be the stored one.
    expect((await world.update(c.id, { prototypes: prototype([{ sha256: video.sha256, mediaType: 'image/jpeg' }]) })).ok).toBe(false);
    expect((await world.update(c.id, { prototypes: prototype([{ sha256: photo.sha256, mediaType: 'image/jpeg' }, { sha256: video.sha256, mediaType: 'video/webm' }]) })).ok).toBe(true);
  });

  it('lists a campaign’s cases at a glance, filtered by state and direction', async () => {
    const a = await world.newCase({ title: 'Accueil', direction: 'DDCT' });
    await world.newCase({ title: 'Bibliothèques', direction: 'DAC' });
    await world.update(a.id, {
      state: 'prototyping',
      nextSteps: [
        { text: 'Restituer', owner: 'Inès Lab', due: '2026-03-01', done: false },
        { text: 'Tester', owner: 'Paul Martin (DDCT)', due: '2026-03-20', done: false },
      ],
    });
    await world.journal(a.id, { workshopId: null, date: '2026-02-11', summary: 'Prototype en carton' });
    const all = await world.core.must('transfoCases:list', { campaignId: world.campaign.id });
    expect(all.items.map((c) => c.title)).toEqual(['Accueil', 'Bibliothèques']);
    // The core's clock says 5 March: one step is overdue.
    expect(all.items[0]).toMatchObject({ state: 'prototyping', methods: ['immersion'], sessions: 0, lastJournalDate: '2026-02-11', openNextSteps: 2, overdueNextSteps: 1 });
    expect((await world.core.must('transfoCases:list', { campaignId: world.campaign.id, states: ['framing'] })).items.map((c) => c.title)).toEqual(['Bibliothèques']);
    expect((await world.core.must('transfoCases:list', { campaignId: world.campaign.id, direction: 'DDCT' })).items.map((c) => c.title)).toEqual(['Accueil']);
    expect((await world.core.must('transfoCases:list', { campaignId: world.campaign.id, states: ['decided', 'closed'] })).items).toEqual([]);
  });

  it('refuses every write on a field laptop, beside the field', async () => {
    const c = await world.newCase();
    const rw = await openDataFolder(world.core.dataDir, { readonly: false });
    rw.prepare(`insert into device_meta (key, value) values ('portal_role', 'field') on conflict (key) do update set value = excluded.value`).run();
    rw.close();
    expect(await world.core.invoke('transfoCases:create', { campaignId: world.campaign.id, fields: { title: 'x', direction: 'DAC', service: '', question: '', usersMet: '', methods: [] } })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'fields.title': 'validation.transfoCasesLabOnly' } },
    });
    expect(await world.update(c.id, { question: 'y' })).toMatchObject({ ok: false, error: { fields: { 'fields.question': 'validation.transfoCasesLabOnly' } } });
    expect(await world.core.invoke('transfoCases:add-video', { mediaType: 'video/mp4', base64: mp4(100).toString('base64') })).toMatchObject({
      ok: false,
      error: { fields: { base64: 'validation.transfoCasesLabOnly' } },
    });
  });
});
