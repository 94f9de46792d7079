/**
 * The synthesis of a charter consultation, computed from its live records (no SQL here: the
 * handlers read the consultation's structure and contributions and hand them over, so the
 * same function serves the screen, the report and the bench).
 *
 * - Contributions per channel, and per chapter × channel (a contribution belongs to its
 *   question's chapter). Contributions are counted, not people: never masked.
 * - The agreement distribution per article: the agreement answers to the article's questions.
 *   One person answering the same question twice counts once (their latest answer). Each level's
 *   count of people is null under five, zero included, so a small count never points at someone;
 *   the mean is null under five answers.
 * - The most amended articles, and the most used tags (the lab's list only: free text is never a
 *   category). Ties are broken by the charter's order, then ids, so the same input gives the
 *   same synthesis.
 */
import {
  charterChannels,
  type CharterStructure,
  type CharterSynthesis,
  type Consultation,
  type Contribution,
  type Article,
  type Question,
} from '#shared/charter/charter.schema.js';

/** Everything live (deletedAt null) of ONE consultation. */
export interface CharterData {
  consultation: Consultation;
  /** Live chapters, articles, questions and tags. */
  structure: CharterStructure;
  /** Live contributions of the consultation. */
  contributions: Contribution[];
}

/** Counts of people under this are never shown. */
export const MASK_UNDER = 5;
/** How many articles and tags the « most » lists keep. */
export const TOP_ARTICLES = 10;
export const TOP_TAGS = 10;

export const masked = (count: number): number | null => (count < MASK_UNDER ? null : count);

/** The consultation's live contributions (defensive: the caller should already have filtered). */
export function liveContributions(data: CharterData): Contribution[] {
  return data.contributions.filter((c) => c.deletedAt === null && c.consultationId === data.consultation.id);
}

/** Articles in the charter's order: their chapter's position, then theirs, then id. */
export function orderedArticles(structure: CharterStructure): Article[] {
  const chapterPosition = new Map(structure.chapters.filter((c) => c.deletedAt === null).map((c) => [c.id, c.position]));
  return structure.articles
    .filter((a) => a.deletedAt === null)
    .slice()
    .sort(
      (a, b) =>
        (chapterPosition.get(a.chapterId) ?? Number.MAX_SAFE_INTEGER) - (chapterPosition.get(b.chapterId) ?? Number.MAX_SAFE_INTEGER) ||
        a.position - b.position ||
        a.id.localeCompare(b.id),
    );
}

/** Questions in the charter's order. */
export function orderedQuestions(structure: CharterStructure): Question[] {
  const chapterPosition = new Map(structure.chapters.filter((c) => c.deletedAt === null).map((c) => [c.id, c.position]));
  return structure.questions
    .filter((q) => q.deletedAt === null)
    .slice()
    .sort(
      (a, b) =>
        (chapterPosition.get(a.chapterId) ?? Number.MAX_SAFE_INTEGER) - (chapterPosition.get(b.chapterId) ?? Number.MAX_SAFE_INTEGER) ||
        a.position - b.position ||
        a.id.localeCompare(b.id),
    );
}

/** A later answer replaces an earlier one: recordedAt, then updatedAt, then id. */
export function isLater(a: Contribution, b: Contribution): boolean {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt > b.recordedAt;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return a.id > b.id;
}

/**
 * Each respondent's latest agreement per question: `question id → respondent key → level`.
 * Only agreements 1–5 on questions of the structure.
 */
export function latestAgreements(contributions: Contribution[], questionIds: Set<string>): Map<string, Map<string, Contribution>> {
  const byQuestion = new Map<string, Map<string, Contribution>>();
  for (const c of contributions) {
    if (c.type !== 'agreement' || c.agreement === null || c.agreement < 1 || c.agreement > 5) continue;
    if (!questionIds.has(c.questionId)) continue;
    let answers = byQuestion.get(c.questionId);
    if (!answers) byQuestion.set(c.questionId, (answers = new Map<string, Contribution>()));
    const previous = answers.get(c.respondentKey);
    if (!previous || isLater(c, previous)) answers.set(c.respondentKey, c);
  }
  return byQuestion;
}

