/**
 * The study's files, read back the way their readers read them: the CSV as French Excel
 * splits it (BOM, `;`, decimal comma), the XLSX with exceljs, the GeoJSON against RFC 7946,
 * the PDF's header. No name, contact or Citizen Card number in any of them.
 */
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyExportFile, StudyExportInput } from '#shared/study/study.schema.js';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { openTestCore, workshopFields, type TestCore } from '../core/test-core.js';
import { addAttendance, addHeadCount, addProposal } from './study-fixtures.js';
import { hasPoppler, overlappingWords, pdfText } from '../pdf/poppler.js';

let core: TestCore;
let rw: BetterSqlite3.Database;
let workshop: Workshop;

/** RFC 4180 with `;`, as Excel in French reads a CSV: quotes double, fields may hold `;`. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  return rows;
}

const exportFile = (format: StudyExportInput['format'], language: StudyExportInput['language'] = 'fr') =>
  core.must('study:export', { query: { scope: 'workshop', workshopId: workshop.id }, format, language });
const bytesOf = (f: StudyExportFile) => Buffer.from(f.base64, 'base64');

beforeAll(async () => {
  core = await openTestCore();
  rw = new BetterSqlite3(core.file);
  workshop = await core.must('workshops:create', workshopFields());
  // 14 with a profile: 9 aged 26–40, 5 aged 41–60 (one says "=cmd|' /C calc'!A0" as gender).
  for (let i = 0; i < 9; i++) addAttendance(rw, workshop.id, {}, { personName: 'Zoé Unique-Nom' });
  for (let i = 0; i < 5; i++) addAttendance(rw, workshop.id, { age_bracket: '41_60', gender: i === 0 ? "=cmd|' /C calc'!A0" : 'homme' });
  addHeadCount(rw, workshop.id, 2);
  addProposal(rw, workshop.id, { proposer_name: 'Zoé Unique-Nom', title: 'Bancs; ombre et "fraîcheur"' });
  addProposal(rw, workshop.id, { lon: null, lat: null, neighbourhood_class: 'other' });
});
afterAll(async () => {
  rw.close();
  await core.close();
});

/** Every cell of every sheet (the XLSX is a zip: its bytes do not show the text). */
async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => out.push(JSON.stringify(row.values))));
  return out.join('\n');
}

