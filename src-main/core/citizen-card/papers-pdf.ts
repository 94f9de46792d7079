/**
 * The Citizen Card ateliers' papers (A4 PDFs, pdf-lib), as pure functions of plain data: the
 * occurrence (title, date, venue, places) and the people (registration id, name, MASKED card
 * number — the whole number never reaches a paper). papers.ts reads the data; these build.
 *
 * - The occurrence's sign-in sheet (French or English): one row per person expected (drawn,
 *   confirmed or already arrived), their name and masked card number, a column to sign; blank
 *   rows for people without a place only when the occurrence allows walk-ins.
 * - Certificates of attendance, one page per person who attended. FRENCH ONLY: the City issues
 *   them in French, so the builder takes no language (the catalogue's English words for them
 *   exist for its shape and are never printed).
 * - Confirmations, one page per drawn or confirmed person, with the QR code the desk scans
 *   (confirmationQrPayload: the registration id, nothing personal), drawn as vector squares.
 *
 * Every text goes through the PDF writer (src-main/core/pdf): any name prints as itself.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { readableQr } from './readable-qr.js';
import { confirmationQrPayload } from '#shared/citizen-card/card-number.js';
import { localeOf, type Language } from '#shared/i18n/languages.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { parisDateTimeText } from '#shared/time/paris-date-text.js';
import { cleanText, createPdfWriter, type PdfWriter } from '../pdf/pdf-text.js';

/** What a paper says of the occurrence. */
export interface PaperOccurrence {
  title: string;
  /** ISO-8601 UTC; printed in Paris time. */
  startsAt: string;
  venueName: string;
  venueAddress: string | null;
  /** The occurrence's places (null before its settings exist). */
  places: number | null;
  walkInsAllowed: boolean;
  /** The atelier type's duration, when known. */
  durationMinutes: number | null;
}

/** What a paper says of a person: never the whole card number. */
export interface PaperPerson {
  registrationId: string;
  name: string;
  maskedCardNumber: string | null;
}

export interface PaperPdf {
  fileName: string;
  base64: string;
  pages: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const WIDTH = A4[0] - 2 * MARGIN;
const GREY = rgb(0.35, 0.35, 0.35);
const LINE = rgb(0.3, 0.3, 0.3);

/** Blank rows for walk-ins: the places still free, at least three; none when walk-ins are not allowed. */
export function walkInRows(occurrence: PaperOccurrence, expected: number): number {
  if (!occurrence.walkInsAllowed) return 0;
  return Math.max(3, (occurrence.places ?? 0) - expected);
}

/** Names in the order of the language (« Élodie » with the E). */
function byName(people: readonly PaperPerson[], language: Language): PaperPerson[] {
  const collator = new Intl.Collator(localeOf[language], { sensitivity: 'base' });
  return [...people].sort((a, b) => collator.compare(a.name, b.name) || a.registrationId.localeCompare(b.registrationId));
}

function slugOf(title: string, untitled: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return slug || untitled;
}

function venueText(o: PaperOccurrence): string {
  return o.venueAddress ? `${o.venueName}, ${o.venueAddress}` : o.venueName;
}

async function newDocument(title: string, language: Language) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(cleanText(title));
  pdf.setLanguage(localeOf[language]);
  pdf.setCreator('Atelier');
  return { pdf, pen: createPdfWriter(pdf) };
}

async function finish(pdf: PDFDocument, pen: PdfWriter, pageLabel: (page: number, pages: number) => string, fileName: string): Promise<PaperPdf> {
  const pages = pdf.getPageCount();
  pdf.getPages().forEach((p, i) => {
    const label = pageLabel(i + 1, pages);
    pen.draw(p, label, A4[0] - MARGIN - pen.width(label, { size: 8 }), MARGIN / 2, { size: 8, color: GREY });
  });
  await pen.finish();
  const bytes = await pdf.save();
  return { fileName, base64: Buffer.from(bytes).toString('base64'), pages };
}

/** Draws wrapped lines downwards from `y`; returns the new `y`. */
function paragraph(pen: PdfWriter, page: PDFPage, text: string, y: number, style: { size: number; bold?: boolean }, x = MARGIN, width = WIDTH, maxLines = 6): number {
  const step = style.size * 1.35;
  for (const line of pen.wrap(text, style, width).slice(0, maxLines)) {
    y -= step;
    pen.draw(page, line, x, y, style);
  }
  return y;
}

// ---------------------------------------------------------------- the sign-in sheet

const ROW = 26;
const PAD = 4;
const COLUMNS = [
  { key: 'number', width: 32 },
  { key: 'name', width: 210 },
  { key: 'card', width: 80 },
  { key: 'signature', width: WIDTH - 32 - 210 - 80 },
] as const;

