/**
 * The balance of La Transfo's cohort (issue 11): each of the lab's rules flags the cohort that
 * breaks it, a balanced 20 is satisfied, and every warning reads the same in the screen's and
 * the PDF's words.
 */
import { describe, expect, it } from 'vitest';
import { fr } from '#shared/i18n/catalogue.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { balanceOf, balanceRulesSchema, defaultBalanceRules, seniorityBands, type BalanceCandidate, type BalanceWarning } from '#shared/transfo/balance.js';
import { balanceNoteText, balanceWarningText, shareText } from '#shared/transfo/balance-text.js';
import { directionCodes, directionCodeSchema } from '#shared/transfo/directions.js';
import type { TransfoCategory } from '#shared/transfo/values.js';

const NBSP = '\u00a0';
const rules = defaultBalanceRules;
const categories: TransfoCategory[] = ['A', 'B', 'C'];
const years = [2, 8, 20];

/** `n` ambassadors over ten directions (two each), every category, half women, every band. */
function ambassadors(n: number, from = 0): BalanceCandidate[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      id: `a${i}`,
      direction: directionCodes[i % 10]!,
      category: categories[i % 3]!,
      gender: i % 2 ? 'woman' : 'man',
      yearsInCity: years[Math.floor(i / 3) % 3]!,
      outcome: 'ambassador',
      stage: 'ambassador',
    };
  });
}
const others: BalanceCandidate[] = [
  { id: 'r1', direction: 'DVD', category: 'C', gender: null, yearsInCity: 30, outcome: 'relais', stage: 'relais' },
  { id: 'n1', direction: 'DVD', category: 'B', gender: 'woman', yearsInCity: 1, outcome: 'not_chosen', stage: 'not_chosen' },
  { id: 'm1', direction: 'DAC', category: 'A', yearsInCity: 3, outcome: null, stage: 'met' },
];
const codes = (warnings: BalanceWarning[]) => warnings.map((w) => w.code);
const with_ = (people: BalanceCandidate[], id: string, change: Partial<BalanceCandidate>) => people.map((c) => (c.id === id ? { ...c, ...change } : c));

