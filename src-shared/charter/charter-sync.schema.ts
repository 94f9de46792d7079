/**
 * What the portal accepts for the charter's records (spread into src-shared/sync/entities.ts):
 * the synced fields with the same limits as the forms. The structure, the tags and the
 * consultations are reference data every device pulls; contributions are study data (an
 * anonymous profile at most), pulled only by lab desktops.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { articleDecisions, charterChannels, CHARTER_LIMITS, contributionTypes, contributorKinds } from './charter.schema.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const isoDay = z.iso.date({ error: 'validation.date' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });
const position = z.number().int().min(1).max(CHARTER_LIMITS.position);
const deletedAt = isoUtc.nullable();

export const charterChapterRecordSchema = z
  .object({ position, title: text(CHARTER_LIMITS.title).min(1), summary: text(CHARTER_LIMITS.summary), deletedAt })
  .strict();

export const charterArticleRecordSchema = z
  .object({
    chapterId: uuidSchema,
    position,
    title: text(CHARTER_LIMITS.title).min(1),
    body: text(CHARTER_LIMITS.body).min(1),
    decision: z.enum(articleDecisions).nullable(),
    decisionReason: text(CHARTER_LIMITS.reason).nullable(),
    decidedAt: isoUtc.nullable(),
    deletedAt,
  })
  .strict();

export const charterQuestionRecordSchema = z
  .object({
    chapterId: uuidSchema,
    articleId: uuidSchema.nullable(),
    position,
    prompt: text(CHARTER_LIMITS.prompt).min(1),
    accepts: z.array(z.enum(contributionTypes)).min(1).max(contributionTypes.length),
    deletedAt,
  })
  .strict();

export const charterTagRecordSchema = z.object({ label: text(CHARTER_LIMITS.tagLabel).min(1), deletedAt }).strict();

export const charterConsultationRecordSchema = z
  .object({
    title: text(CHARTER_LIMITS.title).min(1),
    description: text(CHARTER_LIMITS.description),
    opensOn: isoDay,
    closesOn: isoDay,
    channels: z.array(z.enum(charterChannels)).min(1).max(charterChannels.length),
    deletedAt,
  })
  .strict();

export const charterContributionRecordSchema = z
  .object({
    consultationId: uuidSchema,
    questionId: uuidSchema,
    channel: z.enum(charterChannels),
    type: z.enum(contributionTypes),
    workshopId: uuidSchema.nullable(),
    contributor: z.enum(contributorKinds),
    profileId: uuidSchema.nullable(),
    tableLabel: text(CHARTER_LIMITS.tableLabel).nullable(),
    respondentKey: text(CHARTER_LIMITS.respondentRef + 120).min(1),
    agreement: z.number().int().min(1).max(5).nullable(),
    text: text(CHARTER_LIMITS.text).nullable(),
    baseText: text(CHARTER_LIMITS.body).nullable(),
    tagIds: z.array(uuidSchema).max(CHARTER_LIMITS.tagsPerContribution),
    sheetNumber: text(CHARTER_LIMITS.sheetNumber).nullable(),
    recordedAt: isoUtc,
    deletedAt,
  })
  .strict();

export const charterSyncSchemas = {
  charter_chapter: { record: charterChapterRecordSchema, change: charterChapterRecordSchema.partial() },
  charter_article: { record: charterArticleRecordSchema, change: charterArticleRecordSchema.partial() },
  charter_question: {
    record: charterQuestionRecordSchema.refine((q) => q.articleId !== null || !q.accepts.includes('amendment'), {
      path: ['articleId'],
      message: 'validation.amendmentNeedsArticle',
    }),
    change: charterQuestionRecordSchema.partial(),
  },
  charter_tag: { record: charterTagRecordSchema, change: charterTagRecordSchema.partial() },
  charter_consultation: {
    record: charterConsultationRecordSchema.refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: 'validation.endBeforeStart' }),
    change: charterConsultationRecordSchema.partial(),
  },
  charter_contribution: {
    record: charterContributionRecordSchema
      .refine((c) => (c.type === 'agreement') === (c.agreement !== null), { path: ['agreement'], message: 'validation.invalid' })
      .refine((c) => c.type === 'agreement' || (c.text !== null && c.text.length > 0), { path: ['text'], message: 'validation.required' })
      .refine((c) => c.contributor === 'individual' || c.profileId === null, { path: ['profileId'], message: 'validation.invalid' })
      .refine((c) => (c.channel === 'paper') === (c.sheetNumber !== null), { path: ['sheetNumber'], message: 'validation.invalid' }),
    change: charterContributionRecordSchema.partial(),
  },
} as const;

/**
 * What the City's website posts to the portal for one online answer (POST /v1/charter/contributions).
 * `respondentRef` is the website's opaque id of the respondent (never a name or an email);
 * `externalId` makes the post idempotent (the same id twice is one contribution).
 */
const opaqueRef = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .max(CHARTER_LIMITS.respondentRef, { error: `validation.tooLong:${CHARTER_LIMITS.respondentRef}` })
  .regex(/^[0-9A-Za-z._:-]+$/, { error: 'validation.invalid' });

export const onlineContributionSchema = z
  .object({
    externalId: opaqueRef,
    consultationId: uuidSchema,
    questionId: uuidSchema,
    respondentRef: opaqueRef,
    type: z.enum(contributionTypes),
    agreement: z.number().int().min(1).max(5).nullable(),
    text: text(CHARTER_LIMITS.text).nullable(),
    tagIds: z.array(uuidSchema).max(CHARTER_LIMITS.tagsPerContribution),
    submittedAt: isoUtc,
  })
  .strict()
  .refine((c) => (c.type === 'agreement') === (c.agreement !== null), { path: ['agreement'], message: 'validation.invalid' })
  .refine((c) => c.type === 'agreement' || (c.text !== null && c.text.trim().length > 0), { path: ['text'], message: 'validation.required' });
export type OnlineContribution = z.infer<typeof onlineContributionSchema>;

/** The portal's answer to an online contribution: its id, and whether this post created it (false: posted before). */
export const onlineContributionAnswerSchema = z.object({ id: uuidSchema, created: z.boolean() });
export type OnlineContributionAnswer = z.infer<typeof onlineContributionAnswerSchema>;
