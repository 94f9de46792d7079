import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankRows } from '../../../src-main/core/attendance/sign-in-sheet.js';
import { openTestCore, type TestCore } from '../core/test-core.js';
import { count, facilitator, plannedWorkshop, profile, register, studyNo, studyYes } from './attendance-test-kit.js';
import { pdfTextLines } from './pdf-text.js';

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

describe('the printable sign-in sheet', () => {
  it('is a PDF listing registered names only, blank rows, the workshop and the consent versions', async () => {
    await register(core, workshopId, 'Hélène Côté', 'helene@example.org');
    await register(core, workshopId, 'Awa Diallo', 'awa@example.org');
    const cancelled = await register(core, workshopId, 'Zoé Annulée');
    await core.must('attendance:cancel', { attendanceId: cancelled.id, recordedBy: facilitator });
    const sheet = await core.must('attendance:sign-in-sheet', { workshopId, locale: 'fr' });
    const pdf = Buffer.from(sheet.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sheet.fileName).toMatch(/^emargement-co-construction-du-budget-participatif.*\.pdf$/);
    const text = pdfTextLines(pdf);
    expect(text).toEqual(expect.arrayContaining(['Feuille d’émargement', 'Awa Diallo', 'Hélène Côté', expect.stringContaining('Centre Barbara')]));
    expect(text).toContain('samedi 14 mars 2026, 18\u00a0h\u00a030');
    expect(text.some((t) => t.includes('[study-2026-11]'))).toBe(true);
    expect(text.some((t) => t.includes('[contact-2026-11]'))).toBe(true);
    // Names in alphabetical order; no email, no cancelled person.
    expect(text.indexOf('Awa Diallo')).toBeLessThan(text.indexOf('Hélène Côté'));
    expect(text.join(' ')).not.toMatch(/@|Zoé/);
    // Row numbers run over the registered and the blank rows.
    expect(text).toContain(String(2 + blankRows(2)));
  });

  it('runs onto more pages when many are registered, numbered', async () => {
    for (let i = 0; i < 40; i++) await register(core, workshopId, `Personne ${String(i).padStart(2, '0')}`);
    const sheet = await core.must('attendance:sign-in-sheet', { workshopId, locale: 'en' });
    expect(sheet.pages).toBeGreaterThan(1);
    const text = pdfTextLines(Buffer.from(sheet.base64, 'base64'));
    expect(text).toEqual(expect.arrayContaining(['Sign-in sheet', 'Personne 00', 'Personne 39', `Page 2 / ${sheet.pages}`]));
  });
});

describe('names the standard PDF fonts cannot write', () => {
  it('still produce a sheet: accents kept, other scripts replaced, nothing fails', async () => {
    await register(core, workshopId, 'Maryam مريم');
    await register(core, workshopId, 'Łukasz Nowak');
    const sheet = await core.must('attendance:sign-in-sheet', { workshopId, locale: 'fr' });
    const text = pdfTextLines(Buffer.from(sheet.base64, 'base64'));
    expect(text).toEqual(expect.arrayContaining(['Maryam ????', 'Lukasz Nowak']));
  });
});
