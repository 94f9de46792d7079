/**
 * The publication as an A4 PDF (pdf-lib, fonts embedded by src-main/core/pdf): the same
 * document as the HTML page (publication-document.ts) — headings, the lab's words, each chart
 * drawn and followed by its table, the map of the arrondissements (the same outlines, as vector
 * paths), the chosen photos embedded as they are stored (JPEG or PNG; pdf-lib does not
 * recompress), each with its alternative text printed beneath it. The document has its title
 * and language for screen readers and the archives; pdf-lib writes no structure tags, which is
 * why every image's words are printed as text too.
 */
import { PDFDocument, rgb, type RGB } from 'pdf-lib';
import { localeOf } from '#shared/i18n/languages.js';
import { A4, ensure, MARGIN, type Pen } from '../pdf/pdf-page.js';
import { cleanText, createPdfWriter, type TextStyle } from '../pdf/pdf-text.js';
import { MAP_SHADES, shadeIndex } from './publication-charts.js';
import type { Bar, Part, PublicationDocument } from './publication-document.js';
import type { PublicationMap } from './publication-map.js';

/** A chosen photo's bytes (null when missing on this laptop) and its media type. */
export interface PdfPhoto {
  sha256: string;
  alt: string;
  mediaType: string;
  bytes: Uint8Array | null;
}

const WIDTH = A4[0] - 2 * MARGIN;
const BODY: TextStyle = { size: 10.5 };
const SMALL: TextStyle = { size: 9, color: rgb(0.3, 0.3, 0.3) };
const BLUE = rgb(0.12, 0.31, 0.55);

const hex = (h: string): RGB => rgb(parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255);

function paragraph(pen: Pen, text: string, style: TextStyle, after = 6, x = MARGIN, width = WIDTH): void {
  const step = style.size * 1.4;
  for (const line of pen.text.wrap(text, style, width)) {
    ensure(pen, step);
    pen.y -= step;
    pen.text.draw(pen.page, line, x, pen.y, style);
  }
  pen.y -= after;
}

function bars(pen: Pen, list: readonly Bar[]): void {
  const labelW = 190;
  const span = WIDTH - labelW - 50;
  const max = Math.max(1, ...list.map((b) => b.value ?? 0));
  for (const b of list) {
    ensure(pen, 20);
    pen.y -= 18;
    pen.text.draw(pen.page, b.label, MARGIN, pen.y + 4, { ...SMALL, maxWidth: labelW - 8 });
    const w = b.value === null ? 0 : Math.max(2, (b.value / max) * span);
    if (w > 0) pen.page.drawRectangle({ x: MARGIN + labelW, y: pen.y, width: w, height: 14, color: BLUE });
    pen.text.draw(pen.page, b.shown, MARGIN + labelW + w + 4, pen.y + 4, SMALL);
  }
  pen.y -= 10;
}

function table(pen: Pen, part: Extract<Part, { type: 'table' }>): void {
  const cols = part.head.length;
  // The first column and free-text columns get more room than the numbers.
  const weights = part.numeric.map((n) => (n ? 1 : 2.4));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * WIDTH);
  paragraph(pen, part.caption, { size: 10.5, bold: true }, 2);
  const row = (cells: readonly string[], style: TextStyle) => {
    const lines = cells.map((c, i) => pen.text.wrap(c || ' ', style, widths[i]! - 6));
    const height = Math.max(...lines.map((l) => l.length)) * style.size * 1.3 + 4;
    ensure(pen, height);
    let x = MARGIN;
    for (let i = 0; i < cols; i++) {
      let y = pen.y - style.size * 1.1 - 2;
      for (const l of lines[i]!) {
        const dx = part.numeric[i] ? widths[i]! - 3 - pen.text.width(l, style) : 3;
        pen.text.draw(pen.page, l, x + dx, y, style);
        y -= style.size * 1.3;
      }
      x += widths[i]!;
    }
    pen.y -= height;
    pen.page.drawLine({ start: { x: MARGIN, y: pen.y }, end: { x: MARGIN + WIDTH, y: pen.y }, thickness: 0.5, color: rgb(0.55, 0.55, 0.55) });
  };
  row(part.head, { size: 9, bold: true });
  for (const r of part.rows) row(r, { size: 9 });
  pen.y -= 10;
}

