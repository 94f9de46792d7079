/**
 * Practical cases travel between lab desktops through the portal (SQLite and PostgreSQL): the
 * case with its sessions, journal and prototypes, the prototypes' photo and video before it; the
 * same part edited on two desks at once is a field conflict both desks show, a person resolves;
 * a field laptop neither writes nor receives a case.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TransfoCase } from '#shared/transfo/case.schema.js';
import { defaultBalanceRules } from '#shared/transfo/candidate.schema.js';
import { startPortal, testBackends } from '../portal/portal-harness.js';
import { startLaptop, type TestLaptop } from '../sync/device-harness.js';
import { jpeg, mp4, opening } from '../../unit/transfo-cases/cases-kit.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** What every desk must agree on: the synced fields. */
const synced = ({ version: _v, createdAt: _c, updatedAt: _u, ...fields }: TransfoCase) => fields;

describe.each(testBackends())('practical cases between two lab desktops (%s)', (backend) => {
  it('a case, its sessions, journal and media reach the other desk; a part edited on both is a conflict a person resolves', async () => {
    const portal = await startPortal(backend);
    cleanups.push(() => portal.close());
    const a = await startLaptop('lab-a');
    const b = await startLaptop('lab-b');
    const field = await startLaptop('goutte-dor');
    cleanups.push(() => a.close(), () => b.close(), () => field.close());
    await a.enrol(portal.url, await portal.newCode('lab'));
    await b.enrol(portal.url, await portal.newCode('lab'));
    await field.enrol(portal.url, await portal.newCode('field'));

    const campaign = await a.must('transfo:create-campaign', {
      fields: { title: 'La Transfo 2026', opensOn: '2026-01-05', closesOn: '2026-01-30', profileSought: '', balanceRules: defaultBalanceRules },
    });
    const session = await a.createWorkshop({ kind: 'la_transfo_training', title: 'Formation — séance 3', startsAt: '2026-02-10T09:30', endsAt: '2026-02-10T17:00' });
    const created = await a.must('transfoCases:create', { campaignId: campaign.id, fields: opening() });
    const photo = await a.must('attachments:add', { mediaType: 'image/jpeg', base64: jpeg(1_500_000).toString('base64') });
    const video = await a.must('transfoCases:add-video', { mediaType: 'video/mp4', base64: mp4(2_000_000).toString('base64') });
    let onA = await a.must('transfoCases:add-journal-entry', { id: created.id, version: 1, entry: { workshopId: session.id, date: null, summary: 'Prototype testé' } });
    onA = await a.must('transfoCases:update', {
      id: created.id,
      version: onA.version,
      fields: {
        prototypes: [{ title: 'Le guichet en carton', description: 'Des familles le testent', attachments: [{ sha256: photo.sha256, mediaType: 'image/jpeg' }, { sha256: video.sha256, mediaType: 'video/mp4' }] }],
        nextSteps: [{ text: 'Restituer à la mairie', owner: 'Paul Martin (DDCT)', due: '2026-03-20', done: false }],
      },
    });

    expect(await a.syncUntilSettled()).toMatchObject({ pending: 0, rejected: 0, lastError: null });
    await b.syncUntilSettled();
    // The media reached the portal whole, before the case that names them.
    const onPortal = await portal.db.selectFrom('attachments').select(['sha256', 'complete']).execute();
    expect(onPortal.filter((r) => Number(r.complete) === 1).map((r) => r.sha256).sort()).toEqual([photo.sha256, video.sha256].sort());
    let onB = await b.must('transfoCases:get', { id: created.id });
    expect(synced(onB)).toEqual(synced(onA));
    expect((await b.must('transfoCases:list', { campaignId: campaign.id })).items[0]).toMatchObject({ sessions: 1, lastJournalDate: '2026-02-10', openNextSteps: 1 });

    // The same part on both desks, before either hears of the other.
    await a.must('transfoCases:update', { id: created.id, version: onA.version, fields: { question: 'Comment accueillir les familles le samedi\u00a0?' } });
    await b.must('transfoCases:update', { id: created.id, version: onB.version, fields: { question: 'Comment orienter les familles dès l’entrée\u00a0?' } });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const desk of [a, b] as TestLaptop[]) {
      const conflicts = await desk.must('sync:conflicts', {});
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ entity: 'transfo_case', recordId: created.id, field: 'question' });
    }
    const [conflict] = await b.must('sync:conflicts', {});
    const choice = conflict!.candidates.findIndex((c) => c.value === 'Comment orienter les familles dès l’entrée\u00a0?');
    expect(choice).toBeGreaterThanOrEqual(0);
    expect((await b.must('sync:resolve', { entity: 'transfo_case', recordId: created.id, field: 'question', choice })).conflicts).toBe(0);
    await b.syncUntilSettled();
    await a.syncUntilSettled();
    expect(await a.must('sync:conflicts', {})).toEqual([]);
    onA = await a.must('transfoCases:get', { id: created.id });
    onB = await b.must('transfoCases:get', { id: created.id });
    expect(onA.question).toBe('Comment orienter les familles dès l’entrée\u00a0?');
    expect(synced(onB)).toEqual(synced(onA));

    // A field laptop neither writes a case nor receives one.
    await field.syncUntilSettled();
    expect(await field.invoke('transfoCases:get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await field.invoke('transfoCases:create', { campaignId: campaign.id, fields: opening() })).toMatchObject({ ok: false });
  });
});