describe('study exports', () => {
  it('writes a CSV that French Excel opens as is: BOM, semicolons, decimal comma, masks kept', async () => {
    const file = await exportFile('csv');
    expect(file.mediaType).toBe('text/csv; charset=utf-8');
    expect(file.fileName).toMatch(/^etude-atelier-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['Tableau', 'Catégorie', 'Colonne', 'Effectif', 'Part (%)']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const find = (table: string, category: string) => rows.find((r) => r[0] === table && r[1] === category)!;
    expect(find('Chiffres clés', 'Personnes présentes')[3]).toBe('16');
    expect(find('Âge', '26 à 40\u00a0ans').slice(3)).toEqual(['9', '64,3']);
    expect(find('Âge', '41 à 60\u00a0ans').slice(3)).toEqual(['5', '35,7']);
    expect(find('Âge', 'Moins de 16\u00a0ans').slice(3)).toEqual(['< 5', '']);
    // A gender typed like a formula is counted as « another answer », its words left out.
    expect(find('Genre', 'Autre réponse, dans ses propres mots')[3]).toBe('< 5');
    expect(rows.flat().join('\n')).not.toContain('cmd');
  });

  it('writes the same figures in English when asked', async () => {
    const rows = readCsv(bytesOf(await exportFile('csv', 'en')).toString('utf8').slice(1));
    expect(rows[0]).toEqual(['Table', 'Category', 'Column', 'Count', 'Share (%)']);
    expect(rows.find((r) => r[0] === 'Age' && r[1] === '26 to 40')!.slice(3)).toEqual(['9', '64,3']);
  });

  it('writes an XLSX that reads back with numbers as numbers and masked cells as « < 5 »', async () => {
    const file = await exportFile('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['À lire', 'Données']);
    expect(workbook.getWorksheet('À lire')!.getCell('A5').text).toContain('moins de 5');
    const data = workbook.getWorksheet('Données')!;
    const rows: unknown[][] = [];
    data.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Tableau', 'Catégorie', 'Colonne', 'Effectif', 'Part (%)']);
    const age = rows.filter((r) => r[0] === 'Âge');
    expect(age.find((r) => r[1] === '26 à 40\u00a0ans')!.slice(3)).toEqual([9, 64.3]);
    expect(age.find((r) => r[1] === '76\u00a0ans et plus')![3]).toBe('< 5');
  });

  it('writes the proposals as RFC 7946 GeoJSON: lon/lat points, null geometry when unplaced, no proposers', async () => {
    const file = await exportFile('geojson');
    expect(file.mediaType).toBe('application/geo+json');
    const geo = JSON.parse(bytesOf(file).toString('utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo).not.toHaveProperty('crs');
    expect(geo.features).toHaveLength(2);
    const placed = geo.features.find((f: { geometry: unknown }) => f.geometry !== null);
    const unplaced = geo.features.find((f: { geometry: unknown }) => f.geometry === null);
    expect(placed.type).toBe('Feature');
    expect(placed.geometry).toEqual({ type: 'Point', coordinates: [2.3551, 48.8873] });
    const [lon, lat] = placed.geometry.coordinates;
    expect(lon).toBeGreaterThan(2.2);
    expect(lon).toBeLessThan(2.5);
    expect(lat).toBeGreaterThan(48.8);
    expect(lat).toBeLessThan(48.91);
    expect(placed.properties).toMatchObject({ qpv: true, themeCode: 'cadre-de-vie', estimatedCostEuros: 12500 });
    expect(unplaced.geometry).toBeNull();
    expect(Object.keys(placed.properties)).not.toContain('proposerName');
  });

  it.skipIf(!hasPoppler)('writes the dashboard as a PDF, dated in words, no text over other text', async () => {
    const file = await exportFile('pdf');
    expect(file.mediaType).toBe('application/pdf');
    const bytes = bytesOf(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.byteLength).toBe(file.bytes);
    expect(bytes.toString('latin1')).toContain('%%EOF');
    // The font draws a no-break space with the space's glyph: read back, it is a space.
    const text = pdfText(bytes);
    expect(text).toContain('Personnes présentes');
    expect(text).toContain('< 5');
    expect(text).toContain('26 à 40 ans');
    // The test core's clock: 2026-03-01T09:00Z, a Sunday, 10:00 in Paris.
    expect(text).toContain('Produit le dimanche 1 mars 2026, 10 h 00');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(overlappingWords(bytes)).toEqual([]);
    const english = pdfText(bytesOf(await exportFile('pdf', 'en')));
    expect(english).toContain('Produced on Sunday 1 March 2026, 10:00');
  });

  it('never puts a name, an email, a phone or a Citizen Card number in any file', async () => {
    for (const format of hasPoppler ? (['csv', 'xlsx', 'geojson', 'pdf'] as const) : (['csv', 'xlsx', 'geojson'] as const)) {
      const bytes = bytesOf(await exportFile(format));
      const text = format === 'pdf' ? pdfText(bytes) : format === 'xlsx' ? await xlsxText(bytes) : bytes.toString('utf8');
      expect(text.length).toBeGreaterThan(100);
      for (const secret of ['Unique-Nom', 'zoe.unique', '0612345678', 'CC123456']) {
        expect(text, `${format} holds ${secret}`).not.toContain(secret);
      }
    }
  });
});

describe('any text in a study PDF', () => {
  it('a title and profile answers with control characters, emoji or other scripts never make the export fail', async () => {
    const odd = await openTestCore();
    const db = new BetterSqlite3(odd.file);
    try {
      const title = 'Atelier\u0000 du\t13e\u0007 — 欢迎 — ⵜⴰⵎⴰⵣⵉⵖⵜ — 🙂 \u202eevil\u202c مرحبا';
      const w = await odd.must('workshops:create', workshopFields({ title: 'placeholder' }));
      // Straight into the database, as a pulled record or an old import could have it.
      db.prepare('update workshops set title = ? where id = ?').run(title, w.id);
      for (let i = 0; i < 6; i++) addAttendance(db, w.id, { gender: i < 3 ? 'femme\u0001\u001b[31m' : 'ⵜⴰⵎⵟⵟⵓⵜ\u0008' });
      addProposal(db, w.id, { title: 'Bancs\u0000 🙂' });
      for (const language of ['fr', 'en'] as const) {
        const result = await odd.invoke('study:export', { query: { scope: 'workshop', workshopId: w.id }, format: 'pdf', language });
        expect(result.ok, JSON.stringify(result)).toBe(true);
        if (!result.ok || !hasPoppler) continue;
        const text = pdfText(Buffer.from(result.value.base64, 'base64'));
        expect(text).toContain('Atelier du 13e');
        expect(text).toContain('欢迎');
        expect(text).toContain('ⵜⴰⵎⴰⵣⵉⵖⵜ');
        expect(text).toContain('\ufffd'); // the emoji no shipped font has, replaced visibly
        // eslint-disable-next-line no-control-regex -- no control character may reach the PDF
        expect(text).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u202e]/);
      }
    } finally {
      db.close();
      await odd.close();
    }
  });
});
