import { describe, expect, it } from 'vitest';
import { opinionGroupsSchema } from '#shared/charter/charter.schema.js';
import { computeOpinionGroups, silhouette } from '#core/charter/opinion-groups.js';
import { campsData, charterStructure, consultation, contribution } from './analysis-fixtures.js';

describe('opinion groups', () => {
  it('finds two planted camps of 30 and 30, each described by the statements that set it apart', () => {
    const d = campsData(60, 8, 2, 0.05);
    const g = computeOpinionGroups(d);
    expect(opinionGroupsSchema.parse(g)).toEqual(g);
    expect(g).toMatchObject({ computed: true, participants: 60, statements: 8, hiddenParticipants: 0 });
    expect(g.groups.map((x) => x.size)).toEqual([30, 30]);
    // Camp 0 (even respondents) agrees with even statements (questions 1, 3, 5, 7 in the charter),
    // camp 1 with odd ones: each group's distinctive statements are where it differs most.
    for (const group of g.groups) {
      expect(group.distinctive).toHaveLength(5);
      for (const s of group.distinctive) expect(Math.abs(s.agree - s.othersAgree)).toBeGreaterThan(0.7);
    }
    const agreedBy = g.groups.map((group) =>
      group.distinctive
        .filter((s) => s.agree > 0.8)
        .map((s) => s.prompt)
        .sort(),
    );
    const prompts = (parity: number) => d.structure.questions.filter((_, i) => i % 2 === parity).map((q) => q.prompt).sort();
    expect(agreedBy.map((p) => p.every((x) => prompts(0).includes(x)) || p.every((x) => prompts(1).includes(x)))).toEqual([true, true]);
    expect(new Set(agreedBy.flat()).size).toBe(agreedBy.flat().length);
    expect(g.consensus).toEqual([]);
  });

  it('finds the statement every group agrees on', () => {
    const d = campsData(60, 6, 2, 0.05, 11);
    const consensusQ = d.structure.questions[5]!;
    // Everybody agrees with the last statement.
    d.contributions = d.contributions.map((c) => (c.questionId === consensusQ.id ? { ...c, agreement: c.respondentKey.endsWith('7') ? 3 : 5 } : c));
    const g = computeOpinionGroups(d);
    expect(g.groups).toHaveLength(2);
    expect(g.consensus.map((s) => s.prompt)).toEqual([consensusQ.prompt]);
    expect(g.consensus[0]!.agree).toBeCloseTo(54 / 60, 10);
    expect(g.consensus[0]!.disagree).toBe(0);
  });

  it('never shows a group under five people; its people are counted as hidden', () => {
    // 30 + 30 + a third camp of 3 who disagree with everything.
    const d = campsData(60, 8, 2, 0);
    const q = d.structure.questions;
    for (let p = 0; p < 3; p++)
      for (const question of q) d.contributions.push(contribution(d.consultation.id, question, { respondentKey: `online:outlier-${p}`, agreement: 3 }));
    const g = computeOpinionGroups(d);
    expect(g.participants).toBe(63);
    for (const group of g.groups) expect(group.size).toBeGreaterThanOrEqual(5);
    const shown = g.groups.reduce((s, x) => s + x.size, 0);
    expect(shown + g.hiddenParticipants).toBe(63);
    expect(g.hiddenParticipants).toBe(3);
    expect(g.groups.map((x) => x.number)).toEqual(g.groups.map((_, i) => i + 1));
  });

  it('is the same for the same input, in any order of contributions, and for the same seed', () => {
    const d = campsData(90, 12, 3, 0.2, 5);
    const a = computeOpinionGroups(d);
    const b = computeOpinionGroups({ ...d, contributions: [...d.contributions].reverse() });
    expect(b).toEqual(a);
    expect(computeOpinionGroups(d, { seed: 42 })).toEqual(computeOpinionGroups(d, { seed: 42 }));
    expect(a.groups.length).toBeGreaterThanOrEqual(2);
  });

  it('finds three camps among 900 people (the silhouette over an evenly spaced sample of them)', () => {
    const g = computeOpinionGroups(campsData(900, 12, 3, 0.1, 13, 0.8));
    expect(g).toMatchObject({ computed: true, participants: 900, hiddenParticipants: 0 });
    // Noise and unanswered statements may put one person or two on the wrong side.
    expect(g.groups).toHaveLength(3);
    for (const group of g.groups) expect(Math.abs(group.size - 300)).toBeLessThanOrEqual(5);
  });

  it('is not computed with fewer than 10 respondents or 3 statements, and leaves out thin statements and respondents', () => {
    expect(computeOpinionGroups(campsData(9, 8))).toMatchObject({ computed: false, participants: 9, statements: 8, groups: [], consensus: [] });
    expect(computeOpinionGroups(campsData(40, 2))).toMatchObject({ computed: false, participants: 0, statements: 2, groups: [] });

    const d = campsData(20, 4, 2, 0);
    const extra = charterStructure(1, 6, 0).questions[5]!;
    const thin = { ...extra, id: 'thin-question', prompt: 'Peu de réponses' };
    d.structure.questions.push(thin);
    // Four answers only: not a statement. A respondent with two agreements only: not a participant.
    for (let p = 0; p < 4; p++) d.contributions.push(contribution(d.consultation.id, thin, { respondentKey: `online:${p}`, agreement: 5 }));
    for (const q of d.structure.questions.slice(0, 2)) d.contributions.push(contribution(d.consultation.id, q, { respondentKey: 'online:late', agreement: 5 }));
    // Proposals are not agreements.
    d.contributions.push(contribution(d.consultation.id, d.structure.questions[0]!, { type: 'proposal', respondentKey: 'online:p' }));
    const g = computeOpinionGroups(d);
    expect(g).toMatchObject({ computed: true, participants: 20, statements: 4 });
  });

  it('works without a consultation’s live records being given in order, and ignores deleted ones', () => {
    const d = campsData(30, 5, 2, 0);
    const withDeleted = { ...d, contributions: [...d.contributions, ...d.contributions.map((c) => ({ ...c, id: `${c.id}-x`, agreement: 3, recordedAt: '2030-01-01T00:00:00.000Z', deletedAt: '2030-01-01T00:00:00.000Z' }))] };
    expect(computeOpinionGroups(withDeleted)).toEqual(computeOpinionGroups(d));
    expect(computeOpinionGroups({ ...d, consultation: consultation({ id: 'another' }) })).toMatchObject({ computed: false, participants: 0 });
  });
});

describe('the silhouette', () => {
  it('is near 1 for two far apart clumps, and near 0 or below for a split of one clump', () => {
    const points = [
      [0, 0],
      [0, 0.1],
      [0.1, 0],
      [10, 10],
      [10, 10.1],
      [10.1, 10],
    ];
    expect(silhouette(points, [0, 0, 0, 1, 1, 1], 2)).toBeGreaterThan(0.95);
    expect(silhouette(points, [0, 1, 0, 1, 0, 1], 2)).toBeLessThan(0.1);
  });
});
