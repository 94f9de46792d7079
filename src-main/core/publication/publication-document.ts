/**
 * The publication as a document, once: its title, its sections, the lab's words between them,
 * each chart with the table that carries its figures, the map and the photos. The HTML page
 * (publication-html.ts) and the PDF (publication-pdf.ts) both draw this model, so they say the
 * same thing. Every category is a code translated here (kind, arrondissement, status, state);
 * free text (a workshop's title, a decision) is shown as itself, never counted.
 */
import type { TFunction } from 'i18next';
import { arrondissementLabel } from '#shared/i18n/label-accessors.js';
import { localeOf, type Language } from '#shared/i18n/languages.js';
import { caseDirectionText, caseStateText } from '#shared/publication/case-labels.js';
import type { BlockSlot, ChosenPhoto, MonthFigures, PublicationSnapshot, YearFigures } from '#shared/publication/publication.schema.js';
import type { StudyCell } from '#shared/study/study.schema.js';
import { parisDateTimeText } from '#shared/time/paris-date-text.js';

export interface Bar {
  label: string;
  /** Null when masked: drawn as nothing, said by `shown`. */
  value: number | null;
  shown: string;
}
export type Part =
  | { type: 'heading'; level: 2; text: string }
  | { type: 'paragraph'; text: string; small?: boolean }
  | { type: 'block'; slot: BlockSlot; paragraphs: string[] }
  | { type: 'bars'; id: string; caption: string; bars: Bar[] }
  | { type: 'table'; caption: string; head: string[]; rows: string[][]; numeric: boolean[] }
  | { type: 'map'; title: string; description: string; counts: Record<number, number> }
  | { type: 'photos'; photos: ChosenPhoto[] };

export interface PublicationDocument {
  lang: Language;
  title: string;
  subtitle: string[];
  parts: Part[];
}

export interface DocumentMeta {
  language: Language;
  /** `Version n, published on …`, or null for a draft. */
  published: { n: number; at: string } | null;
  generatedAt: string;
}

