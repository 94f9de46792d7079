/**
 * La Transfo's cohort on the real core: the balance of a call's candidates by its rules (the
 * decisions counted from the stages, the withdrawn left out), and the letters to those with a
 * decision (one PDF, a page each, and their texts), refused for an undecided candidate.
 */
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBalanceRules } from '#shared/transfo/candidate.schema.js';
import { transfoWorld, type TransfoWorld } from './transfo-kit.js';

let world: TransfoWorld;
beforeEach(async () => {
  world = await transfoWorld();
});
afterEach(async () => {
  await world.close();
});

const met = { metBy: 'Inès Lab', metOn: '2016-01-20' };

async function decide(id: string, to: 'ambassador' | 'relais' | 'not_chosen' | 'withdrew', reason?: string) {
  await world.move(id, 'met', met);
  const moved = await world.move(id, to, reason ? { reason } : {});
  expect(moved.ok).toBe(true);
}

describe('the balance', () => {
  it('counts the ambassadors against the candidates by the campaign’s rules, withdrawals left out', async () => {
    const { core } = world;
    const campaign = await world.campaign({ balanceRules: { ...defaultBalanceRules, target: 4, maxPerDirection: 2, genderShare: null } });
    const a = await world.candidate(campaign.id, { direction: 'DAC', category: 'A', yearsInCity: 2, gender: 'woman' });
    const b = await world.candidate(campaign.id, { direction: 'DAC', category: 'B', yearsInCity: 8, gender: 'man' });
    const c = await world.candidate(campaign.id, { direction: 'DAC', category: 'C', yearsInCity: 20 });
    const d = await world.candidate(campaign.id, { direction: 'DRH', category: 'C', yearsInCity: 3 });
    const e = await world.candidate(campaign.id, { direction: 'DSIN', category: 'A', yearsInCity: 1 });
    for (const x of [a, b, c]) await decide(x.id, 'ambassador');
    await decide(d.id, 'relais');
    await decide(e.id, 'withdrew');

    const balance = await core.must('transfo:balance', { campaignId: campaign.id });
    expect(balance.totals).toEqual({ candidates: 4, chosen: 3, relais: 1 });
    expect(balance.directions).toEqual([
      { key: 'DAC', candidates: 3, chosen: 3, relais: 0 },
      { key: 'DRH', candidates: 1, chosen: 0, relais: 1 },
    ]);
    expect(balance.warnings).toEqual([
      { code: 'under_target', count: 3, target: 4 },
      { code: 'direction_over', direction: 'DAC', count: 3, max: 2 },
    ]);
    expect(balance.notes).toContainEqual({ code: 'withdrew', count: 1 });
    expect(balance.satisfied).toBe(false);

    // One DAC ambassador undone, a DRH one chosen: the rules hold.
    await world.move(c.id, 'met');
    await world.move(c.id, 'relais');
    const f = await world.candidate(campaign.id, { direction: 'DRH', category: 'C', yearsInCity: 30 });
    const g = await world.candidate(campaign.id, { direction: 'DSOL', category: 'B', yearsInCity: 6 });
    await decide(f.id, 'ambassador');
    await decide(g.id, 'ambassador');
    const after = await core.must('transfo:balance', { campaignId: campaign.id });
    expect(after.warnings).toEqual([]);
    expect(after.satisfied).toBe(true);
  });

  it('is not found for an unknown campaign, and is the lab’s', async () => {
    const { core } = world;
    expect(await core.invoke('transfo:balance', { campaignId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const campaign = await world.campaign();
    await world.becomeField();
    expect(await core.invoke('transfo:balance', { campaignId: campaign.id })).toMatchObject({ ok: false, error: { fields: { campaignId: 'validation.transfoLabOnly' } } });
  });
});

describe('the letters', () => {
  it('prints one letter a page to those with a decision, with the texts to paste', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    const amb = await world.candidate(campaign.id, { fullName: 'Awa Diallo' });
    const rel = await world.candidate(campaign.id, { fullName: 'Bruno Petit', direction: 'DRH' });
    const no = await world.candidate(campaign.id, { fullName: 'Chloé Martin', direction: 'DSIN' });
    await decide(amb.id, 'ambassador');
    await decide(rel.id, 'relais');
    await decide(no.id, 'not_chosen', 'Profil déjà représenté : DSIN');

    const letters = await core.must('transfo:letters', {
      campaignId: campaign.id,
      candidateIds: [amb.id, rel.id, no.id],
      signature: 'Camille Durand\nLab d’innovation',
      date: '2016-03-01',
      firstSessionOn: '2016-03-15',
    });
    expect(letters.fileName).toMatch(/\.pdf$/);
    expect(letters.pages).toBe(3);
    const pdf = await PDFDocument.load(Buffer.from(letters.base64, 'base64'));
    expect(pdf.getPageCount()).toBe(3);
    expect(letters.texts.map((t) => [t.candidateId, t.fullName])).toEqual([
      [amb.id, 'Awa Diallo'],
      [rel.id, 'Bruno Petit'],
      [no.id, 'Chloé Martin'],
    ]);
    expect(letters.texts[0]!.text).toContain('ambassadeur·rice');
    expect(letters.texts[0]!.text).toContain('15\u00a0mars 2016');
    expect(letters.texts[2]!.text).toContain('Profil déjà représenté\u00a0: DSIN');
    expect(letters.texts[2]!.text).toContain('Camille Durand\nLab d’innovation');
  });

  it('refuses an undecided candidate and an empty list; a refusal is never without its reason', async () => {
    const { core } = world;
    const campaign = await world.campaign();
    const waiting = await world.candidate(campaign.id);
    const input = { campaignId: campaign.id, signature: 'Camille Durand', date: '2016-03-01' };
    expect(await core.invoke('transfo:letters', { ...input, candidateIds: [waiting.id] })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { candidateIds: 'validation.letterNoDecision' } },
    });
    expect(await core.invoke('transfo:letters', { ...input, candidateIds: [] })).toMatchObject({ ok: false, error: { code: 'validation' } });
    // A reason of blanks is no reason: the move itself is refused, so no letter goes without one.
    const other = await world.candidate(campaign.id, { direction: 'DRH' });
    await world.move(other.id, 'met', met);
    expect(await world.move(other.id, 'not_chosen', { reason: '   ' })).toMatchObject({ ok: false, error: { fields: { reason: 'validation.required' } } });
  });
});
