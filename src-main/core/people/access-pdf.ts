/**
 * The access report as a PDF to hand to the person (A4, pdf-lib, the shipped Noto fonts through
 * the shared PDF writer, so a name in Arabic or Chinese prints as itself): identity, erasure,
 * each participation with its consents (the words asked) and the anonymous study answers, the
 * proposals carried, and when the identity will be purged. French or English.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import type { ParseKeys } from 'i18next';
import { dataLabel } from '#shared/i18n/label-accessors.js';
import type { Catalogue } from '#shared/i18n/catalogue.js';
import type { Language } from '#shared/i18n/languages.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { dayText, profileAnswerText } from '#shared/people/report-text.js';
import type { AccessReport } from '#shared/people/people.schema.js';
import { parisDateTimeText } from '#shared/time/paris-date-text.js';
import { A4, ensure, MARGIN, type Pen } from '../pdf/pdf-page.js';
import { cleanText, createPdfWriter } from '../pdf/pdf-text.js';

const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.35, 0.35, 0.38);

/** The report's sentences (its groups of values go through `named`). */
type ReportWord = { [K in keyof Catalogue['people']['report']]: Catalogue['people']['report'][K] extends string ? K : never }[keyof Catalogue['people']['report']];


/** Wrapped text at `indent`, each line on the page it fits. */
function paragraph(pen: Pen, text: string, options: { size?: number; bold?: boolean; indent?: number; grey?: boolean; gap?: number } = {}) {
  const size = options.size ?? 10;
  // Room under each line: Arabic and Indic glyphs reach further below the baseline than Latin.
  const gap = options.gap ?? 4;
  const indent = options.indent ?? 0;
  const style = { size, bold: !!options.bold, color: options.grey ? GREY : INK };
  for (const line of pen.text.wrap(text, style, WIDTH - indent)) {
    ensure(pen, size + gap);
    pen.text.draw(pen.page, line, MARGIN + indent, pen.y, style);
    pen.y -= size + gap;
  }
}

function heading(pen: Pen, text: string) {
  pen.y -= 8;
  ensure(pen, 40);
  paragraph(pen, text, { size: 13, bold: true });
  pen.y -= 2;
}

export async function accessReportPdf(report: AccessReport, language: Language): Promise<Uint8Array> {
  // The catalogue's words (people.report, labels), as the person's screen shows them.
  const t = translatorFor(language);
  const l = (key: ReportWord, options?: Record<string, unknown>) => t(`people.report.${key}`, options ?? {});
  // A value read from data (a field, a purpose): its label, or the value itself if unknown.
  const named = (group: string, value: string) => t(`people.report.${group}.${value}` as ParseKeys, { defaultValue: value });
  const colon = language === 'fr' ? '\u00a0:' : ':';
  const at = (iso: string) => parisDateTimeText(iso, language);
  const quoted = (text: string) => (language === 'fr' ? `«\u00a0${text}\u00a0»` : `“${text}”`);
  const doc = await PDFDocument.create();
  doc.setTitle(cleanText(l('title')));
  doc.setLanguage(language === 'fr' ? 'fr-FR' : 'en-GB');
  doc.setCreator('Atelier');
  const pen: Pen = { doc, page: doc.addPage(A4), y: A4[1] - MARGIN, text: createPdfWriter(doc) };

  paragraph(pen, l('title'), { size: 18, bold: true });
  pen.y -= 4;
  paragraph(pen, l('intro'));
  paragraph(pen, `${l('generatedAt')} ${at(report.generatedAt)}`, { size: 9, grey: true });
  paragraph(pen, `${l('reference')}${colon} ${report.subject.id}`, { size: 9, grey: true });

  heading(pen, l('identity'));
  if (report.erasure) {
    const reason = named('reasons', report.erasure.reason);
    paragraph(pen, `${l('erasedOn')} ${at(report.erasure.erasedAt)} (${reason}).`, { bold: true });
  }
  for (const identity of report.identities) {
    for (const [field, value] of Object.entries(identity.fields)) {
      paragraph(pen, `${named('fields', field)}${colon} ${value ?? l('empty')}`, { size: 11, gap: 8 });
    }
    paragraph(pen, `${l('recordedOn')} ${at(identity.createdAt)}`, { size: 9, grey: true });
    if (identity.removedAt) paragraph(pen, `${l('removedOn')} ${at(identity.removedAt)}`, { size: 9, grey: true });
  }

  heading(pen, l('participations'));
  if (report.participations.length === 0) paragraph(pen, l('noParticipation'));
  for (const p of report.participations) {
    pen.y -= 4;
    paragraph(pen, p.workshop ? `${p.workshop.title} — ${at(p.workshop.startsAt)}, ${p.workshop.venueName}` : l('unknownWorkshop'), { size: 11, bold: true });
    const status = `${dataLabel(t, 'attendanceStatuses', p.status)} (${dataLabel(t, 'attendanceSources', p.source)})`;
    paragraph(pen, p.checkedInAt ? `${status} — ${l('arrivedAt')}${colon} ${at(p.checkedInAt)}` : status, { indent: 12 });
    paragraph(pen, `${l('recordedBy')}${colon} ${p.recordedBy}`, { indent: 12, size: 9, grey: true });
    if (p.removedAt) paragraph(pen, `${l('removedOn')} ${at(p.removedAt)}`, { indent: 12, size: 9, grey: true });
    paragraph(pen, l('consents'), { indent: 12, bold: true });
    if (p.consents.length === 0) paragraph(pen, l('noConsent'), { indent: 24 });
    for (const c of p.consents) {
      const answer = c.granted ? l('granted') : l('refused');
      paragraph(pen, `${named('purposes', c.purpose)}${colon} ${answer} — ${at(c.recordedAt)} (${l('textVersion')} ${c.textVersion})`, { indent: 24 });
      if (c.question[language]) paragraph(pen, `${l('question')}${colon} ${quoted(c.question[language])}`, { indent: 36, size: 9, grey: true });
      if (c.removedAt) paragraph(pen, `${l('removedOn')} ${at(c.removedAt)}`, { indent: 36, size: 9, grey: true });
    }
    if (p.profile) {
      paragraph(pen, l('profile'), { indent: 12, bold: true });
      for (const [field, value] of Object.entries(p.profile)) {
        paragraph(pen, `${named('profileFields', field)}${colon} ${profileAnswerText(t, field, value)}`, { indent: 24 });
      }
    }
  }

  heading(pen, l('proposals'));
  if (report.proposals.length === 0) paragraph(pen, l('noProposal'));
  for (const p of report.proposals) paragraph(pen, `${p.title}${p.workshopTitle ? ` — ${p.workshopTitle}` : ''} (${at(p.capturedAt)})`);

  heading(pen, l('retention'));
  paragraph(pen, report.purgeOn ? l('purgeOn', { date: dayText(report.purgeOn, language), months: report.retentionMonths }) : l('alreadyErased'));
  pen.y -= 6;
  paragraph(pen, l('rights'), { size: 9, grey: true });

  const pages = doc.getPageCount();
  doc.getPages().forEach((p, i) => pen.text.draw(p, `${l('page')} ${i + 1} / ${pages}`, A4[0] - MARGIN - 50, MARGIN / 2, { size: 8 }));
  await pen.text.finish();
  return doc.save();
}
