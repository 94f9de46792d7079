/**
 * Any string can be drawn into a PDF: control characters are removed, what no shipped font has
 * becomes a visible « � », nothing throws; widths measured are the widths drawn.
 */
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cleanText, createPdfWriter } from '#core/pdf/pdf-text.js';
import { hasPoppler, pdfText, pdfWords } from './poppler.js';

describe('cleanText', () => {
  it('removes controls and bidi overrides, turns breaks and tabs into spaces, keeps joiners', () => {
    expect(cleanText('Awa\u0000 Di\u0007allo')).toBe('Awa Diallo');
    expect(cleanText('ligne 1\r\nligne 2\tfin')).toBe('ligne 1 ligne 2 fin');
    expect(cleanText('\u202eevil\u202c \ufeffok\u0085\u009b')).toBe('evil ok ');
    expect(cleanText('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(cleanText('e\u0301te\u0301')).toBe('été');
    expect(cleanText('half \ud83d pair')).toBe('half \ufffd pair');
    expect(cleanText(undefined as unknown as string)).toBe('');
  });
});

describe('the PDF writer', () => {
  it('draws any string without throwing', async () => {
    const doc = await PDFDocument.create();
    const pen = createPdfWriter(doc);
    const page = doc.addPage([600, 800]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const w = pen.draw(page, s, 10, 400, { size: 10, maxWidth: 200 });
        expect(w).toBeLessThanOrEqual(200.01);
        expect(pen.wrap(s, { size: 10 }, 120).every((line) => pen.width(line, { size: 10 }) <= 120.01)).toBe(true);
      }),
      { numRuns: 300 },
    );
    await pen.finish();
    expect((await doc.save()).byteLength).toBeGreaterThan(1000);
  });

  it.skipIf(!hasPoppler)('cuts with « … » to the width asked, and a line is as wide as measured', async () => {
    const doc = await PDFDocument.create();
    const pen = createPdfWriter(doc);
    const page = doc.addPage([600, 200]);
    const long = 'Des bancs à l’ombre square Léon, rue Myrha et rue des Gardes, pour l’été';
    expect(pen.fit(long, { size: 12 }, 150)).toMatch(/…$/);
    pen.draw(page, long, 20, 150, { size: 12, maxWidth: 150 });
    const measured = pen.draw(page, 'Hélène محمد 王小明', 20, 100, { size: 12 });
    await pen.finish();
    const bytes = await doc.save();
    expect(pdfText(bytes)).toContain('…');
    const words = pdfWords(bytes).filter((w) => w.yMin > 70); // the second line (y from the top)
    const right = Math.max(...words.map((w) => w.xMax));
    expect(Math.abs(right - (20 + measured))).toBeLessThan(1.5);
  });
});
