/** The page every A4 report the core writes is laid on, and the pen that moves down it. */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { PdfWriter } from './pdf-text.js';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 48;

/** Where the next line goes: the page, how far down (PDF points from the bottom), and the writer. */
export interface Pen {
  doc: PDFDocument;
  page: PDFPage;
  y: number;
  text: PdfWriter;
}

/** Turns to a new page when `height` more would cross the bottom margin. */
export function ensure(pen: Pen, height: number): void {
  if (pen.y - height >= MARGIN) return;
  pen.page = pen.doc.addPage(A4);
  pen.y = A4[1] - MARGIN;
}
