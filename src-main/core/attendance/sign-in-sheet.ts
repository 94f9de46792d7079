/**
 * The printable sign-in sheet of a workshop (A4 PDF, pdf-lib): title, date, venue; one row per
 * registered person (their name only, as needed to sign) and blank rows for walk-ins; a
 * column for each consent, with the versions of the consent texts read out, so that a filled
 * sheet can be typed back with the right versions (paper entry).
 * Every text goes through the PDF writer (src-main/core/pdf): a name in Arabic, Tifinagh or
 * Chinese prints as itself, control characters never break the sheet, and a column heading
 * wraps inside its column rather than running into the next one.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { WorkshopRow } from '#db/schema.js';
import { consentTexts, currentConsentVersion } from '#shared/attendance/consent-texts.js';
import { localeOf, type Language } from '#shared/i18n/languages.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { parisDateTimeText } from '#shared/time/paris-date-text.js';
import { cleanText, createPdfWriter } from '../pdf/pdf-text.js';
import type { Executor } from '../store/executor.js';
import { sheetNames } from './attendance.repository.js';

/** Blank rows for people who did not register: a third of the expected, at least ten. */
export function blankRows(registered: number): number {
  return Math.max(10, Math.ceil(registered / 3));
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const ROW = 26;
const PAD = 4;
const LINE = rgb(0.3, 0.3, 0.3);
const COLUMNS = [
  { key: 'number', width: 30 },
  { key: 'name', width: 185 },
  { key: 'signature', width: 130 },
  { key: 'contact', width: 85 },
  { key: 'study', width: 85 },
] as const;

export async function buildSignInSheet(db: Executor, workshop: WorkshopRow, locale: Language) {
  const names = await sheetNames(db, workshop.id);
  const t = translatorFor(locale);
  const pdf = await PDFDocument.create();
  pdf.setTitle(cleanText(t('attendance.signInSheet.documentTitle', { title: workshop.title })));
  pdf.setLanguage(localeOf[locale]);
  pdf.setCreator('Atelier');
  const pen = createPdfWriter(pdf);
  const width = A4[0] - 2 * MARGIN;
  const column = { number: t('attendance.signInSheet.number'), name: t('attendance.signInSheet.name'), signature: t('attendance.signInSheet.signature'), contact: t('attendance.signInSheet.contact'), study: t('attendance.signInSheet.study') };
  const rows = [...names, ...Array<string>(blankRows(names.length)).fill('')];

  let page: PDFPage = pdf.addPage(A4);
  let y = 0;

  const header = (first: boolean) => {
    y = A4[1] - MARGIN;
    if (first) {
      y -= 18;
      pen.draw(page, t('attendance.signInSheet.heading'), MARGIN, y, { size: 18, bold: true });
      for (const line of pen.wrap(workshop.title, { size: 13, bold: true }, width).slice(0, 2)) {
        y -= 18;
        pen.draw(page, line, MARGIN, y, { size: 13, bold: true });
      }
      y -= 16;
      pen.draw(page, parisDateTimeText(workshop.starts_at, locale), MARGIN, y, { size: 11 });
      y -= 15;
      const venue = workshop.venue_address ? `${workshop.venue_name}, ${workshop.venue_address}` : workshop.venue_name;
      pen.draw(page, t('attendance.signInSheet.venue', { venue }), MARGIN, y, { size: 11, maxWidth: width });
      y -= 10;
    }
    // Column headings wrap inside their column: « Recontact (oui / non) » is two lines, never
    // one running into « Étude ».
    const style = { size: 9, bold: true };
    const lines = COLUMNS.map((col) => pen.wrap(column[col.key], style, col.width - 2 * PAD));
    const tallest = Math.max(...lines.map((l) => l.length));
    let x = MARGIN;
    COLUMNS.forEach((col, i) => {
      lines[i]!.forEach((line, j) => pen.draw(page, line, x + PAD, y - 11 - j * 11, style));
      x += col.width;
    });
    y -= 11 * tallest + 6;
  };

  header(true);
  for (const [i, name] of rows.entries()) {
    if (y - ROW < MARGIN + 90) {
      page = pdf.addPage(A4);
      header(false);
    }
    page.drawRectangle({ x: MARGIN, y: y - ROW, width, height: ROW, borderColor: LINE, borderWidth: 0.5 });
    let x = MARGIN;
    for (const col of COLUMNS.slice(0, -1)) {
      x += col.width;
      page.drawLine({ start: { x, y }, end: { x, y: y - ROW }, thickness: 0.5, color: LINE });
    }
    y -= ROW;
    pen.draw(page, String(i + 1), MARGIN + PAD, y + 9, { size: 10 });
    if (name) pen.draw(page, name, MARGIN + COLUMNS[0].width + PAD, y + 9, { size: 11, maxWidth: COLUMNS[1].width - 2 * PAD });
  }

  // The consent texts, by version, on the last page: what the facilitator reads out.
  y -= 20;
  pen.draw(page, t('attendance.signInSheet.consents'), MARGIN, y, { size: 9, bold: true });
  for (const purpose of ['contact', 'study'] as const) {
    const version = currentConsentVersion[purpose];
    for (const line of pen.wrap(`[${version}] ${consentTexts[version].question[locale]}`, { size: 8 }, width)) {
      y -= 11;
      pen.draw(page, line, MARGIN, y, { size: 8 });
    }
  }
  const pages = pdf.getPageCount();
  pdf.getPages().forEach((p, i) => pen.draw(p, t('attendance.signInSheet.page', { page: i + 1, pages }), A4[0] - MARGIN - 50, MARGIN / 2, { size: 8 }));
  await pen.finish();
  const bytes = await pdf.save();
  const slug = workshop.title.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase();
  return { fileName: t('attendance.signInSheet.fileName', { slug: slug || t('attendance.signInSheet.untitled') }), base64: Buffer.from(bytes).toString('base64'), pages };
}
