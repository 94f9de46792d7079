/**
 * Reading the City's file without the database: the header in French or English, each line
 * checked on its own with the reason of its refusal and the file's own line number.
 */
import { describe, expect, it } from 'vitest';
import {
  arrondissementOf,
  detectSeparator,
  mapHeader,
  readChunk,
  readHolderCells,
  splitLine,
  yearOf,
  type SeenCards,
} from '#core/citizen-card/holder-import.js';
import { CARD_LIMITS, holderImportInputSchema } from '#shared/citizen-card/citizen-card.schema.js';
import { cardOf, cityFile } from './city-file.js';
import { holdersWorld, must } from './holders-kit.js';

const FR = ['\uFEFFN° de carte', 'Nom', 'Prénom', 'Année de naissance', 'Arrondissement', 'Courriel', 'Téléphone', "Accepte d'être contacté"];
const EN = ['Card number', 'Last name', 'First name', 'Date of birth', 'Postal code', 'E-mail', 'Phone', 'Contact consent'];

describe('the header', () => {
  it('maps French column names, accents, case, « N° » and a byte-order mark ignored', () => {
    const { columns, missing } = mapHeader(FR);
    expect(columns).toEqual({ cardNumber: 0, lastName: 1, firstName: 2, birthYear: 3, arrondissement: 4, email: 5, phone: 6, contactConsent: 7 });
    expect(missing).toEqual([]);
  });

  it('maps English column names, in any order, and ignores the columns it does not read', () => {
    const { columns, missing } = mapHeader(['Notes', ...EN.reverse()]);
    expect(columns).toEqual({ contactConsent: 1, phone: 2, email: 3, postalCode: 4, birthDate: 5, firstName: 6, lastName: 7, cardNumber: 8 });
    expect(missing).toEqual([]);
  });

  it('names the required columns that are missing', () => {
    expect(mapHeader(['Courriel', 'Téléphone']).missing).toEqual(['cardNumber', 'name']);
    expect(mapHeader(['NUMERO DE CARTE', 'nom complet']).missing).toEqual([]);
    expect(mapHeader(['card_number', 'Full name']).columns).toEqual({ cardNumber: 0, name: 1 });
  });
});

describe('a line', () => {
  it('splits with the separator that gives the header its width, quotes read by csv-parse', () => {
    expect(detectSeparator(3, ['a;b;c', 'd;e;f'])).toBe(';');
    expect(detectSeparator(3, ['a,b,c', 'd,"e, f",g'])).toBe(',');
    expect(detectSeparator(3, ['a\tb\tc'])).toBe('\t');
    expect(splitLine('AB1234;"Dupont; Marie";"dit ""Mimi"""', ';')).toEqual(['AB1234', 'Dupont; Marie', 'dit "Mimi"']);
    expect(splitLine('AB1234;"Dupont', ';')).toBeNull();
  });

  it('reads years, dates and arrondissements as the City writes them', () => {
    expect([yearOf('1985'), yearOf('14/03/1985'), yearOf('1985-03-14'), yearOf('14.03.1985'), yearOf('85'), yearOf('mars 1985')]).toEqual([
      1985, 1985, 1985, 1985, null, null,
    ]);
    expect(['18', '18e', '18ème', '1er', 'Paris 18e', '75018', '75116', '75 001', '21', '0', '92100', 'nord'].map(arrondissementOf)).toEqual([
      18, 18, 18, 1, 18, 18, 16, 1, null, null, null, null,
    ]);
  });

  const { columns } = mapHeader(FR);
  const read = (cells: string[]) => readHolderCells(cells, columns, 2026);

  it('gives a holder, its card number normalised, empty cells as « not said »', () => {
    expect(read(['ab 12-34', ' Dupont ', 'Marie', '1985', '18e', 'marie@exemple.fr', '06 12 34 56 78', 'oui'])).toEqual({
      ok: true,
      holder: { cardNumber: 'AB1234', name: 'Marie Dupont', birthYear: 1985, arrondissement: 18, email: 'marie@exemple.fr', phone: '06 12 34 56 78', contactConsent: true },
    });
    expect(read(['XY9876', 'Martin', '', '', '', '', '', ''])).toEqual({
      ok: true,
      holder: { cardNumber: 'XY9876', name: 'Martin', birthYear: undefined, arrondissement: undefined, email: undefined, phone: undefined, contactConsent: undefined },
    });
    expect(read(['XY9876', 'Martin', 'Léa', '', '', '', '', 'Non'])).toMatchObject({ ok: true, holder: { contactConsent: false } });
  });

  it.each([
    [['A-12', 'Dupont', 'Marie', '', '', '', '', ''], 'cardNumber', 'A-12'],
    [['ABCDEF', 'Dupont', 'Marie', '', '', '', '', ''], 'cardNumber', 'ABCDEF'],
    [['', 'Dupont', 'Marie', '', '', '', '', ''], 'cardNumber', ''],
    [['AB1234', '', '', '', '', '', '', ''], 'name', ''],
    [['AB1234', '1234', '', '', '', '', '', ''], 'name', '1234'],
    [['AB1234', 'Dupont', 'Marie', '1850', '', '', '', ''], 'birthYear', '1850'],
    [['AB1234', 'Dupont', 'Marie', '2031', '', '', '', ''], 'birthYear', '2031'],
    [['AB1234', 'Dupont', 'Marie', 'soixante', '', '', '', ''], 'birthYear', 'soixante'],
    [['AB1234', 'Dupont', 'Marie', '', '21', '', '', ''], 'arrondissement', '21'],
    [['AB1234', 'Dupont', 'Marie', '', '', 'marie@', '', ''], 'email', 'marie@'],
    [['AB1234', 'Dupont', 'Marie', '', '', '', 'appelez-moi', ''], 'phone', 'appelez-moi'],
    [['AB1234', 'Dupont', 'Marie', '', '', '', '', 'peut-être'], 'contactConsent', 'peut-être'],
  ])('refuses %j for %s, with the cell at fault', (cells, reason, value) => {
    expect(read(cells)).toEqual({ ok: false, reason, value });
  });
});