export async function buildCardSignInSheet(occurrence: PaperOccurrence, people: readonly PaperPerson[], language: Language): Promise<PaperPdf> {
  const t = translatorFor(language);
  const { pdf, pen } = await newDocument(t('citizenCardDocs.signInSheet.documentTitle', { title: occurrence.title }), language);
  const expected = byName(people, language);
  const rows: (PaperPerson | null)[] = [...expected, ...Array<null>(walkInRows(occurrence, expected.length)).fill(null)];
  const heading = {
    number: t('citizenCardDocs.signInSheet.number'),
    name: t('citizenCardDocs.signInSheet.name'),
    card: t('citizenCardDocs.signInSheet.card'),
    signature: t('citizenCardDocs.signInSheet.signature'),
  };

  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const columnHeadings = () => {
    const style = { size: 9, bold: true };
    const lines = COLUMNS.map((col) => pen.wrap(heading[col.key], style, col.width - 2 * PAD));
    let x = MARGIN;
    COLUMNS.forEach((col, i) => {
      lines[i]!.forEach((line, j) => pen.draw(page, line, x + PAD, y - 11 - j * 11, style));
      x += col.width;
    });
    y -= 11 * Math.max(...lines.map((l) => l.length)) + 6;
  };

  pen.draw(page, t('citizenCardDocs.programme'), MARGIN, (y -= 10), { size: 9, color: GREY });
  y = paragraph(pen, page, t('citizenCardDocs.signInSheet.heading'), y - 4, { size: 18, bold: true }, MARGIN, WIDTH, 2);
  y = paragraph(pen, page, occurrence.title, y - 2, { size: 13, bold: true }, MARGIN, WIDTH, 2);
  y = paragraph(pen, page, parisDateTimeText(occurrence.startsAt, language), y - 2, { size: 11 });
  y = paragraph(pen, page, t('citizenCardDocs.venue', { venue: venueText(occurrence) }), y, { size: 11 }, MARGIN, WIDTH, 2);
  const counts = [t('citizenCardDocs.signInSheet.expected', { count: expected.length })];
  if (occurrence.places !== null) counts.push(t('citizenCardDocs.signInSheet.places', { places: occurrence.places }));
  y = paragraph(pen, page, counts.join(' · '), y, { size: 11 });
  if (occurrence.walkInsAllowed) y = paragraph(pen, page, t('citizenCardDocs.signInSheet.walkIns'), y, { size: 9 });
  y -= 12;
  columnHeadings();

  for (const [i, person] of rows.entries()) {
    if (y - ROW < MARGIN + 10) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
      columnHeadings();
    }
    page.drawRectangle({ x: MARGIN, y: y - ROW, width: WIDTH, height: ROW, borderColor: LINE, borderWidth: 0.5 });
    let x = MARGIN;
    for (const col of COLUMNS.slice(0, -1)) {
      x += col.width;
      page.drawLine({ start: { x, y }, end: { x, y: y - ROW }, thickness: 0.5, color: LINE });
    }
    y -= ROW;
    pen.draw(page, String(i + 1), MARGIN + PAD, y + 9, { size: 10 });
    if (person) {
      pen.draw(page, person.name, MARGIN + COLUMNS[0].width + PAD, y + 9, { size: 11, maxWidth: COLUMNS[1].width - 2 * PAD });
      if (person.maskedCardNumber) pen.draw(page, person.maskedCardNumber, MARGIN + COLUMNS[0].width + COLUMNS[1].width + PAD, y + 9, { size: 10, maxWidth: COLUMNS[2].width - 2 * PAD });
    }
  }

  const fileName = t('citizenCardDocs.signInSheet.fileName', { slug: slugOf(occurrence.title, t('citizenCardDocs.untitled')) });
  return finish(pdf, pen, (p, n) => t('citizenCardDocs.page', { page: p, pages: n }), fileName);
}

// ---------------------------------------------------------------- certificates (French only)

/**
 * One page per person who attended. French only (see the module comment): `madeOn` is the day
 * the certificates are printed.
 */
