/**
 * The restitution report of a charter consultation (A4 PDF, pdf-lib, through the shared PDF
 * writer so any script prints as itself), for the public meeting: the consultation, its period
 * and channels; the key figures; chapter by chapter what was said, by how many and through
 * which channel (contributions per channel, the agreement with each article, the amendments,
 * the proposals' own words); the most amended articles; the themes cited most; the opinion
 * groups; and what the City keeps of each article, and why.
 *
 * Words come from the catalogue (namespace `charterReport`) through the core's translator
 * (`translatorFor(locale)`: nothing else is needed), in French or English. The figures are
 * those of the synthesis and the opinion groups (synthesis.ts, opinion-groups.ts): counts of
 * people under five print as « < 5 », groups under five are never shown. A caller that already
 * computed them may pass them in, otherwise they are computed here from the same data.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import type { CharterChannel, CharterSynthesis, Contribution, OpinionGroups } from '#shared/charter/charter.schema.js';
import { charterChannels } from '#shared/charter/charter.schema.js';
import { localeOf, type Language } from '#shared/i18n/languages.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { dayText } from '#shared/people/report-text.js';
import { parisDateTimeText } from '#shared/time/paris-date-text.js';
import { A4, ensure, MARGIN, type Pen } from '../pdf/pdf-page.js';
import { cleanText, createPdfWriter } from '../pdf/pdf-text.js';
import { computeOpinionGroups } from './opinion-groups.js';
import { computeCharterSynthesis, liveContributions, orderedArticles, type CharterData } from './synthesis.js';

const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.35, 0.35, 0.38);
/** Proposals printed per chapter (the others are counted). */
export const PROPOSALS_PER_CHAPTER = 8;

export interface CharterReportOptions {
  locale: Language;
  /** When the document is drawn up (printed on it). */
  now: Date;
  /** Already computed from the same data (the handler may have them); computed here otherwise. */
  synthesis?: CharterSynthesis;
  opinionGroups?: OpinionGroups;
}

function paragraph(pen: Pen, text: string, options: { size?: number; bold?: boolean; indent?: number; grey?: boolean; gap?: number } = {}) {
  const size = options.size ?? 10;
  const gap = options.gap ?? 4;
  const indent = options.indent ?? 0;
  const style = { size, bold: !!options.bold, color: options.grey ? GREY : INK };
  for (const line of pen.text.wrap(text, style, WIDTH - indent)) {
    ensure(pen, size + gap);
    pen.text.draw(pen.page, line, MARGIN + indent, pen.y, style);
    pen.y -= size + gap;
  }
}

function heading(pen: Pen, text: string, size = 14) {
  pen.y -= 10;
  ensure(pen, 60);
  paragraph(pen, text, { size, bold: true });
  pen.y -= 2;
}