function mapDrawing(pen: Pen, map: PublicationMap, counts: Record<number, number>, title: string): void {
  const scale = Math.min(WIDTH / map.width, 300 / map.height);
  const height = map.height * scale;
  paragraph(pen, title, { size: 10.5, bold: true }, 2);
  ensure(pen, height + 8);
  const top = pen.y - 4;
  const max = Math.max(0, ...Object.values(counts));
  for (const a of map.areas) {
    const n = counts[a.arrondissement] ?? 0;
    const shade = shadeIndex(n, max);
    pen.page.drawSvgPath(a.d, { x: MARGIN, y: top, scale, color: hex(MAP_SHADES[shade]!), borderColor: rgb(0.33, 0.33, 0.33), borderWidth: 0.6 });
    if (n > 0) {
      const label = String(n);
      const style: TextStyle = { size: 8, bold: true, color: shade >= 3 ? rgb(1, 1, 1) : rgb(0.1, 0.1, 0.1) };
      pen.text.draw(pen.page, label, MARGIN + a.x * scale - pen.text.width(label, style) / 2, top - a.y * scale - 3, style);
    }
  }
  pen.y = top - height - 8;
}

async function photo(pen: Pen, p: PdfPhoto): Promise<void> {
  if (p.bytes && (p.mediaType === 'image/jpeg' || p.mediaType === 'image/png')) {
    const image = p.mediaType === 'image/jpeg' ? await pen.doc.embedJpg(p.bytes) : await pen.doc.embedPng(p.bytes);
    const scale = Math.min(WIDTH / image.width, 320 / image.height, 1);
    const w = image.width * scale;
    const h = image.height * scale;
    ensure(pen, h + 20);
    pen.y -= h;
    pen.page.drawImage(image, { x: MARGIN, y: pen.y, width: w, height: h });
    pen.y -= 4;
  }
  paragraph(pen, p.alt, SMALL, 12);
}

/** The PDF and its page count (counted while drawn: parsing 50 MB of photos back to count them cost seconds). */
export async function publicationPdf(doc: PublicationDocument, photos: readonly PdfPhoto[], map: PublicationMap): Promise<{ bytes: Buffer; pages: number }> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(cleanText(doc.title), { showInWindowTitleBar: true });
  pdf.setLanguage(localeOf[doc.lang]);
  pdf.setCreator('Atelier');
  pdf.setSubject(doc.subtitle.join(' '));
  const text = createPdfWriter(pdf);
  const pen: Pen = { doc: pdf, page: pdf.addPage(A4), y: A4[1] - MARGIN, text };
  paragraph(pen, doc.title, { size: 20, bold: true }, 6);
  for (const s of doc.subtitle) paragraph(pen, s, SMALL, 2);
  pen.y -= 8;
  for (const part of doc.parts) {
    switch (part.type) {
      case 'heading':
        ensure(pen, 60);
        pen.y -= 10;
        paragraph(pen, part.text, { size: 14, bold: true, color: BLUE }, 6);
        break;
      case 'paragraph':
        paragraph(pen, part.text, part.small ? SMALL : BODY);
        break;
      case 'block':
        for (const p of part.paragraphs) paragraph(pen, p, BODY, 6);
        break;
      case 'bars':
        paragraph(pen, part.caption, { size: 10.5, bold: true }, 2);
        bars(pen, part.bars);
        break;
      case 'table':
        table(pen, part);
        break;
      case 'map':
        mapDrawing(pen, map, part.counts, part.title);
        break;
      case 'photos':
        for (const chosen of part.photos) {
          const p = photos.find((x) => x.sha256 === chosen.sha256);
          if (p) await photo(pen, p);
        }
        break;
    }
  }
  await text.finish();
  // Without object streams: the photos' streams are copied once, not packed again (faster on 50 MB).
  return { bytes: Buffer.from(await pdf.save({ useObjectStreams: false })), pages: pdf.getPageCount() };
}