describe('the balance of the cohort', () => {
  it('a balanced 20 keeps every rule', () => {
    const b = balanceOf([...ambassadors(20), ...others], rules);
    expect(b.warnings).toEqual([]);
    expect(b.notes).toEqual([]);
    expect(b.satisfied).toBe(true);
    expect(b.totals).toEqual({ candidates: 23, chosen: 20, relais: 1 });
    expect(b.categories.map((r) => [r.key, r.chosen])).toEqual([['A', 7], ['B', 7], ['C', 6]]);
    expect(b.genders.find((r) => r.key === 'unknown')).toMatchObject({ candidates: 2, chosen: 0, relais: 1 });
    expect(b.seniority.map((r) => [r.key, r.candidates])).toEqual([['0-4', 10], ['5-14', 6], ['15+', 7]]);
    // Directions in the City's order, only those with a candidate.
    expect(b.directions.map((r) => r.key)).toEqual([...directionCodes.slice(0, 10), 'DVD']);
    expect(b.directions.find((r) => r.key === 'DVD')).toEqual({ key: 'DVD', candidates: 2, chosen: 0, relais: 1 });
  });

  it('a cohort still being built is under its target, and says how many are missing', () => {
    const b = balanceOf(ambassadors(18), rules);
    expect(b.warnings).toContainEqual({ code: 'under_target', count: 18, target: 20 });
    expect(b.satisfied).toBe(false);
  });

  it('more ambassadors than places are flagged', () => {
    const b = balanceOf(ambassadors(22), rules);
    expect(b.warnings).toEqual([{ code: 'over_target', count: 22, target: 20 }]);
  });

  it('a direction over the maximum is flagged with its count', () => {
    const people = with_(with_(ambassadors(20), 'a1', { direction: 'DAC' }), 'a2', { direction: 'DAC' });
    const b = balanceOf(people, rules);
    expect(b.warnings).toEqual([{ code: 'direction_over', direction: 'DAC', count: 4, max: 3 }]);
    expect(b.satisfied).toBe(false);
    // The rule turned off: no limit.
    expect(balanceOf(people, { ...rules, maxPerDirection: null }).satisfied).toBe(true);
  });

  it('a category without an ambassador is flagged, even with candidates in it', () => {
    const people = ambassadors(20).map((c) => (c.category === 'C' ? { ...c, category: 'B' as const } : c));
    const b = balanceOf([...people, ...others], rules);
    expect(b.warnings).toEqual([{ code: 'category_missing', category: 'C' }]);
    expect(balanceOf(people, { ...rules, everyCategoryRepresented: false }).satisfied).toBe(true);
  });

  it('too few women among the known genders is flagged with the share', () => {
    const people = ambassadors(20).map((c, i) => (i < 8 ? { ...c, gender: 'man' as const } : c));
    // 14 men, 6 women.
    const b = balanceOf(people, rules);
    expect(b.warnings).toEqual([{ code: 'gender_share', gender: 'woman', share: 0.3, min: 0.4 }]);
  });

  it('an unknown gender is noted and left out of the shares, not counted as a gender', () => {
    // 5 unknown: 8 women, 7 men known → both above 40 % of the 15 known.
    const people = ambassadors(20).map((c, i) => (i < 5 ? { ...c, gender: null } : c));
    const b = balanceOf(people, rules);
    expect(b.warnings).toEqual([]);
    expect(b.notes).toEqual([{ code: 'gender_unknown', count: 5 }]);
    expect(b.genders.map((r) => [r.key, r.chosen])).toEqual([['woman', 8], ['man', 7], ['other', 0], ['unknown', 5]]);
    // Counted as a gender, the 5 unknown would have made 7 men 35 % of 20: flagged.
    expect(7 / 20).toBeLessThan(0.4);
  });

  it('the share of women and men is not checked on too few known genders, and says so', () => {
    const people = ambassadors(20).map((c, i) => (i >= 4 ? { ...c, gender: undefined } : c));
    const b = balanceOf(people, rules);
    expect(codes(b.warnings)).not.toContain('gender_share');
    expect(b.notes).toEqual([{ code: 'gender_unchecked', known: 4, minKnown: 5 }, { code: 'gender_unknown', count: 16 }]);
  });

  it('a seniority band without an ambassador is flagged with the band', () => {
    const people = ambassadors(20).map((c) => (c.yearsInCity >= 15 ? { ...c, yearsInCity: 14 } : c));
    const b = balanceOf(people, rules);
    expect(b.warnings).toEqual([{ code: 'seniority_band_missing', band: { key: '15+', from: 15, to: null } }]);
    expect(balanceOf(people, { ...rules, seniorityEdges: [5] }).satisfied).toBe(true);
  });

  it('a withdrawn ambassador no longer fills a seat', () => {
    const b = balanceOf(with_(ambassadors(20), 'a0', { stage: 'withdrew' }), rules);
    expect(b.totals.chosen).toBe(19);
    expect(b.warnings).toEqual([{ code: 'under_target', count: 19, target: 20 }]);
    expect(b.notes).toEqual([{ code: 'withdrew', count: 1 }]);
  });

  it('relais are counted apart, never against the target', () => {
    const people = [...ambassadors(20), ...ambassadors(5, 20).map((c) => ({ ...c, id: `r${c.id}`, outcome: 'relais' as const, stage: 'relais' as const }))];
    const b = balanceOf(people, rules);
    expect(b.totals).toEqual({ candidates: 25, chosen: 20, relais: 5 });
    expect(b.satisfied).toBe(true);
  });

  it('seniority edges make bands from 0', () => {
    expect(seniorityBands([5, 15]).map((b) => b.key)).toEqual(['0-4', '5-14', '15+']);
    expect(seniorityBands([])).toEqual([{ key: '0+', from: 0, to: null }]);
  });
});

