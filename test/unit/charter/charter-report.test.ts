/**
 * The restitution report of a charter consultation (src-main/core/charter/charter-report-pdf.ts):
 * read back with poppler, as a person reads it, in French and in English.
 */
import { describe, expect, it } from 'vitest';
import type { Contribution } from '#shared/charter/charter.schema.js';
import { en, fr } from '#shared/i18n/catalogue.js';
import type { Language } from '#shared/i18n/languages.js';
import { buildCharterReport } from '#core/charter/charter-report-pdf.js';
import { computeOpinionGroups } from '#core/charter/opinion-groups.js';
import { computeCharterSynthesis, type CharterData } from '#core/charter/synthesis.js';
import { hasPoppler, overlappingWords, pdfText } from '../pdf/poppler.js';
import { article, campsData, chapter, consultation, contribution, question, tag } from './analysis-fixtures.js';

const NOW = new Date('2025-05-12T16:30:00.000Z');
const normal = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * A consultation with two camps of 30 people over six articles (opinion groups), an article
 * answered by three people only (masked), amendments, proposals through each channel, tags
 * and the City's decisions.
 */
function consultationData(): CharterData {
  const camps = campsData(60, 6, 2, 0.05, 3);
  const cons = consultation({ title: 'Charte de la participation citoyenne', opensOn: '2025-03-01', closesOn: '2025-04-30', channels: ['workshop', 'paper', 'online'] });
  const c1 = { ...camps.structure.chapters[0]!, title: 'Principes' };
  const c2 = chapter(2, { title: 'Moyens et budget' });
  const articles = camps.structure.articles.map((a, i) => ({ ...a, title: `Engagement ${i + 1}` }));
  articles[0] = { ...articles[0]!, decision: 'kept', decisionReason: 'Largement soutenu dans les trois canaux.', decidedAt: '2025-05-10T10:00:00.000Z' };
  articles[1] = { ...articles[1]!, decision: 'amended', decisionReason: 'Réécrit avec les mots des tables.', decidedAt: '2025-05-10T10:00:00.000Z' };
  articles[2] = { ...articles[2]!, decision: 'set_aside', decisionReason: 'Hors des compétences de la Ville.', decidedAt: '2025-05-10T10:00:00.000Z' };
  const budget = article(50, c2.id, { title: 'Budget dédié', position: 1 });
  const budgetQ = question(50, c2.id, budget.id, { position: 1, prompt: 'Un budget dédié ?' });
  const ideas = question(51, c2.id, null, { position: 2, prompt: 'Vos idées', accepts: ['proposal'] });
  const tags = [tag(1, 'Jeunesse'), tag(2, 'Accessibilité')];
  const withCons = (c: Contribution) => ({ ...c, consultationId: cons.id });
  const contributions: Contribution[] = [
    ...camps.contributions.map(withCons),
    // Three people only on the budget: every level shows « < 5 ».
    ...[5, 5, 4].map((agreement, i) => contribution(cons.id, budgetQ, { agreement, respondentKey: `sheet:B${i}`, channel: 'paper' })),
    ...[0, 1, 2, 3].map(() => contribution(cons.id, camps.structure.questions[1]!, { type: 'amendment', text: 'Une rédaction plus claire', baseText: 'Ancien', channel: 'workshop', tagIds: [tags[1]!.id] })),
    contribution(cons.id, camps.structure.questions[0]!, { type: 'amendment', text: 'Autre rédaction', baseText: 'Ancien', channel: 'online' }),
    contribution(cons.id, ideas, { type: 'proposal', text: 'Un conseil des jeunes dans chaque arrondissement', channel: 'workshop', tagIds: [tags[0]!.id] }),
    contribution(cons.id, ideas, { type: 'proposal', text: 'Des réunions le samedi matin', channel: 'online', tagIds: [tags[0]!.id, tags[1]!.id] }),
    contribution(cons.id, ideas, { type: 'proposal', text: 'ترجمة الوثائق إلى العربية', channel: 'paper' }),
  ];
  return {
    consultation: cons,
    structure: { chapters: [c1, c2], articles: [...articles, budget], questions: [...camps.structure.questions, budgetQ, ideas], tags },
    contributions,
  };
}

async function report(data: CharterData, locale: Language) {
  const r = await buildCharterReport(data, { locale, now: NOW });
  return { ...r, pdf: Buffer.from(r.base64, 'base64') };
}