describe('a chunk', () => {
  const header = ['Numéro de carte', 'Nom complet', 'Email'];

  it('reports every refused line with the line number of the file, skips blank lines, refuses a later duplicate', () => {
    const seen: SeenCards = new Map();
    const first = readChunk({ firstLine: 2, header, lines: ['AB1234;Marie Dupont;m@exemple.fr', '', 'ZZ;Paul;', 'CD5678;Léa Martin;x@y', ';;'] }, seen, 2026);
    expect(first.holders.map((h) => [h.line, h.holder.cardNumber])).toEqual([[2, 'AB1234']]);
    expect(first.refused).toEqual([
      { line: 4, reason: 'cardNumber', value: 'ZZ' },
      { line: 5, reason: 'email', value: 'x@y' },
    ]);
    expect(first.blank).toBe(2);
    // The next chunk: a duplicate of line 2 (spelt otherwise), a wrong width, an unclosed quote, a line too long.
    const second = readChunk(
      { firstLine: 7, header, lines: ['ab-1234;Marie D.;', 'EF9012;Jean;j@exemple.fr;extra', 'GH3456;"Jean;', `GH3456;${'x'.repeat(2100)};`, 'GH3456;Jean Valjean'] },
      seen,
      2026,
    );
    expect(second.refused).toEqual([
      { line: 7, reason: 'duplicateInFile', value: '2' },
      { line: 8, reason: 'columns', value: '4/3' },
      { line: 9, reason: 'columns', value: '' },
      { line: 10, reason: 'tooLong', value: '2108' },
    ]);
    // A spreadsheet that dropped the trailing empty cell: read, the missing cell empty.
    expect(second.holders).toEqual([
      { line: 11, holder: expect.objectContaining({ cardNumber: 'GH3456', name: 'Jean Valjean', email: undefined }) as unknown },
    ]);
  });

  it('reads a chunk sent twice as the same lines, not as duplicates', () => {
    const seen: SeenCards = new Map();
    const chunk = { firstLine: 2, header, lines: ['AB1234;Marie Dupont;', 'CD5678;Léa Martin;'] };
    readChunk(chunk, seen, 2026);
    const again = readChunk(chunk, seen, 2026);
    expect(again.refused).toEqual([]);
    expect(again.holders).toHaveLength(2);
  });

  it('reads a comma file with quoted cells and Windows line ends', () => {
    const out = readChunk({ firstLine: 2, header: ['Card number', 'Name', 'Email'], lines: ['AB1234,"Dupont, Marie",m@exemple.fr\r', 'CD5678,Léa Martin,\r'] }, new Map(), 2026);
    expect(out.refused).toEqual([]);
    expect(out.holders.map((h) => h.holder.name)).toEqual(['Dupont, Marie', 'Léa Martin']);
  });
});

describe('the City’s file of 200,000 lines, one in a hundred wrong', () => {
  it('takes every good line in and reports every bad one with its line number and reason', { timeout: 900_000 }, async () => {
    const file = cityFile(200_000);
    expect(file.bad.size).toBe(2000);
    const world = await holdersWorld();
    try {
      const importId = '9d0b6a4e-4f44-4b8e-8a57-6f3c1a1e2b10';
      const total = { imported: 0, updated: 0, unchanged: 0 };
      const refused: { line: number; reason: string }[] = [];
      for (let start = 0; start < file.lines.length; start += CARD_LIMITS.importChunkRows) {
        const chunk = file.lines.slice(start, start + CARD_LIMITS.importChunkRows);
        const result = must(await world.holders.importChunk(holderImportInputSchema.parse({ importId, firstLine: start + 2, header: file.header, lines: chunk })));
        total.imported += result.imported;
        total.updated += result.updated;
        total.unchanged += result.unchanged;
        refused.push(...result.refused.map((r) => ({ line: r.line, reason: r.reason })));
      }
      expect(total).toEqual({ imported: file.good, updated: 0, unchanged: 0 });
      expect(refused).toEqual([...file.bad].map(([line, reason]) => ({ line, reason })));
      expect(world.count('select count(*) from card_holders where deleted_at is null and merged_into is null')).toBe(file.good);
      expect(world.count("select count(*) from people where citizen_card_number like 'PC%'")).toBe(file.good);
      // Every good line is there as written: a quoted name, a date read as a year, a postal code as an arrondissement.
      const h = must(await world.search(cardOf(13))).items[0]!;
      expect(h.name).toMatch(/^[^,]+ [^,]+, dit "[^"]+"$/);
      expect(h).toMatchObject({ cardNumber: cardOf(13), arrondissement: 14, contactConsent: false });
      expect(h.birthYear).toBeGreaterThanOrEqual(1930);
      expect(must(await world.search(cardOf(50))).items[0]).toMatchObject({ arrondissement: null, contactConsent: true });
    } finally {
      await world.close();
    }
  });
});