export function computeCharterSynthesis(data: CharterData): CharterSynthesis {
  const { structure } = data;
  const contributions = liveContributions(data);
  const questions = new Map(structure.questions.filter((q) => q.deletedAt === null).map((q) => [q.id, q]));

  const byChannel = new Map(charterChannels.map((ch) => [ch, 0]));
  const chapterCounts = new Map<string, Record<(typeof charterChannels)[number], number>>();
  const amendments = new Map<string, number>();
  const tagCounts = new Map<string, number>();
  const respondents = new Set<string>();

  for (const c of contributions) {
    respondents.add(c.respondentKey);
    byChannel.set(c.channel, (byChannel.get(c.channel) ?? 0) + 1);
    const question = questions.get(c.questionId);
    if (question) {
      let counts = chapterCounts.get(question.chapterId);
      if (!counts) chapterCounts.set(question.chapterId, (counts = { workshop: 0, paper: 0, online: 0 }));
      counts[c.channel] += 1;
      if (c.type === 'amendment' && question.articleId) amendments.set(question.articleId, (amendments.get(question.articleId) ?? 0) + 1);
    }
    // A tag counted once per contribution, even if listed twice.
    for (const tagId of new Set(c.tagIds)) tagCounts.set(tagId, (tagCounts.get(tagId) ?? 0) + 1);
  }

  const chapters = structure.chapters
    .filter((c) => c.deletedAt === null)
    .slice()
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const byChapter = chapters.map((chapter) => {
    const counts = chapterCounts.get(chapter.id) ?? { workshop: 0, paper: 0, online: 0 };
    return {
      chapterId: chapter.id,
      position: chapter.position,
      title: chapter.title,
      ...counts,
      total: counts.workshop + counts.paper + counts.online,
    };
  });

  const articles = orderedArticles(structure);
  const articleOrder = new Map(articles.map((a, i) => [a.id, i]));
  const latest = latestAgreements(contributions, new Set(questions.keys()));
  const agreementByArticle = articles.map((article) => {
    const levels = [0, 0, 0, 0, 0];
    for (const question of questions.values()) {
      if (question.articleId !== article.id) continue;
      for (const c of latest.get(question.id)?.values() ?? []) levels[c.agreement! - 1]! += 1;
    }
    const answers = levels.reduce((s, n) => s + n, 0);
    const mean = answers < MASK_UNDER ? null : levels.reduce((s, n, i) => s + n * (i + 1), 0) / answers;
    return { articleId: article.id, title: article.title, levels: levels.map(masked), answers, mean };
  });

  const mostAmended = articles
    .filter((a) => (amendments.get(a.id) ?? 0) > 0)
    .map((a) => ({ articleId: a.id, title: a.title, amendments: amendments.get(a.id)! }))
    .sort((a, b) => b.amendments - a.amendments || articleOrder.get(a.articleId)! - articleOrder.get(b.articleId)!)
    .slice(0, TOP_ARTICLES);

  const topTags = structure.tags
    .filter((t) => t.deletedAt === null && (tagCounts.get(t.id) ?? 0) > 0)
    .map((t) => ({ tagId: t.id, label: t.label, contributions: tagCounts.get(t.id)! }))
    .sort((a, b) => b.contributions - a.contributions || a.label.localeCompare(b.label, 'fr') || a.tagId.localeCompare(b.tagId))
    .slice(0, TOP_TAGS);

  return {
    consultationId: data.consultation.id,
    contributions: contributions.length,
    respondents: respondents.size,
    byChannel: charterChannels.map((channel) => ({ channel, contributions: byChannel.get(channel) ?? 0 })),
    byChapter,
    agreementByArticle,
    mostAmended,
    topTags,
  };
}
