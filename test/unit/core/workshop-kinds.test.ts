import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workshopKindFeatures } from '#shared/workshops/workshop-kinds.js';
import { workshopKinds } from '#shared/workshops/workshop.schema.js';
import { proposalFields } from '../proposals/proposal-fixtures.js';
import { openTestCore, outboxRows, workshopFields, type TestCore } from './test-core.js';

let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(async () => {
  await core.close();
});

const refusedOnWorkshop = { ok: false, error: { code: 'invalid_transition', fields: { workshopId: 'validation.featureNotOffered' } } };

describe('what each kind of workshop offers', () => {
  it('every kind has the welcome desk; only the participatory-budget co-construction has proposals, supports and the study', () => {
    for (const kind of workshopKinds) {
      expect(workshopKindFeatures[kind].welcomeDesk).toBe(true);
      const pb = kind === 'pb_co_construction';
      expect(workshopKindFeatures[kind]).toMatchObject({ proposals: pb, supports: pb, study: pb });
    }
  });

  it('a proposal cannot be captured at a dataset meetup, and nothing is written', async () => {
    const meetup = await core.must('workshops:create', workshopFields({ kind: 'dataset_meetup', title: 'Rencontre données : les arbres' }));
    expect(await core.invoke('proposals:create', { workshopId: meetup.id, fields: proposalFields() })).toMatchObject(refusedOnWorkshop);
    expect(core.sqlite.prepare('select count(*) as n from proposals').get()).toEqual({ n: 0 });
    expect(outboxRows(core.sqlite).map((r) => r.record_id)).toEqual([meetup.id]);
  });

  it('no dot is given at a lab workshop, even to a proposal of another workshop', async () => {
    const pb = await core.must('workshops:create', workshopFields());
    const lab = await core.must('workshops:create', workshopFields({ kind: 'lab_monthly', title: 'Atelier du Lab' }));
    const proposal = await core.must('proposals:create', { workshopId: pb.id, fields: proposalFields() });
    expect(await core.invoke('supports:addDot', { proposalId: proposal.id, workshopId: lab.id })).toMatchObject(refusedOnWorkshop);
    expect(await core.invoke('supports:grade', { proposalId: proposal.id, workshopId: lab.id, grade: 'adore' })).toMatchObject(refusedOnWorkshop);
    expect(core.sqlite.prepare('select count(*) as n from supports').get()).toEqual({ n: 0 });
    expect(await core.invoke('supports:addDot', { proposalId: proposal.id, workshopId: pb.id })).toMatchObject({ ok: true });
  });

  it('a Citizen Card atelier has no study dashboard, but welcomes people at the door', async () => {
    const atelier = await core.must('workshops:create', workshopFields({ kind: 'citizen_card_atelier', title: 'Carte citoyenne' }));
    expect(await core.invoke('study:dashboard', { scope: 'workshop', workshopId: atelier.id })).toMatchObject(refusedOnWorkshop);
    const arrival = await core.must('attendance:walk-in', { workshopId: atelier.id, person: { name: 'Awa' }, recordedBy: 'Camille' });
    expect(arrival.counts.present).toBe(1);
  });
});
