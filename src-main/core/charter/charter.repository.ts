/**
 * The charter's rows, read (`db` or the caller's transaction). Writes go through the write
 * funnel (store/synced-write.ts) with the charter codecs.
 */
import type { CharterChannel, CharterStructure, Consultation, Contribution } from '#shared/charter/charter.schema.js';
import type { Executor } from '../store/executor.js';
import {
  charterArticleCodec,
  charterChapterCodec,
  charterConsultationCodec,
  charterContributionCodec,
  charterQuestionCodec,
  charterTagCodec,
} from './charter.codecs.js';

/** Live chapters, articles, questions and tags, in order. */
export async function readStructure(db: Executor): Promise<CharterStructure> {
  const [chapters, articles, questions, tags] = await Promise.all([
    db.selectFrom('charter_chapters').selectAll().where('deleted_at', 'is', null).orderBy('position').orderBy('title').orderBy('id').execute(),
    db.selectFrom('charter_articles').selectAll().where('deleted_at', 'is', null).orderBy('chapter_id').orderBy('position').orderBy('id').execute(),
    db.selectFrom('charter_questions').selectAll().where('deleted_at', 'is', null).orderBy('chapter_id').orderBy('position').orderBy('id').execute(),
    db.selectFrom('charter_tags').selectAll().where('deleted_at', 'is', null).orderBy('label').orderBy('id').execute(),
  ]);
  return {
    chapters: chapters.map(charterChapterCodec.toRecord),
    articles: articles.map(charterArticleCodec.toRecord),
    questions: questions.map(charterQuestionCodec.toRecord),
    tags: tags.map(charterTagCodec.toRecord),
  };
}

/** How many live articles and questions a chapter holds, or live questions an article. */
export async function liveChildren(db: Executor, parent: { chapterId: string } | { articleId: string }): Promise<number> {
  if ('chapterId' in parent) {
    const [a, q] = await Promise.all([
      db.selectFrom('charter_articles').select((eb) => eb.fn.countAll<number>().as('n')).where('chapter_id', '=', parent.chapterId).where('deleted_at', 'is', null).executeTakeFirstOrThrow(),
      db.selectFrom('charter_questions').select((eb) => eb.fn.countAll<number>().as('n')).where('chapter_id', '=', parent.chapterId).where('deleted_at', 'is', null).executeTakeFirstOrThrow(),
    ]);
    return Number(a.n) + Number(q.n);
  }
  const q = await db
    .selectFrom('charter_questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', parent.articleId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(q.n);
}

export async function findLiveChapter(db: Executor, id: string) {
  return db.selectFrom('charter_chapters').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function findLiveArticle(db: Executor, id: string) {
  return db.selectFrom('charter_articles').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function findLiveQuestion(db: Executor, id: string) {
  return db.selectFrom('charter_questions').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** The live tags among these ids. */
export async function liveTagIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('charter_tags').select('id').where('id', 'in', [...ids]).where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}

export async function findLiveConsultation(db: Executor, id: string): Promise<Consultation | undefined> {
  const row = await db.selectFrom('charter_consultations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? charterConsultationCodec.toRecord(row) : undefined;
}

/** Live consultations, the latest opening first. */
export async function listConsultations(db: Executor): Promise<Consultation[]> {
  const rows = await db
    .selectFrom('charter_consultations')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('opens_on', 'desc')
    .orderBy('title')
    .orderBy('id')
    .execute();
  return rows.map(charterConsultationCodec.toRecord);
}

/** A live anonymous study profile recorded at this workshop (it exists only with the person's study consent). */
export async function findLiveProfileAt(db: Executor, profileId: string, workshopId: string) {
  return db
    .selectFrom('participant_profiles')
    .select('id')
    .where('id', '=', profileId)
    .where('workshop_id', '=', workshopId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface ContributionFilter {
  consultationId: string;
  workshopId?: string;
  channel?: CharterChannel;
  questionId?: string;
  limit: number;
  offset: number;
}

/** A consultation's live contributions, newest first, filtered; and how many match. */
export async function listContributions(db: Executor, f: ContributionFilter): Promise<{ items: Contribution[]; total: number }> {
  let q = db.selectFrom('charter_contributions').where('consultation_id', '=', f.consultationId).where('deleted_at', 'is', null);
  if (f.workshopId) q = q.where('workshop_id', '=', f.workshopId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.questionId) q = q.where('question_id', '=', f.questionId);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('recorded_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(charterContributionCodec.toRecord), total: Number(count.n) };
}

/** Whether this paper sheet already has live answers in this consultation. */
export async function sheetTyped(db: Executor, consultationId: string, sheetNumber: string): Promise<boolean> {
  const row = await db
    .selectFrom('charter_contributions')
    .select('id')
    .where('consultation_id', '=', consultationId)
    .where('sheet_number', '=', sheetNumber)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The paper sheets typed for a consultation: their number, live answers and when first typed. */
export async function listPaperSheets(db: Executor, consultationId: string) {
  const rows = await db
    .selectFrom('charter_contributions')
    .select((eb) => ['sheet_number', eb.fn.countAll<number>().as('answers'), eb.fn.min<string>('recorded_at').as('recorded_at')])
    .where('consultation_id', '=', consultationId)
    .where('sheet_number', 'is not', null)
    .where('deleted_at', 'is', null)
    .groupBy('sheet_number')
    .orderBy('sheet_number')
    .execute();
  return rows.map((r) => ({ sheetNumber: r.sheet_number ?? '', answers: Number(r.answers), recordedAt: r.recorded_at }));
}

/** Everything live of one consultation, for the synthesis, the opinion groups and the report. */
export async function readCharterData(db: Executor, consultation: Consultation) {
  const [structure, rows] = await Promise.all([
    readStructure(db),
    db
      .selectFrom('charter_contributions')
      .selectAll()
      .where('consultation_id', '=', consultation.id)
      .where('deleted_at', 'is', null)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute(),
  ]);
  return { consultation, structure, contributions: rows.map(charterContributionCodec.toRecord) };
}
