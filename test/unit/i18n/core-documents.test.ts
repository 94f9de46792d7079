/**
 * The documents the core writes for people (the sign-in sheet, the study's CSV, XLSX and PDF,
 * the access report handed to a person)
 * speak the language asked for, with the catalogue's words: each holds the strings of its
 * language that it must show, and none of the other language's words (src-shared/i18n).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '#core/store/open-database.js';
import { en, fr } from '#shared/i18n/catalogue.js';
import { openDataFolder } from '#test/support/vault.js';
import type { Language } from '#shared/i18n/languages.js';
import { openTestCore, workshopFields, type TestCore } from '../core/test-core.js';
import { hasPoppler, pdfText } from '../pdf/poppler.js';
import { addAttendance, addProposal } from '../study/study-fixtures.js';

const catalogues = { fr, en };
const other = (language: Language): Language => (language === 'fr' ? 'en' : 'fr');

/** Whitespace as a reader sees it: a no-break space, a line break or a run of spaces is one space. */
const normal = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The literal parts of a catalogue string, placeholders and nested keys taken out. */
const literals = (text: string) =>
  text
    .split(/\{\{[^}]*\}\}|\$t\([^)]*\)/u)
    .map(normal)
    .filter((part) => part.length >= 4);

/** File names are not what a reader reads in the document (and « study-2026-11 » names a consent text). */
const fileNameKeys = new Set(['fileName', 'untitled', 'stem', 'stemWorkshop', 'stemAll']);

function leaves(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => (fileNameKeys.has(key) ? [] : leaves(value)));
}

/** The words that may appear in a core-made document, per language. */
function documentWords(language: Language) {
  const c = catalogues[language];
  const l = c.labels;
  return [c.attendance.signInSheet, c.study.files, c.study.tables, c.study.headline, c.people.report, l.ageBrackets, l.yesNoUnknown, l.genderCategories, l.residenceCategories, l.neighbourhoodClasses, l.themes, l.attendanceStatuses, l.occupations].flatMap(leaves);
}

/** The other language's words that this one does not also use (« Total », « Sport » are both). */
function foreignWords(language: Language): string[] {
  const own = new Set(documentWords(language).flatMap(literals));
  return [...new Set(documentWords(other(language)).flatMap(literals))].filter((w) => !own.has(w));
}

const contains = (text: string, words: string) => new RegExp(`(?<![\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

function expectLanguage(text: string, language: Language, expected: string[]) {
  const shown = normal(text);
  for (const words of expected.flatMap(literals)) expect(shown, `« ${words} » in the ${language} document`).toContain(words);
  const intruders = foreignWords(language).filter((words) => contains(shown, words));
  expect(intruders, `words of the other language in the ${language} document`).toEqual([]);
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  workbook.eachSheet((sheet) => {
    out.push(sheet.name);
    sheet.eachRow((row) => out.push(...(row.values as unknown[]).filter((v) => v !== null && v !== undefined).map(String)));
  });
  return out.join('\n');
}

let core: TestCore;
let rw: SqliteDatabase;
let workshopId: string;
let personId: string;

beforeAll(async () => {
  core = await openTestCore();
  rw = await openDataFolder(core.dataDir, { readonly: false });
  // A title and a venue in no language of the catalogue, so that only the app's words are checked.
  const workshop = await core.must('workshops:create', workshopFields({ title: 'Goutte-d’Or 2026', venueName: 'Centre Barbara', venueAddress: '1 rue Fleury, 75018 Paris' }));
  workshopId = workshop.id;
  for (let i = 0; i < 6; i++) addAttendance(rw, workshopId, {}, { personName: 'Awa Diallo' });
  personId = (rw.prepare('select id from people limit 1').get() as { id: string }).id;
  addProposal(rw, workshopId, {});
});
afterAll(async () => {
  rw.close();
  await core.close();
});

describe.each(['fr', 'en'] as const)('the documents the core writes, in %s', (language) => {
  const c = catalogues[language];
  const study = (format: 'csv' | 'xlsx' | 'pdf') => core.must('study:export', { query: { scope: 'workshop', workshopId }, format, language });
  const studyWords = () => [c.study.files.pdfTitle, c.study.files.maskingNote, c.study.tables.ageBracket, c.study.tables.theme, c.study.headline.participants];

  it.skipIf(!hasPoppler)('the sign-in sheet', async () => {
    const sheet = await core.must('attendance:sign-in-sheet', { workshopId, locale: language });
    const s = c.attendance.signInSheet;
    expectLanguage(pdfText(Buffer.from(sheet.base64, 'base64')), language, [s.heading, s.venue, s.name, s.signature, s.consents]);
    expect(sheet.fileName.startsWith(s.fileName.split('{{')[0]!)).toBe(true);
  });

  it.skipIf(!hasPoppler)('the study dashboard as a PDF', async () => {
    const file = await study('pdf');
    expectLanguage(pdfText(Buffer.from(file.base64, 'base64')), language, [...studyWords(), c.study.files.generatedAt, c.study.files.scope.workshop]);
  });

  it.skipIf(!hasPoppler)('the access report handed to a person', async () => {
    const file = await core.must('people:export', { personId, format: 'pdf', language, actor: 'Inès Lab' });
    const r = c.people.report;
    expectLanguage(pdfText(Buffer.from(file.base64, 'base64')), language, [r.title, r.intro, r.identity, r.participations, r.consents, r.proposals, r.retention, r.rights, r.fields.name, r.purgeOn]);
  });

  it('the study as a CSV and as an XLSX', async () => {
    const csv = await study('csv');
    const columns = Object.values(c.study.files.columns);
    expectLanguage(Buffer.from(csv.base64, 'base64').toString('utf8'), language, [...columns, c.study.tables.ageBracket, c.study.headline.participants]);
    expect(csv.fileName.startsWith(`${c.study.files.stem}-${c.study.files.stemWorkshop}-`)).toBe(true);
    const xlsx = await study('xlsx');
    expectLanguage(await xlsxText(Buffer.from(xlsx.base64, 'base64')), language, [...studyWords(), ...columns, c.study.files.readmeSheet, c.study.files.dataSheet]);
  });
});
