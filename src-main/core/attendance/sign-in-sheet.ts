/**
 * The printable sign-in sheet of a workshop (A4 PDF, pdf-lib): title, date, venue; one row per
 * registered person (their name only, as needed to sign) and blank rows for walk-ins; a
 * column for each consent, with the versions of the consent texts read out, so that a filled
 * sheet can be typed back with the right versions (paper entry).
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { WorkshopRow } from '../../../db/schema.js';
import { consentTexts, currentConsentVersion } from '../../../src-shared/attendance/consent-texts.js';
import { PARIS_TIME_ZONE } from '../../../src-shared/time/paris-time.js';
import type { Executor } from '../store/executor.js';
import { sheetNames } from './attendance.repository.js';

type Locale = 'fr' | 'en';

const words = {
  fr: {
    heading: 'Feuille d’émargement',
    venue: 'Lieu',
    number: 'N°',
    name: 'Nom',
    signature: 'Signature',
    contact: 'Recontact (oui / non)',
    study: 'Étude (oui / non)',
    consents: 'Textes de consentement lus aux participant·es',
    page: 'Page',
  },
  en: {
    heading: 'Sign-in sheet',
    venue: 'Venue',
    number: 'No.',
    name: 'Name',
    signature: 'Signature',
    contact: 'Contact (yes / no)',
    study: 'Study (yes / no)',
    consents: 'Consent texts read to participants',
    page: 'Page',
  },
} as const;

/** Blank rows for people who did not register: a third of the expected, at least ten. */
export function blankRows(registered: number): number {
  return Math.max(10, Math.ceil(registered / 3));
}

function parisDate(iso: string, locale: Locale): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: PARIS_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of format.formatToParts(new Date(iso))) parts[p.type] = p.value;
  const time = locale === 'fr' ? `${Number(parts.hour)}\u00a0h\u00a0${parts.minute}` : `${parts.hour}:${parts.minute}`;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${time}`;
}

/**
 * The standard PDF fonts know only Latin-1-like characters (WinAnsi). A name in another script
 * is written with the accents stripped where that helps, and '?' otherwise, rather than failing
 * the whole sheet; the person signs beside it anyway.
 */
/** Latin letters that do not decompose into a base letter and an accent. */
const LATIN_FALLBACK: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

function printable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text) {
    const candidates = [ch, ch.normalize('NFD').replace(/\p{M}+/gu, ''), LATIN_FALLBACK[ch] ?? '', '?'];
    out += candidates.find((c) => {
      try {
        font.encodeText(c);
        return c.length > 0;
      } catch {
        return false;
      }
    });
  }
  return out;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const ROW = 26;
const COLUMNS = [
  { key: 'number', width: 30 },
  { key: 'name', width: 185 },
  { key: 'signature', width: 130 },
  { key: 'contact', width: 85 },
  { key: 'study', width: 85 },
] as const;

export async function buildSignInSheet(db: Executor, workshop: WorkshopRow, locale: Locale) {
  const names = await sheetNames(db, workshop.id);
  const w = words[locale];
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${w.heading} — ${workshop.title}`);
  pdf.setCreator('Atelier');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const rows = [...names, ...Array<string>(blankRows(names.length)).fill('')];

  let page: PDFPage = pdf.addPage(A4);
  let y = 0;
  const text = (s: string, x: number, size: number, font = regular) => page.drawText(printable(font, s), { x, y, size, font, color: rgb(0, 0, 0) });

  const header = (first: boolean) => {
    y = A4[1] - MARGIN;
    if (first) {
      text(w.heading, MARGIN, 18, bold);
      y -= 24;
      text(workshop.title.slice(0, 90), MARGIN, 13, bold);
      y -= 18;
      text(parisDate(workshop.starts_at, locale), MARGIN, 11);
      y -= 15;
      text(`${w.venue}${locale === 'fr' ? '\u00a0' : ''}: ${workshop.venue_name}${workshop.venue_address ? `, ${workshop.venue_address}` : ''}`.slice(0, 110), MARGIN, 11);
      y -= 22;
    }
    let x = MARGIN;
    for (const col of COLUMNS) {
      text(w[col.key], x + 3, 9, bold);
      x += col.width;
    }
    y -= 8;
  };

  header(true);
  for (const [i, name] of rows.entries()) {
    if (y - ROW < MARGIN + 90) {
      page = pdf.addPage(A4);
      header(false);
    }
    page.drawRectangle({ x: MARGIN, y: y - ROW, width: A4[0] - 2 * MARGIN, height: ROW, borderColor: rgb(0.3, 0.3, 0.3), borderWidth: 0.5 });
    let x = MARGIN;
    for (const col of COLUMNS.slice(0, -1)) {
      x += col.width;
      page.drawLine({ start: { x, y }, end: { x, y: y - ROW }, thickness: 0.5, color: rgb(0.3, 0.3, 0.3) });
    }
    y -= ROW;
    const baseline = y + 9;
    const saved = y;
    y = baseline;
    text(String(i + 1), MARGIN + 4, 10);
    if (name) text(name.slice(0, 40), MARGIN + COLUMNS[0].width + 4, 11);
    y = saved;
  }

  // The consent texts, by version, on the last page: what the facilitator reads out.
  y -= 20;
  text(`${w.consents}${locale === 'fr' ? '\u00a0' : ''}:`, MARGIN, 9, bold);
  for (const purpose of ['contact', 'study'] as const) {
    const version = currentConsentVersion[purpose];
    y -= 13;
    text(`[${version}] ${consentTexts[version].question[locale]}`.slice(0, 140), MARGIN, 8);
  }
  const pages = pdf.getPageCount();
  pdf.getPages().forEach((p, i) => {
    p.drawText(`${w.page} ${i + 1} / ${pages}`, { x: A4[0] - MARGIN - 50, y: MARGIN / 2, size: 8, font: regular });
  });
  const bytes = await pdf.save();
  const slug = workshop.title.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase();
  return { fileName: `emargement-${slug || 'atelier'}.pdf`, base64: Buffer.from(bytes).toString('base64'), pages };
}
