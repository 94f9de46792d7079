import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankRows } from '#core/attendance/sign-in-sheet.js';
import { openTestCore, type TestCore } from '../core/test-core.js';
import { count, facilitator, plannedWorkshop, profile, register, studyNo, studyYes } from './attendance-test-kit.js';
import { firstPagePng, hasPoppler, overlappingWords, pdfText } from '../pdf/poppler.js';

let core: TestCore;
let workshopId: string;
beforeEach(async () => {
  core = await openTestCore();
  workshopId = (await plannedWorkshop(core)).id;
});
afterEach(async () => core.close());

describe('typing a paper sheet afterwards', () => {
  it('marks registered people present, adds the new names and the tally of anonymous people', async () => {
    const awa = await register(core, workshopId, 'Awa Diallo');
    const result = await core.must('attendance:paper-entry', {
      workshopId,
      recordedBy: facilitator,
      rows: [
        { attendanceId: awa.id, person: {}, consents: [studyYes], profile: profile() },
        { person: { name: 'Bruno Petit' }, consents: [studyNo] },
      ],
      anonymous: 25,
    });
    expect(result).toMatchObject({ recorded: 2, counts: { present: 2, anonymous: 25, total: 27, profiles: 1 } });
    const list = await core.must('attendance:list', { workshopId });
    expect(list.items.map((i) => [i.name, i.status, i.source])).toEqual([
      ['Awa Diallo', 'present', 'pre_registered'],
      ['Bruno Petit', 'present', 'paper'],
    ]);
    // 25 anonymous people travel as entries within the synced step limit (20 + 5).
    expect(count(core, 'select count(*) n from head_count_entries')).toBe(2);
  });

  it('one row breaking the consent rule refuses the whole sheet, naming the row', async () => {
    const result = await core.invoke('attendance:paper-entry', {
      workshopId,
      recordedBy: facilitator,
      rows: [{ person: { name: 'Bruno Petit' } }, { person: { name: 'Chloé' }, profile: profile() }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { 'rows.1.profile': 'validation.profileNeedsStudyConsent' } } });
    expect(count(core, 'select count(*) n from attendances')).toBe(0);
    expect(count(core, "select count(*) n from outbox where entity != 'workshop'")).toBe(0);
  });
});

describe.skipIf(!hasPoppler)('the printable sign-in sheet', () => {
  it('is a PDF listing registered names only, blank rows, the workshop and the consent versions', async () => {
    await register(core, workshopId, 'Hélène Côté', 'helene@example.org');
    await register(core, workshopId, 'Awa Diallo', 'awa@example.org');
    const cancelled = await register(core, workshopId, 'Zoé Annulée');
    await core.must('attendance:cancel', { attendanceId: cancelled.id, recordedBy: facilitator });
    const sheet = await core.must('attendance:sign-in-sheet', { workshopId, locale: 'fr' });
    const pdf = Buffer.from(sheet.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sheet.fileName).toMatch(/^emargement-co-construction-du-budget-participatif.*\.pdf$/);
    // The font draws a no-break space with the space's glyph: read back, it is a space.
    const text = pdfText(pdf);
    for (const shown of ['Feuille d’émargement', 'Awa Diallo', 'Hélène Côté', 'Centre Barbara', 'samedi 14 mars 2026, 18 h 30', '[study-2026-11]', '[contact-2026-11]']) {
      expect(text).toContain(shown);
    }
    // Names in alphabetical order; no email, no cancelled person.
    expect(text.indexOf('Awa Diallo')).toBeLessThan(text.indexOf('Hélène Côté'));
    expect(text).not.toMatch(/@|Zoé/);
    // Row numbers run over the registered and the blank rows.
    expect(text).toContain(String(2 + blankRows(2)));
  });

  it('runs onto more pages when many are registered, numbered', async () => {
    for (let i = 0; i < 40; i++) await register(core, workshopId, `Personne ${String(i).padStart(2, '0')}`);
    const sheet = await core.must('attendance:sign-in-sheet', { workshopId, locale: 'en' });
    expect(sheet.pages).toBeGreaterThan(1);
    const text = pdfText(Buffer.from(sheet.base64, 'base64'));
    for (const shown of ['Sign-in sheet', 'Personne 00', 'Personne 39', `Page 2 / ${sheet.pages}`]) expect(text).toContain(shown);
  });

  it('draws no word over another: the consent columns’ headings wrap in their columns', async () => {
    await register(core, workshopId, 'Awa Diallo');
    for (const locale of ['fr', 'en'] as const) {
      const pdf = Buffer.from((await core.must('attendance:sign-in-sheet', { workshopId, locale })).base64, 'base64');
      expect(overlappingWords(pdf), locale).toEqual([]);
      expect(pdfText(pdf)).toContain(locale === 'fr' ? 'Recontact' : 'Contact');
    }
  });
});

describe.skipIf(!hasPoppler)('names in the scripts of the neighbourhoods', () => {
  // Goutte-d'Or, Belleville, La Chapelle, the 13e: Arabic, Tifinagh, Chinese, Tamil, Amharic…
  const names = ['محمد', 'ⵜⴰⵎⴰⵣⵉⵖⵜ', '王小明', '陳大文', 'Łukasz Nowak', 'Nguyễn Thị Ánh', 'Ольга Петрова', 'אברהם', 'Արամ', 'አበበ', 'দীপক'];

  it('print as themselves, never as « ? », and the sheet stays small', async () => {
    for (const name of names) await register(core, workshopId, name);
    const sheet = await core.must('attendance:sign-in-sheet', { workshopId, locale: 'fr' });
    const pdf = Buffer.from(sheet.base64, 'base64');
    const text = pdfText(pdf).normalize('NFKC');
    for (const name of names) expect(text, name).toContain(name);
    // The only question marks are the two consent questions'.
    expect(text.match(/\?/g)).toHaveLength(2);
    expect(text).not.toContain('\ufffd');
    expect(overlappingWords(pdf)).toEqual([]);
    // The Latin font is subset; the others are small files of one script each.
    expect(pdf.byteLength).toBeLessThan(1_200_000);
    expect(firstPagePng(pdf).subarray(1, 4).toString()).toBe('PNG');
  });

  it('a name with control characters or characters no font has still prints, with « � » for the missing ones', async () => {
    await register(core, workshopId, 'Awa\u0000 Di\u0007allo\u202e');
    await register(core, workshopId, 'Zaïd 🙂');
    const sheet = await core.must('attendance:sign-in-sheet', { workshopId, locale: 'fr' });
    const text = pdfText(Buffer.from(sheet.base64, 'base64'));
    expect(text).toContain('Awa Diallo');
    expect(text).toContain('Zaïd \ufffd');
  });
});
