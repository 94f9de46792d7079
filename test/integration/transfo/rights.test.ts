/**
 * A candidate is an identity like any other: the lab's search of the people recorded finds them,
 * the access report lists their application and its moves, an erasure at their request wipes the
 * application with the name, and a candidate kept after the campaign (chosen, or agreeing to be
 * kept) falls under the lab's retention period, counted from the last move of the application.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInDatabase } from '../../unit/people/rights-kit.js';
import { transfoWorld, type TransfoWorld } from './transfo-kit.js';

let world: TransfoWorld;
beforeEach(async () => {
  world = await transfoWorld();
});
afterEach(async () => {
  await world.close();
});

describe('the rights of the people recorded cover candidates', () => {
  it('finds a candidate, reports their application and its moves, erases it on request', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    const c = await world.candidate(campaign.id, { fullName: 'Honorine Vasseur-Klein', email: 'honorine.vasseur@paris.fr', motivation: 'Les ateliers Vasseur' });
    await world.move(c.id, 'withdrew', { reason: 'Départ chez Vasseur & fils' });
    const [found] = (await core.must('people:search', { query: 'vasseur', actor: 'Inès Lab' })).items;
    expect(found).toMatchObject({ id: c.personId, name: 'Honorine Vasseur-Klein' });
    const report = await core.must('people:access', { personId: c.personId, actor: 'Inès Lab' });
    expect(report.identities.map((i) => i.entity).sort()).toEqual(['person', 'transfo_candidate', 'transfo_stage_move', 'transfo_stage_move']);

    await core.must('people:erase', { personId: c.personId, actor: 'Inès Lab', confirm: true });
    expect(findInDatabase(core.sqlite, ['Vasseur', 'vasseur'])).toEqual([]);
    expect(await core.must('transfo:candidate', { id: c.id })).toMatchObject({ erased: true, fullName: null, stage: 'withdrew' });
    expect(await world.move(c.id, 'met', { metBy: 'x', metOn: '2016-01-25' })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('keeps a kept candidate for the retention period after the last move of their application', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    core.setNow('2016-03-01T10:00:00.000Z');
    const kept = await world.candidate(campaign.id, { keepForNextCall: true });
    await world.move(kept.id, 'withdrew');
    const due = async (at: string) => {
      core.setNow(at);
      return (await core.must('people:retention', { actor: 'Inès Lab' })).dueNow;
    };
    expect(await due('2017-02-20T10:00:00.000Z')).toBe(0);
    expect(await due('2017-03-05T10:00:00.000Z')).toBe(1);
  });
});