describe('the lab’s rules', () => {
  it('the defaults are valid rules', () => {
    expect(balanceRulesSchema.parse(defaultBalanceRules)).toEqual(defaultBalanceRules);
  });

  it.each([
    ['a negative maximum per direction', { maxPerDirection: -1 }],
    ['a maximum of zero', { maxPerDirection: 0 }],
    ['a target of zero', { target: 0 }],
    ['a fractional target', { target: 19.5 }],
    ['a share no two genders can both reach', { genderShare: { min: 0.6, minKnown: 5 } }],
    ['a negative share', { genderShare: { min: -0.1, minKnown: 5 } }],
    ['seniority edges out of order', { seniorityEdges: [15, 5] }],
    ['a repeated seniority edge', { seniorityEdges: [5, 5] }],
    ['an edge at 0 (an empty first band)', { seniorityEdges: [0, 5] }],
    ['a rule the app does not know', { maxPerService: 2 }],
  ])('refuses %s', (_, change) => {
    const parsed = balanceRulesSchema.safeParse({ ...defaultBalanceRules, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.every((i) => i.message.startsWith('validation.'))).toBe(true);
  });

  it('free text never becomes a direction', () => {
    expect(directionCodeSchema.safeParse('DAC').success).toBe(true);
    expect(directionCodeSchema.safeParse('Dir. Culture').success).toBe(false);
    expect(directionCodeSchema.safeParse('dac').success).toBe(false);
  });
});

describe('the balance in words', () => {
  const every: BalanceWarning[] = [
    { code: 'over_target', count: 22, target: 20 },
    { code: 'under_target', count: 18, target: 20 },
    { code: 'direction_over', direction: 'DAC', count: 4, max: 3 },
    { code: 'category_missing', category: 'C' },
    { code: 'gender_share', gender: 'woman', share: 0.3, min: 0.4 },
    { code: 'gender_share', gender: 'man', share: 0.35, min: 0.4 },
    { code: 'seniority_band_missing', band: { key: '15+', from: 15, to: null } },
  ];

  it('says each warning in French, with the numbers and French spacing', () => {
    const t = translatorFor('fr');
    const texts = every.map((w) => balanceWarningText(t, 'fr', w));
    expect(texts).toEqual([
      `Ambassadeur·rices choisi·es${NBSP}: 22 pour 20${NBSP}places, 2 de trop.`,
      `Ambassadeur·rices choisi·es${NBSP}: 18 sur 20, il en manque 2.`,
      `Direction des Affaires culturelles${NBSP}: 4 ambassadeur·rices, pour 3 au plus par direction.`,
      `Catégorie C${NBSP}: aucun·e ambassadeur·rice.`,
      expect.stringMatching(/^Femmes\u00a0: 30\s%.* pour 40\s% au moins\.$/u),
      expect.stringMatching(/^Hommes\u00a0: 35\s%/u),
      `Aucun·e ambassadeur·rice avec une ancienneté de 15${NBSP}ans et plus.`,
    ]);
  });

  it('says each warning and note in English too, with no key or placeholder left', () => {
    const t = translatorFor('en');
    const notes = [
      { code: 'gender_unknown', count: 1 },
      { code: 'gender_unknown', count: 3 },
      { code: 'gender_unchecked', known: 2, minKnown: 5 },
      { code: 'withdrew', count: 2 },
    ] as const;
    const texts = [...every.map((w) => balanceWarningText(t, 'en', w)), ...notes.map((n) => balanceNoteText(t, n))];
    for (const text of texts) expect(text).not.toMatch(/\{\{|transfo\.|_one|_other/u);
    expect(texts[2]).toBe('Cultural Affairs Department: 4 ambassadors, for at most 3 per department.');
    expect(texts[7]).toBe('Gender not given for 1\u00a0ambassador: not counted in the share of women and men.');
    expect(texts[8]).toBe('Gender not given for 3\u00a0ambassadors: not counted in the share of women and men.');
  });

  it('rounds a share down, so a share under the minimum never reads as the minimum', () => {
    expect(shareText(0.3999, 'en')).toBe('39%');
    expect(shareText(0.4, 'en')).toBe('40%');
    expect(shareText(7 / 15, 'en')).toBe('46%');
  });

  it('names every direction in French and English', () => {
    for (const language of ['fr', 'en'] as const) {
      const t = translatorFor(language);
      for (const code of directionCodes) expect(t(`transfo.directions.${code}`)).not.toBe(`transfo.directions.${code}`);
    }
  });

  it('keeps French spacing in every French word of the namespace', () => {
    const leaves = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as object).flatMap(leaves));
    const words = leaves(fr.transfo);
    expect(words.length).toBeGreaterThan(80);
    // No ordinary space (nor none at all) before « : ; ! ? », none inside « ».
    for (const text of words) expect(text).not.toMatch(/(^|[^\u00a0\u202f])[:;!?»]|«[^\u00a0]/u);
  });
});
