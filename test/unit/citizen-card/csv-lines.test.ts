/**
 * The holders screen reads the City's CSV in the browser and sends it in chunks of whole lines:
 * every record keeps the file's own line number, nothing is lost (quoted separators, quotes,
 * line breaks, blank lines, a BOM, CRLF), and a line too long for the core is refused here.
 */
import { describe, expect, it } from 'vitest';
import { CARD_LIMITS } from '#shared/citizen-card/citizen-card.schema.js';
import { chunksOf, detectDelimiter, parseFields, readCsv, reportCsv, splitRecords } from '#renderer/features/citizen-card/holders/csv-lines.js';

describe('reading the City’s file', () => {
  it('keeps each record with the line it starts on, across CRLF, a BOM, blank lines and quoted line breaks', () => {
    const text = '\ufeffNuméro de carte;Nom\r\nCC1;Ana\r\n\r\nCC2;"Bo\r\nBis"\r\nCC3;"Cé;""x"""\r\n';
    expect(splitRecords(text)).toEqual([
      { line: 1, text: 'Numéro de carte;Nom' },
      { line: 2, text: 'CC1;Ana' },
      { line: 4, text: 'CC2;"Bo\r\nBis"' },
      { line: 6, text: 'CC3;"Cé;""x"""' },
    ]);
  });

  it('reads the header with its delimiter, quotes removed', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b;c,d')).toBe(',');
    expect(parseFields('"Numéro; de carte";Nom;"Pré""nom"', ';')).toEqual(['Numéro; de carte', 'Nom', 'Pré"nom']);
    const csv = readCsv('card number,name\nCC1,Ana\n');
    expect(csv).toEqual({ header: ['card number', 'name'], delimiter: ',', records: [{ line: 2, text: 'CC1,Ana' }] });
    expect(readCsv('')).toBeNull();
  });

  it('sends consecutive lines together, starts a new chunk at every gap, and refuses what is too long', () => {
    const records = [
      { line: 2, text: 'a' },
      { line: 3, text: 'b' },
      { line: 4, text: 'c' },
      { line: 6, text: 'd' },
      { line: 7, text: 'x'.repeat(CARD_LIMITS.importLine + 1) },
      { line: 8, text: 'e' },
      { line: 9, text: 'f\ng' },
      { line: 11, text: 'h' },
    ];
    const { chunks, tooLong } = chunksOf(records, 2);
    expect(chunks).toEqual([
      { firstLine: 2, lines: ['a', 'b'] },
      { firstLine: 4, lines: ['c'] },
      { firstLine: 6, lines: ['d'] },
      { firstLine: 8, lines: ['e'] },
      { firstLine: 9, lines: ['f\ng'] },
      { firstLine: 11, lines: ['h'] },
    ]);
    expect(tooLong.map((r) => r.line)).toEqual([7]);
    // Every record is either sent once or refused: nothing lost, nothing twice.
    expect(chunks.flatMap((c) => c.lines).length + tooLong.length).toBe(records.length);
  });

  it('writes the report for a spreadsheet, values quoted', () => {
    expect(reportCsv('ligne;raison;valeur', [{ line: 12, reason: 'Numéro de carte', value: 'a"b' }])).toBe('\ufeffligne;raison;valeur\r\n12;"Numéro de carte";"a""b"\r\n');
  });
});
