import { describe, expect, it } from 'vitest';
import { charterSynthesisSchema, type Contribution } from '#shared/charter/charter.schema.js';
import { computeCharterSynthesis, type CharterData } from '#core/charter/synthesis.js';
import { article, chapter, consultation, contribution, largeCharterData, question, tag } from './analysis-fixtures.js';

/** Two chapters; chapter 1 has articles 1 and 2, chapter 2 has article 3 and a general question. */
function charter(): CharterData & { q: ReturnType<typeof question>[] } {
  const c1 = chapter(1, { title: 'Les principes' });
  const c2 = chapter(2, { title: 'Les moyens' });
  const a1 = article(1, c1.id, { title: 'Transparence' });
  const a2 = article(2, c1.id, { title: 'Inclusion', position: 2 });
  const a3 = article(3, c2.id, { title: 'Budget', position: 1 });
  const q = [question(1, c1.id, a1.id), question(2, c1.id, a2.id, { position: 2 }), question(3, c2.id, a3.id), question(4, c2.id, null, { position: 2 })];
  return {
    consultation: consultation(),
    structure: { chapters: [c2, c1], articles: [a3, a2, a1], questions: q, tags: [tag(1, 'Jeunesse'), tag(2, 'Accessibilité'), tag(3, 'Numérique')] },
    contributions: [],
    q,
  };
}

const agreements = (d: CharterData, qi: number, levels: number[], extra: Partial<Contribution> = {}) =>
  levels.map((agreement, i) => contribution(d.consultation.id, d.structure.questions[qi]!, { agreement, respondentKey: `sheet:${qi}-${i}`, channel: 'paper', ...extra }));

describe('the synthesis of a consultation', () => {
  it('counts contributions per channel and per chapter × channel, chapters in the charter order', () => {
    const d = charter();
    const [q1, q2, q3, q4] = d.q;
    const id = d.consultation.id;
    d.contributions = [
      contribution(id, q1!, { channel: 'workshop' }),
      contribution(id, q1!, { channel: 'workshop', type: 'proposal' }),
      contribution(id, q2!, { channel: 'paper' }),
      contribution(id, q3!, { channel: 'online' }),
      contribution(id, q4!, { channel: 'online', type: 'proposal' }),
      contribution(id, q4!, { channel: 'paper' }),
      // Deleted, and another consultation's: not counted.
      contribution(id, q4!, { channel: 'paper', deletedAt: '2025-03-02T00:00:00.000Z' }),
      contribution('other', q4!, { channel: 'paper' }),
    ];
    const s = computeCharterSynthesis(d);
    expect(charterSynthesisSchema.parse(s)).toEqual(s);
    expect(s.contributions).toBe(6);
    expect(s.respondents).toBe(6);
    expect(s.byChannel).toEqual([
      { channel: 'workshop', contributions: 2 },
      { channel: 'paper', contributions: 2 },
      { channel: 'online', contributions: 2 },
    ]);
    expect(s.byChapter.map((c) => [c.title, c.workshop, c.paper, c.online, c.total])).toEqual([
      ['Les principes', 2, 1, 0, 3],
      ['Les moyens', 0, 1, 2, 3],
    ]);
  });

  it('masks each agreement level under five people, zero included, and gives the mean only from five answers', () => {
    const d = charter();
    d.contributions = [
      ...agreements(d, 0, [5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 1, 2]),
      ...agreements(d, 1, [4, 4, 5, 1]),
    ];
    const s = computeCharterSynthesis(d);
    const [a1, a2, a3] = s.agreementByArticle;
    expect(a1).toMatchObject({ title: 'Transparence', answers: 13, levels: [null, null, null, 5, 6] });
    expect(a1!.mean).toBeCloseTo((6 * 5 + 5 * 4 + 1 + 2) / 13, 10);
    // Four answers: every level hidden, no mean.
    expect(a2).toMatchObject({ title: 'Inclusion', answers: 4, levels: [null, null, null, null, null], mean: null });
    // No answers at all: zero is masked too.
    expect(a3).toMatchObject({ title: 'Budget', answers: 0, levels: [null, null, null, null, null], mean: null });
  });

  it('counts a person once per question: their latest answer', () => {
    const d = charter();
    const q1 = d.q[0]!;
    const id = d.consultation.id;
    d.contributions = [
      ...[1, 2, 3, 4].map((i) => contribution(id, q1, { respondentKey: `profile:${i}`, agreement: 5 })),
      contribution(id, q1, { respondentKey: 'profile:9', agreement: 5, recordedAt: '2025-03-01T09:00:00.000Z' }),
      contribution(id, q1, { respondentKey: 'profile:9', agreement: 5, recordedAt: '2025-03-01T11:00:00.000Z' }),
    ];
    expect(computeCharterSynthesis(d).agreementByArticle[0]).toMatchObject({ answers: 5, levels: [null, null, null, null, 5], mean: 5 });
    // The same person changing their mind: the later answer counts, the earlier one is gone.
    d.contributions.push(contribution(id, q1, { respondentKey: 'profile:9', agreement: 1, recordedAt: '2025-03-02T11:00:00.000Z' }));
    expect(computeCharterSynthesis(d).agreementByArticle[0]).toMatchObject({ answers: 5, levels: [null, null, null, null, null], mean: (4 * 5 + 1) / 5 });
  });

  it('ranks the most amended articles and the most used tags, ties in the charter order', () => {
    const d = charter();
    const [q1, q2, q3, q4] = d.q;
    const [jeunesse, access, numerique] = d.structure.tags;
    const id = d.consultation.id;
    const amend = (q: typeof q1, n: number) => Array.from({ length: n }, () => contribution(id, q!, { type: 'amendment', text: 'Nouvelle rédaction', baseText: 'Ancien texte' }));
    d.contributions = [
      ...amend(q2, 3),
      ...amend(q3, 3),
      ...amend(q1, 1),
      contribution(id, q4!, { type: 'proposal', tagIds: [access!.id, jeunesse!.id] }),
      contribution(id, q4!, { type: 'proposal', tagIds: [access!.id, access!.id] }),
      contribution(id, q1!, { tagIds: [jeunesse!.id] }),
      contribution(id, q1!, { tagIds: [access!.id, 'a-deleted-tag'] }),
    ];
    const s = computeCharterSynthesis(d);
    expect(s.mostAmended.map((a) => [a.title, a.amendments])).toEqual([
      ['Inclusion', 3],
      ['Budget', 3],
      ['Transparence', 1],
    ]);
    expect(s.topTags.map((t) => [t.label, t.contributions])).toEqual([
      ['Accessibilité', 3],
      ['Jeunesse', 2],
    ]);
    expect(s.topTags.find((t) => t.tagId === numerique!.id)).toBeUndefined();
  });

  it('is the same for the same contributions in any order', () => {
    const d = largeCharterData(2000, 3);
    const a = computeCharterSynthesis(d);
    const b = computeCharterSynthesis({ ...d, contributions: [...d.contributions].reverse() });
    expect(b).toEqual(a);
    expect(a.contributions).toBe(2000);
    expect(a.byChapter.reduce((s, c) => s + c.total, 0)).toBe(2000);
  });
});
