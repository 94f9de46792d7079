/**
 * Small-cell masking, checked against an attacker who knows the rule, the table's total and
 * every cell shown, and solves for the masked ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskDashboard, maskPartition, maskTable, SMALL_CELL_THRESHOLD, type RawDashboard } from '#shared/study/masking.js';
import type { MaskReason } from '#shared/study/study.schema.js';

/**
 * What an attacker can deduce about each masked cell: the interval of values consistent with
 * the total, the shown cells and the published meaning of the marks (« < 5 » is 0–4,
 * « masqué » is 5 or more). The interval is exact for box constraints on a known sum.
 */
function attackerIntervals(values: number[], masked: (MaskReason | false)[]): Map<number, [number, number]> {
  const total = values.reduce((a, b) => a + b, 0);
  const idx = values.map((_, i) => i).filter((i) => masked[i]);
  const d = total - values.reduce((sum, v, i) => (masked[i] ? sum : sum + v), 0);
  const lo = (i: number) => (masked[i] === 'small' ? 0 : SMALL_CELL_THRESHOLD);
  const hi = (i: number) => (masked[i] === 'small' ? SMALL_CELL_THRESHOLD - 1 : total);
  const out = new Map<number, [number, number]>();
  for (const i of idx) {
    const othersLo = idx.filter((j) => j !== i).reduce((s, j) => s + lo(j), 0);
    const othersHi = idx.filter((j) => j !== i).reduce((s, j) => s + hi(j), 0);
    out.set(i, [Math.max(lo(i), d - othersHi), Math.min(hi(i), d - othersLo)]);
  }
  return out;
}

describe('small-cell masking', () => {
  it('masks every count of people under five, zero included, and keeps the others', () => {
    expect(maskPartition([0, 1, 4, 5, 12, 30])).toEqual(['small', 'small', 'small', false, false, false]);
    expect(maskPartition([7, 9, 12])).toEqual([false, false, false]);
    // All the small ones are 0: nobody to recognise, nothing more to hide.
    expect(maskPartition([0, 9, 0])).toEqual(['small', false, 'small']);
  });

  it('hides a second cell when only one is small, so that total minus the others gives nothing', () => {
    // 3 people in the QPV, 20 outside, 9 unknown: without the complement, 32 − 20 − 9 = 3.
    const masked = maskPartition([3, 20, 9]);
    expect(masked).toEqual(['small', false, 'complement']);
    const [lo, hi] = attackerIntervals([3, 20, 9], masked).get(0)!;
    expect(hi).toBeGreaterThan(lo);
  });

  it('hides a complement when the small cells together are under five, or can only be all 4s', () => {
    // 1 + 3 = 4 people « not in the shown cells » would be a group under five.
    expect(maskPartition([1, 3, 5, 12])).toEqual(['small', 'small', 'complement', false]);
    // 4 + 4: both would be known to be 4.
    expect(maskPartition([4, 4, 9, 6])).toEqual(['small', 'small', false, 'complement']);
  });

  it('never lets the attacker pin a small cell, nor find a group under five among the masked (any table)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 2, maxLength: 12 }), (values) => {
        const masked = maskPartition(values);
        const intervals = attackerIntervals(values, masked);
        const allSmall = values.every((v) => v < SMALL_CELL_THRESHOLD);
        for (const [i, [lo, hi]] of intervals) {
          expect(values[i]).toBeGreaterThanOrEqual(lo);
          expect(values[i]).toBeLessThanOrEqual(hi);
          const small = values[i]! >= 1 && values[i]! < SMALL_CELL_THRESHOLD;
          // The one documented edge: every cell small and all of them exactly 4.
          const edge = allSmall && values.every((v) => v === SMALL_CELL_THRESHOLD - 1);
          if (small && !edge) expect(hi, `cell ${i} of ${JSON.stringify(values)}`).toBeGreaterThan(lo);
        }
        const hidden = values.reduce((sum, v, i) => (masked[i] ? sum + v : sum), 0);
        if (!allSmall) expect(hidden === 0 || hidden >= SMALL_CELL_THRESHOLD, JSON.stringify(values)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes the value of a masked cell into the answer', () => {
    const table = maskTable(
      { id: 'livesInQpv', measure: 'people', cells: [{ key: 'yes', value: 2 }, { key: 'no', value: 11 }, { key: 'unknown', value: 6 }] },
      { key: 'total', value: 19, masked: false },
    );
    expect(table.cells).toEqual([
      { key: 'yes', value: null, masked: 'small' },
      { key: 'no', value: 11, masked: false },
      { key: 'unknown', value: null, masked: 'complement' },
    ]);
    expect(JSON.stringify(table)).not.toMatch(/"value":(2|6)\b/);
  });

  it('leaves counts of proposals alone: they are ideas, not people', () => {
    const table = maskTable(
      { id: 'theme', measure: 'proposals', cells: [{ key: 'sport', value: 1 }, { key: 'sante', value: 0 }] },
      { key: 'total', value: 1, masked: false },
    );
    expect(table.cells.map((c) => c.value)).toEqual([1, 0]);
  });

  it('masks the headline and every attendance total when fewer than five people gave a profile', () => {
    const raw: RawDashboard = {
      query: { scope: 'all', workshopId: null, workshopTitle: null, from: null, to: null, arrondissement: null },
      workshops: 1,
      participants: 12,
      withProfile: 3,
      proposals: 2,
      supports: 4,
      dots: 6,
      attendance: [{ id: 'ageBracket', measure: 'people', cells: [{ key: '26_40', value: 3 }] }],
      proposalTables: [],
      supportTables: [{ id: 'livesInQpvByTheme', rows: ['yes'], columns: ['sport'], values: [[7]] }],
    };
    const d = maskDashboard(raw);
    expect(d.headline.participants).toEqual({ key: 'participants', value: 12, masked: false });
    expect(d.headline.withProfile.masked).toBe('small');
    expect(d.attendance[0]!.total.masked).toBe('small');
    expect(d.supports[0]!.cells[0]![0]).toEqual({ key: 'yes|sport', value: 7, masked: false });
    expect(JSON.stringify(d)).not.toContain('"value":3');
  });
});
