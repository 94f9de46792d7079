import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeForSearch } from '#shared/text.js';

describe('search normalisation', () => {
  it('removes accents, case, punctuation and extra spaces', () => {
    expect(normalizeForSearch('Goutte-d’Or')).toBe('goutte d or');
    expect(normalizeForSearch("Goutte-d'Or")).toBe('goutte d or');
    expect(normalizeForSearch('  Église   Saint-Germain-des-Prés ')).toBe('eglise saint germain des pres');
    expect(normalizeForSearch('CŒUR de Ménilmontant — 20e')).toBe('cœur de menilmontant 20e');
  });

  it('treats the composed and decomposed forms of an accent alike', () => {
    expect(normalizeForSearch('Op\u00e9ra')).toBe(normalizeForSearch('Ope\u0301ra'));
  });

  it('is idempotent and never leaves upper case, accents or double spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normalizeForSearch(text);
        expect(normalizeForSearch(once)).toBe(once);
        expect(once).not.toMatch(/ {2}|^ | $/);
        expect(once).toBe(once.toLowerCase());
        expect(once.normalize('NFD')).not.toMatch(/\p{M}/u);
      }),
    );
  });
});
