/**
 * The dashboard as a PDF (pdf-lib, standard Helvetica, A4): the key figures, then each table
 * with a bar beside every count — the bar's length and the printed number carry the same
 * figure, so nothing depends on colour — and the cross tables of supporters as grids.
 * Built from the masked dashboard: a masked cell prints « < 5 » and draws no bar.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { categoryLabel, crossRowDimension, studyLabels, type StudyLanguage } from '../../../src-shared/study/study-labels.js';
import type { StudyCell, StudyDashboard } from '../../../src-shared/study/study.schema.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const INK = rgb(0.1, 0.1, 0.12);
const BAR = rgb(0.22, 0.3, 0.55);

/** Helvetica speaks WinAnsi only: keep Latin-1 and the few extra signs French needs, replace the rest. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function winAnsi(text: string): string {
  return [...text.replace(/[\u202f\u2009]/g, '\u00a0').replace(/→/g, '->')]
    .map((ch) => (ch.charCodeAt(0) < 0x100 || WIN_ANSI_EXTRA.has(ch) ? ch : '?'))
    .join('');
}

interface Pen {
  doc: PDFDocument;
  page: PDFPage;
  y: number;
  font: PDFFont;
  bold: PDFFont;
}

function ensure(pen: Pen, height: number) {
  if (pen.y - height >= MARGIN) return;
  pen.page = pen.doc.addPage(A4);
  pen.y = A4[1] - MARGIN;
}

function write(pen: Pen, text: string, x: number, size = 10, font = pen.font, maxWidth?: number) {
  let t = winAnsi(text);
  if (maxWidth) while (t.length > 1 && font.widthOfTextAtSize(t, size) > maxWidth) t = `${t.slice(0, -2)}…`;
  pen.page.drawText(t, { x, y: pen.y, size, font, color: INK });
}

function paragraph(pen: Pen, text: string, size: number, font = pen.font) {
  const width = A4[0] - 2 * MARGIN;
  let line = '';
  for (const word of winAnsi(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      ensure(pen, size + 4);
      write(pen, line, MARGIN, size, font);
      pen.y -= size + 4;
      line = word;
    } else line = next;
  }
  if (line) {
    ensure(pen, size + 4);
    write(pen, line, MARGIN, size, font);
    pen.y -= size + 4;
  }
}

const shown = (c: StudyCell, l: (typeof studyLabels)['fr']) =>
  c.masked === 'small' ? l.masked : c.masked === 'complement' ? l.complement : String(c.value);

export async function studyPdf(d: StudyDashboard, language: StudyLanguage, scope: string, generated: string): Promise<Uint8Array> {
  const l = studyLabels[language];
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(l.pdfTitle));
  doc.setLanguage(language === 'fr' ? 'fr-FR' : 'en-GB');
  doc.setCreator('Atelier');
  const pen: Pen = { doc, page: doc.addPage(A4), y: A4[1] - MARGIN, font: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };

  paragraph(pen, l.pdfTitle, 16, pen.bold);
  paragraph(pen, scope, 11);
  paragraph(pen, generated, 9);
  pen.y -= 6;
  paragraph(pen, l.maskingNote, 9);
  pen.y -= 8;

  const h = d.headline;
  const figures: [string, string][] = [
    [l.headline.workshops, String(d.workshops)],
    [l.headline.participants, shown(h.participants, l)],
    [l.headline.withProfile, shown(h.withProfile, l)],
    [l.headline.proposals, String(h.proposals)],
    [l.headline.supports, String(h.supports)],
    [l.headline.dots, String(h.dots)],
  ];
  paragraph(pen, l.tables.headline, 12, pen.bold);
  for (const [label, value] of figures) {
    ensure(pen, 14);
    write(pen, label, MARGIN);
    write(pen, value, 300, 10, pen.bold);
    pen.y -= 14;
  }

  for (const t of [...d.attendance, ...d.proposals]) {
    pen.y -= 10;
    ensure(pen, 40);
    paragraph(pen, `${l.tables[t.id]} (${l.total}\u00a0: ${shown(t.total, l)})`, 12, pen.bold);
    const max = Math.max(1, ...t.cells.map((c) => c.value ?? 0));
    for (const c of t.cells) {
      ensure(pen, 14);
      write(pen, categoryLabel(language, t.id, c.key), MARGIN, 9, pen.font, 200);
      if (!c.masked && c.value) pen.page.drawRectangle({ x: 260, y: pen.y - 1, width: (c.value / max) * 200, height: 9, color: BAR });
      write(pen, shown(c, l), 470, 9, pen.bold);
      pen.y -= 14;
    }
  }

  // Cross tables printed with themes as rows (11) and profile groups as columns (≤ 7): fits A4.
  for (const x of d.supports) {
    pen.y -= 10;
    ensure(pen, 60);
    paragraph(pen, l.tables[x.id], 12, pen.bold);
    const colWidth = Math.min(60, (A4[0] - 2 * MARGIN - 150) / x.rows.length);
    ensure(pen, 14);
    x.rows.forEach((r, i) => write(pen, categoryLabel(language, crossRowDimension[x.id], r), MARGIN + 150 + i * colWidth, 7, pen.bold, colWidth - 4));
    pen.y -= 12;
    x.columns.forEach((theme, j) => {
      ensure(pen, 12);
      write(pen, categoryLabel(language, 'theme', theme), MARGIN, 8, pen.font, 145);
      x.rows.forEach((_, i) => write(pen, shown(x.cells[i]![j]!, l), MARGIN + 150 + i * colWidth, 8));
      pen.y -= 12;
    });
  }
  return doc.save({ useObjectStreams: false });
}