export async function buildCertificates(occurrence: PaperOccurrence, people: readonly PaperPerson[], madeOn: Date): Promise<PaperPdf> {
  const language: Language = 'fr';
  const t = translatorFor(language);
  const { pdf, pen } = await newDocument(t('citizenCardDocs.certificate.documentTitle', { title: occurrence.title }), language);
  const today = new Intl.DateTimeFormat(localeOf.fr, { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' }).format(madeOn);
  const centre = (page: PDFPage, text: string, y: number, style: { size: number; bold?: boolean }) => {
    const step = style.size * 1.4;
    for (const line of pen.wrap(text, style, WIDTH).slice(0, 3)) {
      y -= step;
      pen.draw(page, line, (A4[0] - pen.width(line, style)) / 2, y, style);
    }
    return y;
  };

  for (const person of byName(people, language)) {
    const page = pdf.addPage(A4);
    page.drawRectangle({ x: MARGIN / 2, y: MARGIN / 2 + 14, width: A4[0] - MARGIN, height: A4[1] - MARGIN - 14, borderColor: LINE, borderWidth: 1 });
    let y = A4[1] - MARGIN - 40;
    y = centre(page, t('citizenCardDocs.programme'), y, { size: 11 });
    y = centre(page, t('citizenCardDocs.certificate.heading'), y - 40, { size: 26, bold: true });
    y = centre(page, t('citizenCardDocs.certificate.body'), y - 60, { size: 13 });
    y = centre(page, person.name, y - 14, { size: 20, bold: true });
    y = centre(page, t('citizenCardDocs.certificate.attended'), y - 14, { size: 13 });
    y = centre(page, `« ${occurrence.title} »`, y - 10, { size: 16, bold: true });
    y = centre(page, t('citizenCardDocs.certificate.on', { date: parisDateTimeText(occurrence.startsAt, language) }), y - 10, { size: 13 });
    y = centre(page, t('citizenCardDocs.venue', { venue: venueText(occurrence) }), y - 4, { size: 12 });
    if (occurrence.durationMinutes !== null) y = centre(page, t('citizenCardDocs.certificate.duration', { minutes: occurrence.durationMinutes }), y - 4, { size: 12 });
    y = Math.min(y - 70, 250);
    pen.draw(page, t('citizenCardDocs.certificate.madeAt', { date: today }), A4[0] / 2, y, { size: 12 });
    pen.draw(page, t('citizenCardDocs.certificate.signature'), A4[0] / 2, y - 20, { size: 11, maxWidth: A4[0] / 2 - MARGIN });
  }

  const fileName = t('citizenCardDocs.certificate.fileName', { slug: slugOf(occurrence.title, t('citizenCardDocs.untitled')) });
  return finish(pdf, pen, (p, n) => t('citizenCardDocs.page', { page: p, pages: n }), fileName);
}

// ---------------------------------------------------------------- confirmations with their QR codes

/**
 * The QR code of `payload` as vector squares, at most `size` points wide with its quiet zone, top
 * left at (x, top). A module is a whole number of points at whole coordinates: printed or
 * rendered at any multiple of 72 dpi its edges fall between dots, with no grey seams for a
 * camera to misread.
 */
export function drawQrCode(page: PDFPage, payload: string, x: number, top: number, size: number): void {
  const modules = readableQr(payload);
  const n = modules.size;
  const quiet = 4;
  const m = Math.max(1, Math.floor(size / (n + 2 * quiet)));
  x = Math.round(x + (size - m * (n + 2 * quiet)) / 2);
  top = Math.round(top);
  for (let row = 0; row < n; row++) {
    // One rectangle per run of dark modules on a row: fewer operators, no hairline gaps.
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      page.drawRectangle({ x: x + (quiet + start) * m, y: top - (quiet + row + 1) * m, width: (col - start) * m, height: m, color: rgb(0, 0, 0) });
    }
  }
}

export async function buildConfirmations(occurrence: PaperOccurrence, people: readonly PaperPerson[], language: Language): Promise<PaperPdf> {
  const t = translatorFor(language);
  const { pdf, pen } = await newDocument(t('citizenCardDocs.confirmation.documentTitle', { title: occurrence.title }), language);
  const QR = 200;

  for (const person of byName(people, language)) {
    const page = pdf.addPage(A4);
    let y = A4[1] - MARGIN;
    pen.draw(page, t('citizenCardDocs.programme'), MARGIN, (y -= 10), { size: 9, color: GREY });
    y = paragraph(pen, page, t('citizenCardDocs.confirmation.heading'), y - 4, { size: 20, bold: true }, MARGIN, WIDTH, 2);
    y = paragraph(pen, page, t('citizenCardDocs.confirmation.hello', { name: person.name }), y - 14, { size: 12 }, MARGIN, WIDTH, 2);
    // A line apart: a name in Arabic or Chinese is taller than a Latin one.
    y = paragraph(pen, page, t('citizenCardDocs.confirmation.confirmed'), y - 6, { size: 12 });
    y = paragraph(pen, page, occurrence.title, y - 6, { size: 15, bold: true }, MARGIN, WIDTH, 3);
    y = paragraph(pen, page, parisDateTimeText(occurrence.startsAt, language), y - 4, { size: 12, bold: true });
    y = paragraph(pen, page, t('citizenCardDocs.venue', { venue: venueText(occurrence) }), y, { size: 12 }, MARGIN, WIDTH, 3);
    if (person.maskedCardNumber) y = paragraph(pen, page, t('citizenCardDocs.confirmation.card', { card: person.maskedCardNumber }), y - 4, { size: 12 });
    y -= 16;
    drawQrCode(page, confirmationQrPayload(person.registrationId), (A4[0] - QR) / 2, y, QR);
    y -= QR + 4;
    y = paragraph(pen, page, t('citizenCardDocs.confirmation.reference', { reference: person.registrationId.slice(0, 8).toUpperCase() }), y, { size: 10 });
    y = paragraph(pen, page, t('citizenCardDocs.confirmation.qr'), y - 8, { size: 11 });
    paragraph(pen, page, t('citizenCardDocs.confirmation.cancel'), y - 6, { size: 11 });
  }

  const fileName = t('citizenCardDocs.confirmation.fileName', { slug: slugOf(occurrence.title, t('citizenCardDocs.untitled')) });
  return finish(pdf, pen, (p, n) => t('citizenCardDocs.page', { page: p, pages: n }), fileName);
}
