/**
 * La Transfo's recruiting on the real core and SQLite: calls, candidates, the stages and their
 * moves (allowed, refused with their reasons), one candidate once per campaign, the version that
 * makes a change made elsewhere a conflict, and lab desktops only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxRows } from '../../unit/core/test-core.js';
import { ACTOR, campaignFields, candidateFields, transfoWorld, type TransfoWorld } from './transfo-kit.js';

let world: TransfoWorld;
beforeEach(async () => {
  world = await transfoWorld();
});
afterEach(async () => {
  await world.close();
});

describe('calls for volunteers', () => {
  it('creates, lists, updates and closes a campaign; a closed one takes no more applications', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    expect(campaign).toMatchObject({ status: 'open', candidates: 0, chosen: 0, balanceRules: { target: 20, maxPerDirection: 3 } });
    await world.candidate(campaign.id);
    const updated = await core.must('transfo:update-campaign', { id: campaign.id, version: campaign.version, fields: campaignFields({ title: 'La Transfo — saison 1' }) });
    expect(updated).toMatchObject({ title: 'La Transfo — saison 1', candidates: 1, version: 2 });
    expect((await core.must('transfo:campaigns', {})).items.map((c) => c.id)).toEqual([campaign.id]);
    expect(core.events).toContainEqual({ name: 'transfo:changed', payload: { id: campaign.id } });

    const closed = await core.must('transfo:close-campaign', { id: campaign.id, version: updated.version });
    expect(closed.status).toBe('closed');
    expect(await core.invoke('transfo:create-candidate', { campaignId: campaign.id, fields: candidateFields() })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', fields: { campaignId: 'validation.campaignNotOpen' } },
    });
  });

  it('refuses a call that closes before it opens, and an update at an old version', async () => {
    const { core } = world;
    expect(await core.invoke('transfo:create-campaign', { fields: campaignFields({ closesOn: '2016-01-01' }) })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'fields.closesOn': 'validation.closesBeforeOpens' } },
    });
    const campaign = await world.campaign();
    await core.must('transfo:update-campaign', { id: campaign.id, version: 1, fields: campaignFields({ title: 'A' }) });
    expect(await core.invoke('transfo:update-campaign', { id: campaign.id, version: 1, fields: campaignFields({ title: 'B' }) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('is the lab’s: a field laptop is refused every write, nothing queued', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    await world.becomeField();
    const before = outboxRows(core.sqlite).length;
    expect(await core.invoke('transfo:create-campaign', { fields: campaignFields() })).toMatchObject({ ok: false, error: { fields: { 'fields.title': 'validation.transfoLabOnly' } } });
    expect(await core.invoke('transfo:create-candidate', { campaignId: campaign.id, fields: candidateFields() })).toMatchObject({
      ok: false,
      error: { fields: { 'fields.fullName': 'validation.transfoLabOnly' } },
    });
    expect(outboxRows(core.sqlite)).toHaveLength(before);
  });
});

describe('candidates', () => {
  it('keeps the name and e-mail in a person, the rest on the candidate, and the application as the first move', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    const c = await world.candidate(campaign.id, { fullName: 'Léa Dubois', email: 'Lea.Dubois@paris.fr', keepForNextCall: true });
    expect(c).toMatchObject({ fullName: 'Léa Dubois', email: 'Lea.Dubois@paris.fr', stage: 'applied', stageChangedBy: ACTOR, erased: false, keepConsentAt: '2016-01-15T09:00:00.000Z' });
    expect(core.sqlite.prepare('select name, email from people where id = ?').get(c.personId)).toEqual({ name: 'Léa Dubois', email: 'Lea.Dubois@paris.fr' });
    expect((await core.must('transfo:history', { id: c.id })).items).toEqual([
      expect.objectContaining({ from: null, to: 'applied', by: ACTOR, at: '2016-01-15T09:00:00.000Z', reason: null }),
    ]);
    // The agreement's date only with the agreement; the agreement needs its date.
    expect(await core.invoke('transfo:create-candidate', { campaignId: campaign.id, fields: candidateFields({ managerAgreedOn: null }) })).toMatchObject({
      ok: false,
      error: { fields: { 'fields.managerAgreedOn': 'validation.managerAgreedOn' } },
    });
    const noAgreement = await world.candidate(campaign.id, { managerAgreement: false, managerAgreedOn: '2016-01-02' });
    expect(noAgreement.managerAgreedOn).toBeNull();
  });

  it('takes one candidate once per campaign: the same e-mail, or the same name in the same direction', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    const other = await world.campaign({ title: 'Appel 2017' });
    await world.candidate(campaign.id, { fullName: 'Léa Dubois', email: 'lea.dubois@paris.fr', direction: 'DAC' });
    const twice = (fields: Parameters<typeof candidateFields>[0]) => core.invoke('transfo:create-candidate', { campaignId: campaign.id, fields: candidateFields(fields) });
    expect(await twice({ fullName: 'LEA  DUBOIS', direction: 'DAC' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'fields.fullName': 'validation.candidateTwice' } } });
    expect(await twice({ fullName: 'Léa Durand', email: ' LEA.DUBOIS@paris.fr ' })).toMatchObject({ ok: false, error: { fields: { 'fields.email': 'validation.candidateTwice' } } });
    // Another direction, or another campaign: another candidate.
    expect((await twice({ fullName: 'Léa Dubois', direction: 'DRH' })).ok).toBe(true);
    expect((await core.invoke('transfo:create-candidate', { campaignId: other.id, fields: candidateFields({ fullName: 'Léa Dubois', direction: 'DAC' }) })).ok).toBe(true);
    // An update that would make a duplicate is refused too; the candidate's own key is not a clash.
    const third = await world.candidate(campaign.id, { fullName: 'Marc Petit' });
    expect(await core.invoke('transfo:update-candidate', { id: third.id, version: third.version, fields: candidateFields({ fullName: 'Léa Dubois', direction: 'DAC' }) })).toMatchObject({
      ok: false,
      error: { fields: { 'fields.fullName': 'validation.candidateTwice' } },
    });
    expect((await core.invoke('transfo:update-candidate', { id: third.id, version: third.version, fields: candidateFields({ fullName: 'Marc Petit', job: 'Jardinier' }) })).ok).toBe(true);
  });

  it('updates a candidate and its person at the version read; an older version is a conflict', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    const c = await world.candidate(campaign.id, { fullName: 'Paul Roux' });
    const updated = await core.must('transfo:update-candidate', { id: c.id, version: c.version, fields: candidateFields({ fullName: 'Paul Leroux', email: 'paul@paris.fr', keepForNextCall: true }) });
    expect(updated).toMatchObject({ fullName: 'Paul Leroux', email: 'paul@paris.fr', version: 2, keepForNextCall: true });
    expect(await core.invoke('transfo:update-candidate', { id: c.id, version: c.version, fields: candidateFields({ fullName: 'Paul R.' }) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.invoke('transfo:move-stage', { id: c.id, version: c.version, to: 'withdrew' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await core.must('transfo:candidate', { id: c.id })).fullName).toBe('Paul Leroux');
  });
});

describe('stages', () => {
  it('moves applied → met → not chosen → met → ambassador, each move dated and attributed', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    const c = await world.candidate(campaign.id);
    expect(await world.move(c.id, 'met')).toMatchObject({ ok: false, error: { code: 'validation', fields: { metBy: 'validation.required', metOn: 'validation.required' } } });
    core.setNow('2016-01-25T10:00:00.000Z');
    expect(await world.move(c.id, 'met', { metBy: 'Nadia (Lab)', metOn: '2016-01-25' })).toMatchObject({ ok: true, value: { stage: 'met', metBy: 'Nadia (Lab)', stageChangedAt: '2016-01-25T10:00:00.000Z' } });
    expect(await world.move(c.id, 'not_chosen')).toMatchObject({ ok: false, error: { fields: { reason: 'validation.required' } } });
    expect(await world.move(c.id, 'not_chosen', { reason: 'Trop de candidats de la DAC.' })).toMatchObject({ ok: true, value: { notChosenReason: 'Trop de candidats de la DAC.' } });
    // Undo: back to met, the meeting kept and the reason gone with the decision.
    expect(await world.move(c.id, 'met')).toMatchObject({ ok: true, value: { stage: 'met', metBy: 'Nadia (Lab)', notChosenReason: null } });
    expect(await world.move(c.id, 'ambassador')).toMatchObject({ ok: true, value: { stage: 'ambassador' } });
    const history = (await core.must('transfo:history', { id: c.id })).items;
    expect(history.map((m) => [m.from, m.to])).toEqual([
      [null, 'applied'],
      ['applied', 'met'],
      ['met', 'not_chosen'],
      ['not_chosen', 'met'],
      ['met', 'ambassador'],
    ]);
    expect(history.every((m) => m.by === ACTOR)).toBe(true);
    expect(history[2]!.reason).toBe('Trop de candidats de la DAC.');
    expect((await core.must('transfo:campaigns', {})).items[0]).toMatchObject({ candidates: 1, chosen: 1 });
  });

  it('refuses the moves the rules do not allow', async () => {
    const campaign = await world.campaign();
    const c = await world.candidate(campaign.id);
    for (const to of ['ambassador', 'relais', 'not_chosen', 'applied'] as const) {
      expect(await world.move(c.id, to, { reason: 'x' }), to).toMatchObject({ ok: false, error: { code: 'invalid_transition', fields: { to: 'validation.stageMove' } } });
    }
    expect((await world.move(c.id, 'withdrew', { reason: 'Mutée en province' })).ok).toBe(true);
    for (const to of ['met', 'applied', 'ambassador'] as const) {
      expect(await world.move(c.id, to, { metBy: 'Nadia', metOn: '2016-01-25' }), to).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    }
    const other = await world.candidate(campaign.id);
    await world.move(other.id, 'met', { metBy: 'Nadia', metOn: '2016-01-25' });
    await world.move(other.id, 'relais');
    expect(await world.move(other.id, 'ambassador')).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });
});