export async function buildCharterReport(data: CharterData, options: CharterReportOptions): Promise<{ fileName: string; base64: string; pages: number }> {
  const { locale } = options;
  const t = translatorFor(locale);
  const synthesis = options.synthesis ?? computeCharterSynthesis(data);
  const groups = options.opinionGroups ?? computeOpinionGroups(data);
  const number = new Intl.NumberFormat(localeOf[locale]);
  const decimal = new Intl.NumberFormat(localeOf[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(localeOf[locale], { style: 'percent', maximumFractionDigits: 0 });
  const people = (n: number | null) => (n === null ? t('charterReport.masked') : number.format(n));
  const channelName = (c: CharterChannel) => t(`charterReport.channels.${c}`);
  const contributionsText = (n: number) => t('charterReport.contributions', { count: n, n: number.format(n) });

  const { consultation, structure } = data;
  const doc = await PDFDocument.create();
  doc.setTitle(cleanText(t('charterReport.documentTitle', { title: consultation.title })));
  doc.setLanguage(localeOf[locale]);
  doc.setCreator('Atelier');
  const pen: Pen = { doc, page: doc.addPage(A4), y: A4[1] - MARGIN, text: createPdfWriter(doc) };

  // ------------------------------------------------------------ the consultation
  paragraph(pen, t('charterReport.heading'), { size: 18, bold: true, gap: 6 });
  paragraph(pen, consultation.title, { size: 14, bold: true, gap: 6 });
  if (consultation.description) paragraph(pen, consultation.description);
  paragraph(pen, t('charterReport.period', { from: dayText(consultation.opensOn, locale), to: dayText(consultation.closesOn, locale) }));
  const channels = charterChannels.filter((c) => consultation.channels.includes(c));
  paragraph(pen, t('charterReport.channelsUsed', { channels: channels.map(channelName).join(', ') }));
  paragraph(pen, t('charterReport.generatedAt', { date: parisDateTimeText(options.now.toISOString(), locale) }), { size: 9, grey: true });

  heading(pen, t('charterReport.keyFigures'));
  paragraph(pen, `${contributionsText(synthesis.contributions)} ${t('charterReport.respondents', { count: synthesis.respondents, n: number.format(synthesis.respondents) })}`, { size: 11 });
  for (const c of synthesis.byChannel) paragraph(pen, t('charterReport.byChannelLine', { channel: channelName(c.channel), count: number.format(c.contributions) }), { indent: 12 });
  paragraph(pen, t('charterReport.maskingNote'), { size: 9, grey: true });

  // ------------------------------------------------------------ chapter by chapter
  const contributions = liveContributions(data);
  const questionChapter = new Map(structure.questions.filter((q) => q.deletedAt === null).map((q) => [q.id, q.chapterId]));
  const proposalsByChapter = new Map<string, Contribution[]>();
  for (const c of contributions) {
    if (c.type !== 'proposal' || !c.text) continue;
    const chapterId = questionChapter.get(c.questionId);
    if (!chapterId) continue;
    const list = proposalsByChapter.get(chapterId);
    if (list) list.push(c);
    else proposalsByChapter.set(chapterId, [c]);
  }
  const articles = orderedArticles(structure);
  const agreement = new Map(synthesis.agreementByArticle.map((a) => [a.articleId, a]));
  const amendments = new Map<string, number>();
  const questionArticle = new Map(structure.questions.filter((q) => q.deletedAt === null).map((q) => [q.id, q.articleId]));
  for (const c of contributions) {
    const articleId = c.type === 'amendment' ? questionArticle.get(c.questionId) : null;
    if (articleId) amendments.set(articleId, (amendments.get(articleId) ?? 0) + 1);
  }

  heading(pen, t('charterReport.chaptersTitle'), 15);
  for (const chapter of synthesis.byChapter) {
    heading(pen, t('charterReport.chapterHeading', { position: chapter.position, title: chapter.title }), 12);
    if (chapter.total === 0) paragraph(pen, t('charterReport.noContribution'), { grey: true });
    else {
      const detail = charterChannels
        .filter((c) => chapter[c] > 0)
        .map((c) => `${number.format(chapter[c])} ${channelName(c)}`)
        .join(', ');
      paragraph(pen, t('charterReport.chapterCounts', { total: contributionsText(chapter.total), detail }));
    }
    for (const article of articles.filter((a) => a.chapterId === chapter.chapterId)) {
      pen.y -= 4;
      paragraph(pen, t('charterReport.articleHeading', { title: article.title }), { bold: true, indent: 12 });
      const a = agreement.get(article.id);
      if (!a || a.answers < 5) paragraph(pen, t('charterReport.agreementNone'), { indent: 24 });
      else {
        paragraph(pen, t('charterReport.agreementTitle', { answers: number.format(a.answers) }), { indent: 24 });
        // Strongly agree first, as people read a scale.
        for (const level of [5, 4, 3, 2, 1] as const)
          paragraph(pen, t('charterReport.agreementLevel', { level: t(`charterReport.levels.level${level}`), count: people(a.levels[level - 1] ?? null) }), { indent: 36 });
        if (a.mean !== null) paragraph(pen, t('charterReport.mean', { mean: decimal.format(a.mean) }), { indent: 36 });
      }
      const amended = amendments.get(article.id) ?? 0;
      if (amended > 0) paragraph(pen, t('charterReport.amendmentsCount', { count: number.format(amended) }), { indent: 24 });
    }
    const proposals = (proposalsByChapter.get(chapter.chapterId) ?? []).sort((x, y) => x.recordedAt.localeCompare(y.recordedAt) || x.id.localeCompare(y.id));
    if (proposals.length > 0) {
      pen.y -= 4;
      paragraph(pen, `${t('charterReport.proposalsTitle')} (${number.format(proposals.length)})`, { bold: true, indent: 12 });
      for (const p of proposals.slice(0, PROPOSALS_PER_CHAPTER)) {
        // A proposal's own words, up to four lines.
        const lines = pen.text.wrap(t('charterReport.proposalLine', { text: p.text, channel: channelName(p.channel) }), { size: 10 }, WIDTH - 36);
        const shown = lines.length > 4 ? [...lines.slice(0, 3), pen.text.fit(`${lines[3]!} ${lines[4]!}`, { size: 10 }, WIDTH - 36)] : lines;
        // People write in every script: room under each line for Arabic or Indic letters.
        shown.forEach((line, i) => paragraph(pen, i === 0 ? `– ${line}` : `  ${line}`, { indent: 24, gap: 8 }));
      }
      if (proposals.length > PROPOSALS_PER_CHAPTER)
        paragraph(pen, t('charterReport.moreProposals', { count: number.format(proposals.length - PROPOSALS_PER_CHAPTER) }), { indent: 24, grey: true });
    }
  }

  // ------------------------------------------------------------ most amended, top tags
  heading(pen, t('charterReport.mostAmendedTitle'));
  if (synthesis.mostAmended.length === 0) paragraph(pen, t('charterReport.noAmendment'));
  for (const a of synthesis.mostAmended) paragraph(pen, t('charterReport.mostAmendedLine', { title: a.title, count: a.amendments, n: number.format(a.amendments) }), { indent: 12 });

  heading(pen, t('charterReport.topTagsTitle'));
  if (synthesis.topTags.length === 0) paragraph(pen, t('charterReport.noTag'));
  for (const tag of synthesis.topTags) paragraph(pen, t('charterReport.topTagLine', { label: tag.label, count: tag.contributions, n: number.format(tag.contributions) }), { indent: 12 });

  // ------------------------------------------------------------ opinion groups
  heading(pen, t('charterReport.groupsTitle'));
  paragraph(pen, t('charterReport.groupsIntro'), { size: 9, grey: true });
  if (!groups.computed) paragraph(pen, t('charterReport.groupsNotComputed', { participants: number.format(groups.participants), statements: number.format(groups.statements) }));
  else {
    paragraph(pen, t('charterReport.groupsBasis', { participants: number.format(groups.participants), statements: number.format(groups.statements) }));
    for (const g of groups.groups) {
      pen.y -= 4;
      paragraph(pen, t('charterReport.groupHeading', { number: g.number, size: number.format(g.size) }), { bold: true, indent: 12 });
      for (const s of g.distinctive)
        paragraph(
          pen,
          t('charterReport.distinctiveLine', {
            prompt: s.prompt,
            agree: percent.format(s.agree),
            disagree: percent.format(s.disagree),
            othersAgree: percent.format(s.othersAgree),
            othersDisagree: percent.format(s.othersDisagree),
          }),
          { indent: 24 },
        );
    }
    if (groups.hiddenParticipants > 0) paragraph(pen, t('charterReport.hiddenGroups', { count: number.format(groups.hiddenParticipants) }), { grey: true });
    pen.y -= 4;
    paragraph(pen, t('charterReport.consensusTitle'), { bold: true, size: 11 });
    if (groups.consensus.length === 0) paragraph(pen, t('charterReport.noConsensus'), { indent: 12 });
    for (const s of groups.consensus)
      paragraph(pen, t('charterReport.consensusLine', { prompt: s.prompt, agree: percent.format(s.agree), disagree: percent.format(s.disagree) }), { indent: 12 });
  }

  // ------------------------------------------------------------ the City's decisions
  heading(pen, t('charterReport.decisionsTitle'));
  const tally = { kept: 0, amended: 0, set_aside: 0, none: 0 };
  for (const a of articles) tally[a.decision ?? 'none'] += 1;
  paragraph(pen, t('charterReport.decisionsSummary', { kept: tally.kept, amended: tally.amended, setAside: tally.set_aside, none: tally.none }));
  for (const a of articles) {
    pen.y -= 4;
    paragraph(pen, t('charterReport.articleHeading', { title: a.title }), { bold: true, indent: 12 });
    paragraph(pen, t('charterReport.decisionLine', { decision: t(`charterReport.decisions.${a.decision ?? 'none'}`) }), { indent: 24 });
    if (a.decision && a.decisionReason) paragraph(pen, t('charterReport.reasonLine', { reason: a.decisionReason }), { indent: 24 });
  }

  const pages = doc.getPageCount();
  doc.getPages().forEach((p, i) => pen.text.draw(p, t('charterReport.page', { page: i + 1, pages }), A4[0] - MARGIN - 50, MARGIN / 2, { size: 8, color: GREY }));
  await pen.text.finish();
  const bytes = await doc.save();
  const slug = consultation.title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return { fileName: t('charterReport.fileName', { slug: slug || t('charterReport.untitled') }), base64: Buffer.from(bytes).toString('base64'), pages };
}
