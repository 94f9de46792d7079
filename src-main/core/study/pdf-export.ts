/**
 * The dashboard as a PDF (pdf-lib, A4, the shipped Noto fonts): the key figures, then each
 * table with a bar beside every count — the bar's length and the printed number carry the same
 * figure, so nothing depends on colour — and the cross tables of supporters as grids.
 * Built from the masked dashboard: a masked cell prints « < 5 » and draws no bar.
 * Every text goes through the PDF writer (src-main/core/pdf): a workshop title or an answer
 * with a control character, an emoji or a name in another script prints, never fails.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import type { TFunction } from 'i18next';
import { localeOf, type Language } from '#shared/i18n/languages.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { categoryLabel, crossRowDimension } from '#shared/study/study-labels.js';
import type { StudyCell, StudyDashboard } from '#shared/study/study.schema.js';
import { A4, ensure, MARGIN, type Pen } from '../pdf/pdf-page.js';
import { cleanText, createPdfWriter, type TextStyle } from '../pdf/pdf-text.js';

const INK = rgb(0.1, 0.1, 0.12);
const BAR = rgb(0.22, 0.3, 0.55);


function write(pen: Pen, text: string, x: number, size = 10, bold = false, maxWidth?: number) {
  pen.text.draw(pen.page, text, x, pen.y, { size, bold, color: INK, ...(maxWidth ? { maxWidth } : {}) });
}

function paragraph(pen: Pen, text: string, size: number, bold = false) {
  const style: TextStyle = { size, bold, color: INK };
  for (const line of pen.text.wrap(text, style, A4[0] - 2 * MARGIN)) {
    ensure(pen, size + 4);
    write(pen, line, MARGIN, size, bold);
    pen.y -= size + 4;
  }
}

const shown = (c: StudyCell, t: TFunction) =>
  c.masked === 'small' ? t('study.files.masked') : c.masked === 'complement' ? t('study.files.complement') : String(c.value);

export async function studyPdf(d: StudyDashboard, language: Language, scope: string, generated: string): Promise<Uint8Array> {
  const t = translatorFor(language);
  const doc = await PDFDocument.create();
  doc.setTitle(cleanText(t('study.files.pdfTitle')));
  doc.setLanguage(localeOf[language]);
  doc.setCreator('Atelier');
  const pen: Pen = { doc, page: doc.addPage(A4), y: A4[1] - MARGIN, text: createPdfWriter(doc) };

  paragraph(pen, t('study.files.pdfTitle'), 16, true);
  paragraph(pen, scope, 11);
  paragraph(pen, generated, 9);
  pen.y -= 6;
  paragraph(pen, t('study.files.maskingNote'), 9);
  pen.y -= 8;

  const h = d.headline;
  const figures: [string, string][] = [
    [t('study.headline.workshops'), String(d.workshops)],
    [t('study.headline.participants'), shown(h.participants, t)],
    [t('study.headline.withProfile'), shown(h.withProfile, t)],
    [t('study.headline.proposals'), String(h.proposals)],
    [t('study.headline.supports'), String(h.supports)],
    [t('study.headline.dots'), String(h.dots)],
  ];
  paragraph(pen, t('study.tables.headline'), 12, true);
  for (const [label, value] of figures) {
    ensure(pen, 14);
    write(pen, label, MARGIN, 10, false, 240);
    write(pen, value, 300, 10, true);
    pen.y -= 14;
  }

  for (const table of [...d.attendance, ...d.proposals]) {
    pen.y -= 10;
    ensure(pen, 40);
    paragraph(pen, t('study.files.tableTotal', { table: t(`study.tables.${table.id}`), total: shown(table.total, t) }), 12, true);
    const max = Math.max(1, ...table.cells.map((c) => c.value ?? 0));
    for (const c of table.cells) {
      ensure(pen, 14);
      write(pen, categoryLabel(t, table.id, c.key), MARGIN, 9, false, 200);
      if (!c.masked && c.value) pen.page.drawRectangle({ x: 260, y: pen.y - 1, width: (c.value / max) * 200, height: 9, color: BAR });
      write(pen, shown(c, t), 470, 9, true);
      pen.y -= 14;
    }
  }

  // Cross tables printed with themes as rows (11) and profile groups as columns (≤ 7): fits A4.
  for (const x of d.supports) {
    pen.y -= 10;
    ensure(pen, 60);
    paragraph(pen, t(`study.tables.${x.id}`), 12, true);
    const colWidth = Math.min(60, (A4[0] - 2 * MARGIN - 150) / x.rows.length);
    // Group names wrap over their column (« Moins de / 16 ans ») rather than being cut.
    const heads = x.rows.map((r) => pen.text.wrap(categoryLabel(t, crossRowDimension[x.id], r), { size: 7, bold: true }, colWidth - 4).slice(0, 3));
    const headLines = Math.max(...heads.map((lines) => lines.length));
    ensure(pen, headLines * 9 + 12);
    heads.forEach((lines, i) => lines.forEach((line, j) => pen.text.draw(pen.page, line, MARGIN + 150 + i * colWidth, pen.y - j * 9, { size: 7, bold: true, color: INK })));
    pen.y -= headLines * 9 + 3;
    x.columns.forEach((theme, j) => {
      ensure(pen, 12);
      write(pen, categoryLabel(t, 'theme', theme), MARGIN, 8, false, 145);
      x.rows.forEach((_, i) => write(pen, shown(x.cells[i]![j]!, t), MARGIN + 150 + i * colWidth, 8));
      pen.y -= 12;
    });
  }
  await pen.text.finish();
  return doc.save({ useObjectStreams: false });
}
