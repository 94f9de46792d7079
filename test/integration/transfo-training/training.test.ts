/**
 * La Transfo's training on the real core (real migrations, real dispatch, an encrypted data
 * folder): the seven modules in one command, a session and its workshop in one transaction,
 * attendance day by day for the cohort's agents only, the matrix and who is behind, and the
 * erasure of an agent that takes their attendance with them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { designMethods } from '#shared/transfo/methods.js';
import { transfoWorld, type TransfoWorld } from '../transfo/transfo-kit.js';
import { cohort, sessionWorkshop, type Call } from './training-kit.js';

let world: TransfoWorld;
let call: Call;
beforeEach(async () => {
  world = await transfoWorld({ now: '2016-03-20T09:00:00.000Z' });
  call = (name, input) => world.core.must(name, input as never);
});
afterEach(async () => {
  await world.close();
});

describe('La Transfo training', () => {
  it('creates the seven modules once, in French, and edits one', async () => {
    const { campaign, modules } = await cohort(call);
    expect(modules.map((m) => m.method)).toEqual([...designMethods]);
    expect(modules[0]).toMatchObject({ title: 'S’immerger dans le quotidien des usagers', order: 1 });
    const again = await call('transfoTraining:create-method-modules', { campaignId: campaign.id });
    expect(again.items).toHaveLength(7);
    const first = modules[0]!;
    const edited = await call('transfoTraining:update-module', { id: first.id, version: first.version, fields: { method: 'immersion', title: 'Immersion au CASVP', objectives: 'Une journée au guichet.', order: 1 } });
    expect(edited).toMatchObject({ title: 'Immersion au CASVP', version: 2 });
    const stale = await world.core.invoke('transfoTraining:update-module', { id: first.id, version: first.version, fields: { method: 'immersion', title: 'Autre', objectives: '', order: 1 } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('writes the workshop and its session together, and refuses a day outside it or a module of no one', async () => {
    const { campaign, session, byMethod } = await cohort(call);
    const workshop = await call('workshops:get', { id: session.workshop.id });
    expect(workshop).toMatchObject({ kind: 'la_transfo_training', title: 'Session de mars — observer et interroger', arrondissement: 4, facilitators: ['Nadia Lab'] });
    expect((await call('transfoTraining:sessions', { campaignId: campaign.id })).items.map((s) => s.id)).toEqual([session.id]);

    const outside = await world.core.invoke('transfoTraining:create-session', {
      campaignId: campaign.id,
      workshop: sessionWorkshop(),
      session: { days: [{ date: '2016-03-07', moduleIds: [] }, { date: '2016-03-09', moduleIds: [] }], facilitators: [], residentDesigners: [] },
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'session.days.1.date': 'validation.dayOutsideWorkshop' } } });
    const unknown = await world.core.invoke('transfoTraining:create-session', {
      campaignId: campaign.id,
      workshop: sessionWorkshop(),
      session: { days: [{ date: '2016-03-07', moduleIds: [byMethod.video!.id, session.id] }], facilitators: [], residentDesigners: [] },
    });
    expect(unknown).toMatchObject({ ok: false, error: { fields: { 'session.days.0.moduleIds': 'validation.unknownModule' } } });
    // Nothing half-written: the refused sessions left no workshop behind.
    expect((await call('workshops:list', { kind: 'la_transfo_training', limit: 50 })).total).toBe(1);

    const other = await call('workshops:create', { ...sessionWorkshop(), kind: 'lab_monthly', description: '', inQpv: false, capacity: null, partners: [], facilitators: [] });
    const attach = await world.core.invoke('transfoTraining:attach-session', { campaignId: campaign.id, workshopId: other.id, session: { days: [{ date: '2016-03-07', moduleIds: [] }], facilitators: [], residentDesigners: [] } });
    expect(attach).toMatchObject({ ok: false, error: { fields: { workshopId: 'validation.notTrainingWorkshop' } } });
    const twice = await world.core.invoke('transfoTraining:attach-session', { campaignId: campaign.id, workshopId: session.workshop.id, session: { days: [{ date: '2016-03-07', moduleIds: [] }], facilitators: [], residentDesigners: [] } });
    expect(twice).toMatchObject({ ok: false, error: { fields: { workshopId: 'validation.sessionExists' } } });
  });

  it('records attendance for agents only, once per day, and shows who is behind', async () => {
    const { campaign, session, ada, bea, remi, outsider, gone, byMethod } = await cohort(call);
    const record = (candidateId: string, day: number, status: string) => world.core.invoke('transfoTraining:record-attendance', { sessionId: session.id, day, candidateId, status: status as never });
    expect(await record(outsider.id, 0, 'present')).toMatchObject({ ok: false, error: { fields: { candidateId: 'validation.notAnAgent' } } });
    expect(await record(gone.id, 0, 'present')).toMatchObject({ ok: false, error: { fields: { candidateId: 'validation.notAnAgent' } } });
    expect(await record(ada.id, 2, 'present')).toMatchObject({ ok: false, error: { fields: { day: 'validation.sessionDay' } } });

    await record(ada.id, 0, 'present');
    await record(ada.id, 1, 'absent');
    await record(ada.id, 1, 'present'); // recorded again: updated, not doubled
    await record(bea.id, 0, 'excused');
    await record(bea.id, 1, 'absent');
    await record(remi.id, 0, 'absent');
    await record(remi.id, 1, 'present');
    const sheet = await call('transfoTraining:attendance', { id: session.id });
    expect(sheet.agents.map((a) => a.fullName)).toEqual(['Ada Lovelace', 'Béatrice Hamon', 'Rémi Relais']);
    expect(sheet.attendance).toHaveLength(6);
    expect(sheet.attendance.find((a) => a.candidateId === ada.id && a.day === 1)).toMatchObject({ status: 'present', version: 2 });

    const matrix = await call('transfoTraining:matrix', { campaignId: campaign.id });
    const column = (method: string) => matrix.modules.findIndex((m) => m.method === method);
    const row = (id: string) => matrix.rows.find((r) => r.agent.candidateId === id)!;
    expect(row(ada.id).states[column('observation')]).toBe('followed');
    expect(row(remi.id).states[column('interviews')]).toBe('followed');
    expect(row(bea.id).states[column('observation')]).toBe('missed');
    expect(row(bea.id).states[column('interviews')]).toBe('missed');
    expect(row(ada.id).states[column('video')]).toBe('not_yet');
    expect(matrix.behind.map((r) => [r.agent.fullName, r.missed, r.rate])).toEqual([['Béatrice Hamon', 2, 0]]);
    expect(byMethod.video).toBeDefined();
  });

  it('is refused on a field laptop', async () => {
    const { campaign } = await cohort(call);
    await world.becomeField();
    const refused = await world.core.invoke('transfoTraining:create-module', { campaignId: campaign.id, fields: { method: 'video', title: 'Vidéo', objectives: '', order: 9 } });
    expect(refused).toMatchObject({ ok: false, error: { fields: { 'fields.title': 'validation.transfoLabOnly' } } });
  });

  it('the erasure of an agent erases their attendance too', async () => {
    const { campaign, session, ada, bea } = await cohort(call);
    await call('transfoTraining:record-attendance', { sessionId: session.id, day: 0, candidateId: ada.id, status: 'absent' });
    await call('transfoTraining:record-attendance', { sessionId: session.id, day: 1, candidateId: ada.id, status: 'excused' });
    await call('transfoTraining:record-attendance', { sessionId: session.id, day: 0, candidateId: bea.id, status: 'present' });
    const report = await call('people:access', { personId: ada.personId, actor: 'Inès Lab' });
    expect(report.identities.filter((i) => i.entity === 'transfo_attendance')).toHaveLength(2);

    await call('people:erase', { personId: ada.personId, actor: 'Inès Lab', confirm: true });
    const rows = world.core.sqlite.prepare('select candidate_id, status from transfo_attendances order by candidate_id = ? desc').all(ada.id) as { candidate_id: string; status: string | null }[];
    expect(rows.filter((r) => r.candidate_id === ada.id).map((r) => r.status)).toEqual([null, null]);
    expect(rows.find((r) => r.candidate_id === bea.id)?.status).toBe('present');
    const erasure = world.core.sqlite.prepare('select targets from erasures where id = ?').get(ada.personId) as { targets: string };
    expect(JSON.parse(erasure.targets).filter((t: { entity: string }) => t.entity === 'transfo_attendance')).toHaveLength(2);
    const matrix = await call('transfoTraining:matrix', { campaignId: campaign.id });
    const adaRow = matrix.rows.find((r) => r.agent.candidateId === ada.id)!;
    expect(adaRow).toMatchObject({ agent: { fullName: null }, missed: 0, rate: null });
  });
});
