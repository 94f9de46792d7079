/**
 * The letters to La Transfo's candidates as one A4 PDF (pdf-lib), one letter per page, in
 * French (see letters.ts: the same parts as the text to paste into a mail). Every string goes
 * through the PDF writer (src-main/core/pdf): the fonts are embedded, any name prints as itself.
 * The document has its title and language (`fr-FR`) for screen readers and the archives.
 *
 * A letter starts a page. One whose reason runs long goes on to a next page rather than losing
 * words: what the lab wrote reaches the candidate whole.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import { localeOf } from '#shared/i18n/languages.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { A4, ensure, MARGIN, type Pen } from '../pdf/pdf-page.js';
import { cleanText, createPdfWriter, type TextStyle } from '../pdf/pdf-text.js';
import { letterParts, type LetterInput } from './letters.js';

/** A letter's side margins are wider than a report's: it reads as a letter, not a table. */
const LEFT = 72;
const WIDTH = A4[0] - 2 * LEFT;
const BODY: TextStyle = { size: 11 };
const GREY = rgb(0.35, 0.35, 0.35);

/** Draws `text` wrapped from the pen down, turning the page when needed. */
function paragraph(pen: Pen, text: string, style: TextStyle, after = 8): void {
  const step = style.size * 1.45;
  for (const line of pen.text.wrap(text, style, WIDTH)) {
    ensure(pen, step);
    pen.y -= step;
    pen.text.draw(pen.page, line, LEFT, pen.y, style);
  }
  pen.y -= after;
}

/** The letters, in the order given, one per page (more for a long one). Refuses an empty list. */
export async function buildLetters(inputs: readonly LetterInput[]): Promise<Buffer> {
  if (inputs.length === 0) throw new Error('No letter to print');
  // Every letter is checked (a refusal without its reason) before anything is drawn.
  const letters = inputs.map(letterParts);
  const t = translatorFor('fr');
  const doc = await PDFDocument.create();
  doc.setTitle(cleanText(t('transfo.letters.documentTitle', { campaign: inputs[0]!.campaignTitle })), { showInWindowTitleBar: true });
  doc.setLanguage(localeOf.fr);
  doc.setCreator('Atelier');
  const text = createPdfWriter(doc);

  for (const letter of letters) {
    const pen: Pen = { doc, page: doc.addPage(A4), y: A4[1] - MARGIN, text };
    pen.text.draw(pen.page, letter.header, LEFT, (pen.y -= 12), { size: 9, color: GREY });
    pen.y -= 36;
    const placeDate = pen.text.fit(letter.placeDate, BODY, WIDTH);
    pen.text.draw(pen.page, placeDate, A4[0] - LEFT - pen.text.width(placeDate, BODY), pen.y, BODY);
    pen.y -= 30;
    paragraph(pen, letter.subject, { size: 11, bold: true }, 18);
    paragraph(pen, letter.greeting, BODY, 6);
    for (const p of letter.paragraphs) paragraph(pen, p, BODY);
    paragraph(pen, letter.closing, BODY, 18);
    for (const line of letter.signature) paragraph(pen, line, BODY, 0);
  }

  await text.finish();
  return Buffer.from(await doc.save());
}