describe.skipIf(!hasPoppler)('the restitution report', () => {
  it('tells the consultation, what was said by how many through which channel, the groups and the City’s decisions, in French', async () => {
    const data = consultationData();
    const r = await report(data, 'fr');
    expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.fileName).toBe('bilan-charte-charte-de-la-participation-citoyenne.pdf');
    const text = normal(pdfText(r.pdf).normalize('NFKC'));
    expect(r.pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page ${r.pages} / ${r.pages}`);
    for (const words of [
      'Bilan de la consultation',
      'Charte de la participation citoyenne',
      'Consultation ouverte du samedi 1 mars 2025 au mercredi 30 avril 2025.',
      'Canaux : en atelier, questionnaire papier, en ligne.',
      'Document établi le',
      // 360 agreements of the two camps, 3 on the budget, 5 amendments, 3 proposals; 60 + 3
      // respondents with their key, and 8 anonymous contributions each their own respondent.
      '371 contributions de 71 personnes ou tables',
      'en atelier : 5',
      'questionnaire papier : 4',
      'en ligne : 362',
      '365 contributions, dont 4 en atelier, 361 en ligne.',
      'Chapitre 1 — Principes',
      'Chapitre 2 — Moyens et budget',
      '6 contributions, dont 1 en atelier, 4 questionnaire papier, 1 en ligne.',
      'Article : Engagement 2',
      'Accord avec l’article (60 réponses)',
      'Amendements proposés : 4',
      'Article : Budget dédié',
      'Accord avec l’article : moins de 5 réponses, non montré.',
      'Un conseil des jeunes dans chaque arrondissement (en atelier)',
      'Des réunions le samedi matin (en ligne)',
      'Les articles les plus amendés',
      'Engagement 2 : 4 amendements',
      'Engagement 1 : 1 amendement',
      'Les thèmes les plus cités',
      'Accessibilité : 5 contributions',
      'Jeunesse : 2 contributions',
      'Les groupes d’opinion',
      '60 personnes, 6 affirmations.',
      'Groupe 1 : 30 personnes',
      'Groupe 2 : 30 personnes',
      'Ce sur quoi tous les groupes s’accordent',
      'Ce que la Ville retient, et pourquoi',
      'Articles conservés : 1 ; modifiés : 1 ; écartés : 1 ; pas encore décidés : 4.',
      'Décision de la Ville : conservé',
      'Pourquoi : Largement soutenu dans les trois canaux.',
      'Décision de la Ville : modifié',
      'Pourquoi : Réécrit avec les mots des tables.',
      'Décision de la Ville : écarté',
      'Pourquoi : Hors des compétences de la Ville.',
      'Décision de la Ville : pas encore décidé',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain('\ufffd');
    expect(overlappingWords(r.pdf)).toEqual([]);
  });

  it('prints « < 5 » for a level chosen by fewer than five people, and every level of the synthesis as counted', async () => {
    const data = consultationData();
    const text = normal(pdfText((await report(data, 'fr')).pdf));
    const s = computeCharterSynthesis(data);
    const first = s.agreementByArticle[0]!;
    // Camp answers are 5 or 1 with some noise: some levels under five, some above.
    expect(first.levels).toContain(null);
    const levelNames = ['Pas du tout d’accord', 'Plutôt pas d’accord', 'Ni d’accord ni pas d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'];
    const block = text.slice(text.indexOf('Article : Engagement 1'), text.indexOf('Article : Engagement 2'));
    first.levels.forEach((count, i) => expect(block, levelNames[i]).toContain(`${levelNames[i]} : ${count === null ? '< 5' : count}`));
    expect(block).toMatch(/Moyenne : \d,\d sur 5/);
  });

  it('describes each group by what sets it apart, with the shares of the group and of the others', async () => {
    const data = consultationData();
    const groups = computeOpinionGroups(data);
    const text = normal(pdfText((await report(data, 'en')).pdf));
    const s = groups.groups[0]!.distinctive[0]!;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    expect(text).toContain(`“${s.prompt}”: agree ${pct(s.agree)}, disagree ${pct(s.disagree)} (the others: agree ${pct(s.othersAgree)}, disagree ${pct(s.othersDisagree)})`);
  });

  it('is in English with the English words only', async () => {
    const r = await report(consultationData(), 'en');
    expect(r.fileName).toBe('charter-report-charte-de-la-participation-citoyenne.pdf');
    const text = normal(pdfText(r.pdf));
    for (const words of [
      'Consultation report',
      'Consultation open from Saturday 1 March 2025 to Wednesday 30 April 2025.',
      'Channels: at a workshop, paper questionnaire, online.',
      '371 contributions from 71 people or tables',
      'Engagement 1: 1 amendment',
      'Chapter 2 — Moyens et budget',
      'Agreement with the article: fewer than 5 answers, not shown.',
      'The City’s decision: kept',
      'Why: Largement soutenu dans les trois canaux.',
      'The City’s decision: set aside',
      'The City’s decision: not decided yet',
      'Group 1: 30 people',
      'What every group agrees on',
    ])
      expect(text, words).toContain(words);
    // No French word of the report's own catalogue (those not also English).
    const literals = (o: object): string[] =>
      Object.values(o).flatMap((v) => (typeof v === 'string' ? v.split(/\{\{[^}]*\}\}/u).map(normal).filter((w) => w.length >= 6) : literals(v as object)));
    const english = new Set(literals(en.charterReport));
    const french = literals({ ...fr.charterReport, fileName: '' }).filter((w) => !english.has(w));
    expect(french.filter((w) => text.includes(w)), text).toEqual([]);
    expect(overlappingWords(r.pdf)).toEqual([]);
  });

  it('with too few answers says no groups were looked for, and with nothing at all still makes a report', async () => {
    const data = consultationData();
    const few = { ...data, contributions: data.contributions.slice(0, 30) };
    const text = normal(pdfText((await report(few, 'fr')).pdf));
    expect(text).toContain('Trop peu de réponses pour chercher des groupes d’opinion (5 personnes, 6 affirmations');
    const empty = await report({ ...data, contributions: [] }, 'fr');
    const emptyText = normal(pdfText(empty.pdf));
    expect(emptyText).toContain('0 contribution de 0 personne ou table');
    expect(emptyText).toContain('Aucune contribution sur ce chapitre.');
    expect(emptyText).toContain('Aucun amendement n’a été proposé.');
    expect(emptyText).toContain('Aucun thème n’a été indiqué.');
  });
});