/** Paragraphs of a block: split on blank lines, each line break kept as a space. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

export function cellText(t: TFunction, c: StudyCell): string {
  if (c.value !== null) return String(c.value);
  return c.masked === 'complement' ? t('publication.doc.complement') : t('publication.doc.small');
}

const monthName = (month: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
const dayText = (iso: string, language: Language) => new Intl.DateTimeFormat(localeOf[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(iso));

export function publicationDocument(snapshot: PublicationSnapshot, t: TFunction, meta: DocumentMeta): PublicationDocument {
  const parts: Part[] = [];
  const block = (slot: BlockSlot) => {
    const paragraphs = paragraphsOf(snapshot.blocks[slot]);
    if (paragraphs.length > 0) parts.push({ type: 'block', slot, paragraphs });
  };
  const subtitle = [
    meta.published ? t('publication.doc.publishedVersion', { n: meta.published.n, date: parisDateTimeText(meta.published.at, meta.language) }) : t('publication.doc.draft'),
    t('publication.doc.generatedFrom', { date: dayText(meta.generatedAt, meta.language) }),
  ];
  block('intro');
  if (snapshot.figures.kind === 'month') monthParts(parts, snapshot.figures.month, t, meta.language, block);
  else yearParts(parts, snapshot.figures.year, t, meta.language, block);
  if (snapshot.photos.length > 0) {
    parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.photos') });
    parts.push({ type: 'photos', photos: snapshot.photos });
  }
  block('conclusion');
  return { lang: meta.language, title: snapshot.title, subtitle, parts };
}

function proposalParts(parts: Part[], t: TFunction, byArrondissement: { arrondissement: number; count: number }[], parisWide: number) {
  const counts: Record<number, number> = {};
  for (const a of byArrondissement) counts[a.arrondissement] = a.count;
  parts.push({ type: 'map', title: t('publication.doc.mapTitle'), description: t('publication.doc.mapDescription'), counts });
  parts.push({
    type: 'table',
    caption: t('publication.doc.byArrondissementCaption'),
    head: [t('publication.doc.colArrondissement'), t('publication.doc.colProposals')],
    rows: byArrondissement.map((a) => [arrondissementLabel(t, a.arrondissement), String(a.count)]),
    numeric: [false, true],
  });
  if (parisWide > 0) parts.push({ type: 'paragraph', text: t('publication.doc.parisWide', { count: parisWide }) });
}

function monthParts(parts: Part[], f: MonthFigures, t: TFunction, language: Language, block: (slot: BlockSlot) => void) {
  const kind = (k: string) => t(`labels.workshopKinds.${k}` as 'labels.workshopKinds.lab_monthly');
  parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.workshops') });
  parts.push({ type: 'paragraph', text: f.workshops.total > 0 ? t('publication.doc.workshopsTotal', { count: f.workshops.total }) : t('publication.doc.noWorkshop') });
  if (f.workshops.total > 0) {
    const caption = t('publication.doc.byKindCaption');
    parts.push({ type: 'bars', id: 'workshops-by-kind', caption, bars: f.workshops.byKind.map((k) => ({ label: kind(k.kind), value: k.count, shown: String(k.count) })) });
    parts.push({ type: 'table', caption, head: [t('publication.doc.colKind'), t('publication.doc.colCount')], rows: f.workshops.byKind.map((k) => [kind(k.kind), String(k.count)]), numeric: [false, true] });
    parts.push({
      type: 'table',
      caption: t('publication.doc.listCaption'),
      head: [t('publication.doc.colDate'), t('publication.doc.colWorkshop'), t('publication.doc.colKind'), t('publication.doc.colArrondissement')],
      rows: f.workshops.list.map((w) => [dayText(w.startsAt, language), w.title, kind(w.kind), arrondissementLabel(t, w.arrondissement)]),
      numeric: [false, false, false, false],
    });
  }
  block('afterWorkshops');

  parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.participation') });
  parts.push({ type: 'paragraph', text: t('publication.doc.participationTotal', { value: cellText(t, f.participation.total) }) });
  if (f.participation.byKind.length > 0) {
    const caption = t('publication.doc.participationCaption');
    parts.push({ type: 'bars', id: 'participation-by-kind', caption, bars: f.participation.byKind.map((c) => ({ label: kind(c.key), value: c.value, shown: cellText(t, c) })) });
    parts.push({ type: 'table', caption, head: [t('publication.doc.colKind'), t('publication.doc.colPeople')], rows: f.participation.byKind.map((c) => [kind(c.key), cellText(t, c)]), numeric: [false, true] });
  }
  parts.push({ type: 'paragraph', text: t('publication.doc.maskedNote'), small: true });
  block('afterParticipation');

  parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.proposals') });
  parts.push({ type: 'paragraph', text: t('publication.doc.proposalsTotal', { count: f.proposals.total }) });
  proposalParts(parts, t, f.proposals.byArrondissement, f.proposals.parisWide);
  if (f.proposals.byStatus.length > 0) {
    const status = (s: string) => t(`labels.proposalStatuses.${s}` as 'labels.proposalStatuses.draft');
    parts.push({ type: 'table', caption: t('publication.doc.byStatusCaption'), head: [t('publication.doc.colStatus'), t('publication.doc.colProposals')], rows: f.proposals.byStatus.map((s) => [status(s.status), String(s.count)]), numeric: [false, true] });
  }
  block('afterProposals');

  parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.cases') });
  parts.push({ type: 'paragraph', text: f.cases.total > 0 ? t('publication.doc.casesTotal', { count: f.cases.total }) : t('publication.doc.noCase') });
  if (f.cases.total > 0) {
    parts.push({
      type: 'table',
      caption: t('publication.doc.casesCaption'),
      head: [t('publication.doc.colCase'), t('publication.doc.colDirection'), t('publication.doc.colState'), t('publication.doc.colJournal'), t('publication.doc.decisions')],
      rows: f.cases.list.map((c) => [c.title, caseDirectionText(t, c.direction), caseStateText(t, c.state), String(c.journalEntries), c.decisions.map((d) => t('publication.doc.decision', { date: d.on.slice(0, 10), text: d.text })).join(' — ')]),
      numeric: [false, false, false, true, false],
    });
  }
  block('afterCases');
}

function yearParts(parts: Part[], f: YearFigures, t: TFunction, language: Language, block: (slot: BlockSlot) => void) {
  parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.months') });
  parts.push({ type: 'paragraph', text: f.missing.length > 0 ? t('publication.doc.missingMonths', { months: f.missing.map((m) => monthName(m, language)).join(', ') }) : t('publication.doc.allMonths') });
  const dash = t('publication.doc.notPublished');
  const caption = t('publication.doc.monthsCaption');
  parts.push({ type: 'bars', id: 'workshops-by-month', caption: t('publication.doc.colWorkshops'), bars: f.months.map((m) => ({ label: monthName(m.month, language), value: m.workshops, shown: m.workshops === null ? dash : String(m.workshops) })) });
  parts.push({
    type: 'table',
    caption,
    head: [t('publication.doc.colMonth'), t('publication.doc.colVersion'), t('publication.doc.colWorkshops'), t('publication.doc.colPeople'), t('publication.doc.colProposals'), t('publication.doc.colCases')],
    rows: f.months.map((m) => [
      monthName(m.month, language),
      m.version === null ? dash : String(m.version),
      m.workshops === null ? dash : String(m.workshops),
      m.participants === null ? dash : cellText(t, m.participants),
      m.proposals === null ? dash : String(m.proposals),
      m.cases === null ? dash : String(m.cases),
    ]),
    numeric: [false, true, true, true, true, true],
  });
  block('afterWorkshops');
  parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.participation') });
  parts.push({ type: 'paragraph', text: t('publication.doc.yearWorkshops', { count: f.workshops.total }) });
  parts.push({ type: 'paragraph', text: t(f.participation.atLeast ? 'publication.doc.yearParticipationAtLeast' : 'publication.doc.yearParticipation', { value: f.participation.shown }) });
  parts.push({ type: 'paragraph', text: t('publication.doc.maskedNote'), small: true });
  block('afterParticipation');
  parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.proposals') });
  parts.push({ type: 'paragraph', text: t('publication.doc.yearProposals', { count: f.proposals.total }) });
  proposalParts(parts, t, f.proposals.byArrondissement, f.proposals.parisWide);
  block('afterProposals');
  parts.push({ type: 'heading', level: 2, text: t('publication.doc.sections.cases') });
  parts.push({ type: 'paragraph', text: t('publication.doc.yearCases', { count: f.cases.total }) });
  block('afterCases');
}
