/**
 * Free text never becomes a category of the study. A person may describe their gender in
 * their own words, name their commune or their association; none of those words may reach a
 * row of the dashboard, the CSV, the XLSX, the GeoJSON or the PDF, whatever the count (a
 * masked count still shows its row's name).
 */
import type { SqliteDatabase } from '#core/store/open-database.js';
import { openDataFolder } from '#test/support/vault.js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageBrackets, yesNoUnknown } from '#shared/attendance/participant.schema.js';
import { genderCategories, genderCategory } from '#shared/study/gender-categories.js';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { residenceKeys } from '#core/study/study-dashboard.js';
import { pdfText } from '../pdf/poppler.js';
import { openTestCore, workshopFields, type TestCore } from '../core/test-core.js';
import { addAttendance, addSupport, addProposal } from './study-fixtures.js';

const SELF_DESCRIBED = 'Camille Dupont 06 12 34 56 78';
/** Words typed by people that must appear nowhere in the study. */
const TYPED = ['Dupont', '06 12 34', 'Agenre fluide', 'Montreuil-sous-Bois', 'Amicale Dupont', 'Sans réponse ici'];

let core: TestCore;
let rw: SqliteDatabase;
let workshop: Workshop;

beforeAll(async () => {
  core = await openTestCore();
  rw = await openDataFolder(core.dataDir, { readonly: false });
  workshop = await core.must('workshops:create', workshopFields({ title: 'Atelier des Amandiers' }));
  const profiles: string[] = [];
  // Seven people gave the same words: seven is not a small group, so nothing would mask that row.
  for (let i = 0; i < 7; i++) {
    profiles.push(
      addAttendance(rw, workshop.id, {
        gender: SELF_DESCRIBED,
        residence: 'outside_paris',
        residence_arrondissement: null,
        residence_commune: 'Montreuil-sous-Bois',
        association_member: 'yes',
        association_name: 'Amicale Dupont',
      }).profileId!,
    );
  }
  for (const gender of ['Femme', ' femme ', 'FÉMININ', 'woman', 'F.', 'Homme', 'h', 'Man', 'homme ', 'masculin', 'Agenre fluide', 'Sans réponse ici', '   ', null]) {
    profiles.push(addAttendance(rw, workshop.id, { gender }).profileId!);
  }
  const proposal = addProposal(rw, workshop.id, { theme_code: 'sport' });
  for (const id of profiles.slice(0, 7)) addSupport(rw, workshop.id, proposal, id);
});
afterAll(async () => {
  rw.close();
  await core.close();
});

const query = () => ({ scope: 'workshop' as const, workshopId: workshop.id });

async function exportText(format: 'csv' | 'xlsx' | 'geojson' | 'pdf', language: 'fr' | 'en'): Promise<string> {
  const file = await core.must('study:export', { query: query(), format, language });
  const bytes = Buffer.from(file.base64, 'base64');
  if (format === 'pdf') return pdfText(bytes);
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
    return cells.join('\n');
  }
  return bytes.toString('utf8');
}

describe('free text in the study', () => {
  it('a self-described gender is sorted into a closed category, its words kept out', () => {
    expect(genderCategory(SELF_DESCRIBED)).toBe('self_described');
    expect(genderCategory(' Femme ')).toBe('woman');
    expect(genderCategory('FÉMININ')).toBe('woman');
    expect(genderCategory('homme')).toBe('man');
    expect(genderCategory('Non-binaire')).toBe('non_binary');
    expect(genderCategory('   ')).toBe('not_said');
    expect(genderCategory(null)).toBe('not_said');
  });

  it('the dashboard counts genders by category only, and every key of every table about people is one the code names', async () => {
    const d = await core.must('study:dashboard', query());
    const gender = d.attendance.find((t) => t.id === 'gender')!;
    expect(gender.cells.map((c) => c.key)).toEqual([...genderCategories]);
    const count = Object.fromEntries(gender.cells.map((c) => [c.key, c.masked || c.value]));
    // 7 + « Agenre fluide » + « Sans réponse ici »; 5 women and 5 men (one of them hidden as
    // the complement of the 2 « not said », blank and none).
    expect(count).toMatchObject({ self_described: 9, non_binary: 'small', not_said: 'small' });
    expect([count.woman, count.man].sort()).toEqual([5, 'complement']);
    const closed: Record<string, readonly string[]> = {
      ageBracket: ageBrackets,
      residence: residenceKeys,
      gender: genderCategories,
    };
    for (const table of d.attendance) {
      for (const cell of table.cells) expect(closed[table.id] ?? yesNoUnknown, `${table.id}: ${cell.key}`).toContain(cell.key);
    }
    for (const cross of d.supports) for (const row of cross.rows) expect([...ageBrackets, ...yesNoUnknown]).toContain(row);
    const json = JSON.stringify(d).toLowerCase();
    for (const words of TYPED) expect(json, words).not.toContain(words.toLowerCase());
  });

  it.each([
    ['csv', 'fr'],
    ['xlsx', 'fr'],
    ['geojson', 'fr'],
    ['pdf', 'fr'],
    ['csv', 'en'],
    ['pdf', 'en'],
  ] as const)('the %s file (%s) names categories, never what people typed', async (format, language) => {
    const text = await exportText(format, language);
    expect(text.length).toBeGreaterThan(100);
    for (const words of TYPED) expect(text.toLowerCase(), `${format} holds « ${words} »`).not.toContain(words.toLowerCase());
    if (format !== 'geojson') expect(text).toContain(language === 'fr' ? 'Autre réponse, dans ses propres mots' : 'Another answer, in their own words');
  });
});
