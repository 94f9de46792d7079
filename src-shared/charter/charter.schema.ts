/**
 * The participation charter's consultation: the draft charter's structure (chapters, articles,
 * questions) and its themes (tags) as reference data the lab edits; consultations with a
 * period and channels; contributions per question (a proposal, an agreement on a 5-point scale,
 * an amendment of an article), typed at a workshop, from a paper questionnaire, or received
 * online by the portal. Free text is never a category: tags come from the lab's list only.
 *
 * Validation messages are i18n keys (`validation.*`), as everywhere.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { languages } from '../i18n/languages.js';
import { optionalText, requiredText } from '../workshops/workshop.schema.js';

const uuid = uuidSchema;
const version = z.number().int().min(1);

/** Where a contribution was given: typed at a workshop, typed from a paper questionnaire, posted online. */
export const charterChannels = ['workshop', 'paper', 'online'] as const;
export type CharterChannel = (typeof charterChannels)[number];

export const contributionTypes = ['proposal', 'agreement', 'amendment'] as const;
export type ContributionType = (typeof contributionTypes)[number];

/** An individual (with an anonymous study profile when they consented) or a table of a workshop. */
export const contributorKinds = ['individual', 'table'] as const;
export type ContributorKind = (typeof contributorKinds)[number];

/** 1 strongly disagree … 3 neither … 5 strongly agree. */
export const agreementLevels = [1, 2, 3, 4, 5] as const;
export type AgreementLevel = (typeof agreementLevels)[number];

/** What the City does with an article after the consultation (told at the public meeting). */
export const articleDecisions = ['kept', 'amended', 'set_aside'] as const;
export type ArticleDecision = (typeof articleDecisions)[number];

export const CHARTER_LIMITS = {
  title: 200,
  summary: 2000,
  body: 5000,
  prompt: 500,
  tagLabel: 60,
  reason: 2000,
  description: 5000,
  text: 5000,
  tableLabel: 60,
  sheetNumber: 20,
  respondentRef: 80,
  tagsPerContribution: 10,
  answersPerSheet: 100,
  position: 999,
} as const;

const position = z
  .number({ error: 'validation.required' })
  .int({ error: 'validation.invalid' })
  .min(1, { error: 'validation.invalid' })
  .max(CHARTER_LIMITS.position, { error: `validation.max:${CHARTER_LIMITS.position}` });

/** A paper questionnaire's number as printed on it: letters, digits and dashes, upper-cased. */
export const sheetNumberSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(CHARTER_LIMITS.sheetNumber, { error: `validation.tooLong:${CHARTER_LIMITS.sheetNumber}` })
  .regex(/^[0-9A-Za-z-]+$/, { error: 'validation.sheetNumber' })
  .toUpperCase();

const isoDay = z.iso.date({ error: 'validation.date' });

// ---------------------------------------------------------------- the forms

export const chapterFieldsSchema = z.object({
  position,
  title: requiredText(CHARTER_LIMITS.title),
  summary: optionalText(CHARTER_LIMITS.summary),
});
export type ChapterFields = z.infer<typeof chapterFieldsSchema>;

export const articleFieldsSchema = z.object({
  chapterId: uuid,
  position,
  title: requiredText(CHARTER_LIMITS.title),
  /** The draft text people react to and amend. */
  body: requiredText(CHARTER_LIMITS.body),
});
export type ArticleFields = z.infer<typeof articleFieldsSchema>;

export const questionFieldsSchema = z.object({
  chapterId: uuid,
  /** The article the question is about; an amendment needs one. */
  articleId: uuid.nullable(),
  position,
  prompt: requiredText(CHARTER_LIMITS.prompt),
  /** The kinds of answer the question takes. */
  accepts: z
    .array(z.enum(contributionTypes))
    .min(1, { error: 'validation.required' })
    .max(contributionTypes.length)
    .refine((a) => new Set(a).size === a.length, { error: 'validation.invalid' }),
}).refine((q) => q.articleId !== null || !q.accepts.includes('amendment'), {
  path: ['articleId'],
  message: 'validation.amendmentNeedsArticle',
});
export type QuestionFields = z.infer<typeof questionFieldsSchema>;

export const tagFieldsSchema = z.object({ label: requiredText(CHARTER_LIMITS.tagLabel) });
export type TagFields = z.infer<typeof tagFieldsSchema>;

export const consultationFieldsSchema = z
  .object({
    title: requiredText(CHARTER_LIMITS.title),
    description: optionalText(CHARTER_LIMITS.description),
    opensOn: isoDay,
    closesOn: isoDay,
    channels: z
      .array(z.enum(charterChannels))
      .min(1, { error: 'validation.required' })
      .max(charterChannels.length)
      .refine((a) => new Set(a).size === a.length, { error: 'validation.invalid' }),
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: 'validation.endBeforeStart' });
export type ConsultationFields = z.infer<typeof consultationFieldsSchema>;

/** One answer to one question (a workshop's contribution, or one answer of a paper sheet). */
export const answerFieldsSchema = z
  .object({
    questionId: uuid,
    type: z.enum(contributionTypes, { error: 'validation.required' }),
    /** 1–5, for an agreement only. */
    agreement: z
      .number({ error: 'validation.required' })
      .int({ error: 'validation.invalid' })
      .min(1, { error: 'validation.invalid' })
      .max(5, { error: 'validation.invalid' })
      .nullable(),
    /** The proposal, or the article's wording as the amendment would have it. */
    text: optionalText(CHARTER_LIMITS.text).nullable(),
    tagIds: z
      .array(uuid)
      .max(CHARTER_LIMITS.tagsPerContribution, { error: `validation.tooMany:${CHARTER_LIMITS.tagsPerContribution}` }),
  })
  .superRefine((a, ctx) => {
    if (a.type === 'agreement' && a.agreement === null)
      ctx.addIssue({ code: 'custom', path: ['agreement'], message: 'validation.required' });
    if (a.type !== 'agreement' && a.agreement !== null)
      ctx.addIssue({ code: 'custom', path: ['agreement'], message: 'validation.invalid' });
    if (a.type !== 'agreement' && (a.text === null || a.text.trim() === ''))
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'validation.required' });
  });
export type AnswerFields = z.infer<typeof answerFieldsSchema>;
export type AnswerFieldsInput = z.input<typeof answerFieldsSchema>;

/** A contribution typed at a workshop: an answer, and who gave it. */
export const contributionFieldsSchema = z
  .object({
    answer: answerFieldsSchema,
    contributor: z.enum(contributorKinds, { error: 'validation.required' }),
    /** An individual's anonymous study profile (only with their study consent), or none. */
    profileId: uuid.nullable(),
    /**
     * Or the person present who speaks, chosen in the room's list: the core records their
     * anonymous profile when they gave one (never the attendance, never the name).
     */
    attendanceId: uuid.nullable().default(null),
    /** « Table 3 »: a table of the workshop speaking together. */
    tableLabel: optionalText(CHARTER_LIMITS.tableLabel).nullable(),
  })
  .superRefine((c, ctx) => {
    if (c.contributor === 'table' && (c.tableLabel === null || c.tableLabel.trim() === ''))
      ctx.addIssue({ code: 'custom', path: ['tableLabel'], message: 'validation.required' });
    if (c.contributor === 'table' && c.profileId !== null)
      ctx.addIssue({ code: 'custom', path: ['profileId'], message: 'validation.invalid' });
    if (c.contributor === 'table' && c.attendanceId !== null)
      ctx.addIssue({ code: 'custom', path: ['attendanceId'], message: 'validation.invalid' });
  });
export type ContributionFields = z.infer<typeof contributionFieldsSchema>;
export type ContributionFieldsInput = z.input<typeof contributionFieldsSchema>;

// ---------------------------------------------------------------- the records the core hands out

const recordBase = {
  id: uuid,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

export const chapterSchema = z.object({ ...recordBase, position: z.number().int(), title: z.string(), summary: z.string() });
export type Chapter = z.infer<typeof chapterSchema>;

export const articleSchema = z.object({
  ...recordBase,
  chapterId: z.string(),
  position: z.number().int(),
  title: z.string(),
  body: z.string(),
  decision: z.enum(articleDecisions).nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type Article = z.infer<typeof articleSchema>;

export const questionSchema = z.object({
  ...recordBase,
  chapterId: z.string(),
  articleId: z.string().nullable(),
  position: z.number().int(),
  prompt: z.string(),
  accepts: z.array(z.enum(contributionTypes)),
});
export type Question = z.infer<typeof questionSchema>;

export const tagSchema = z.object({ ...recordBase, label: z.string() });
export type Tag = z.infer<typeof tagSchema>;

export const consultationSchema = z.object({
  ...recordBase,
  title: z.string(),
  description: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  channels: z.array(z.enum(charterChannels)),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const contributionSchema = z.object({
  ...recordBase,
  consultationId: z.string(),
  questionId: z.string(),
  channel: z.enum(charterChannels),
  type: z.enum(contributionTypes),
  workshopId: z.string().nullable(),
  contributor: z.enum(contributorKinds),
  profileId: z.string().nullable(),
  tableLabel: z.string().nullable(),
  /**
   * Who answered, opaque, so answers of one person group together for the opinion groups:
   * `profile:<id>`, `sheet:<number>`, `online:<ref>`, `table:<workshop>:<label>` or
   * `anon:<id>` (an individual without a profile: one contribution, one respondent).
   */
  respondentKey: z.string(),
  agreement: z.number().int().nullable(),
  text: z.string().nullable(),
  /** For an amendment: the article's text when the amendment was given (the diff's left side). */
  baseText: z.string().nullable(),
  tagIds: z.array(z.string()),
  sheetNumber: z.string().nullable(),
  recordedAt: z.string(),
});
export type Contribution = z.infer<typeof contributionSchema>;

// ---------------------------------------------------------------- the commands' inputs and outputs

export const charterRefSchema = z.object({ id: uuid });
export const charterVersionedRefSchema = z.object({ id: uuid, version });

export const charterStructureSchema = z.object({
  chapters: z.array(chapterSchema),
  articles: z.array(articleSchema),
  questions: z.array(questionSchema),
  tags: z.array(tagSchema),
});
export type CharterStructure = z.infer<typeof charterStructureSchema>;

/** Create (no id) or update (id and the version read). */
const saveInput = <F extends z.ZodType>(fields: F) =>
  z.object({ id: uuid.optional(), version: version.optional(), fields });
export const chapterSaveInputSchema = saveInput(chapterFieldsSchema);
export const articleSaveInputSchema = saveInput(articleFieldsSchema);
export const questionSaveInputSchema = saveInput(questionFieldsSchema);
export const tagSaveInputSchema = saveInput(tagFieldsSchema);
export const consultationSaveInputSchema = saveInput(consultationFieldsSchema);

export const articleDecideInputSchema = z.object({
  id: uuid,
  version,
  decision: z.enum(articleDecisions, { error: 'validation.required' }).nullable(),
  reason: optionalText(CHARTER_LIMITS.reason),
});

export const consultationListSchema = z.object({ items: z.array(consultationSchema) });

export const contributionListInputSchema = z.object({
  consultationId: uuid,
  workshopId: uuid.optional(),
  channel: z.enum(charterChannels).optional(),
  questionId: uuid.optional(),
  limit: z.number().int().min(1).max(20_000).default(1000),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});
export const contributionListSchema = z.object({ items: z.array(contributionSchema), total: z.number().int() });

export const contributeInputSchema = z.object({
  consultationId: uuid,
  /** The workshop the facilitator is in (a charter consultation kind). */
  workshopId: uuid,
  fields: contributionFieldsSchema,
});
export const contributionUpdateInputSchema = z.object({ id: uuid, version, fields: contributionFieldsSchema });

/** A paper questionnaire typed afterwards: its number, and its answers. */
export const paperSheetInputSchema = z.object({
  consultationId: uuid,
  sheetNumber: sheetNumberSchema,
  /** The workshop where the sheets were collected, if any. */
  workshopId: uuid.nullable(),
  answers: z
    .array(answerFieldsSchema)
    .min(1, { error: 'validation.required' })
    .max(CHARTER_LIMITS.answersPerSheet, { error: `validation.tooMany:${CHARTER_LIMITS.answersPerSheet}` }),
});
export const paperSheetResultSchema = z.object({ sheetNumber: z.string(), contributions: z.array(contributionSchema) });
export const paperSheetListInputSchema = z.object({ consultationId: uuid });
export const paperSheetListSchema = z.object({
  items: z.array(z.object({ sheetNumber: z.string(), answers: z.number().int(), recordedAt: z.string() })),
});

export const consultationRefSchema = z.object({ consultationId: uuid });

/** A count of people or contributions: null when masked (fewer than five, zero included). */
const maskedCount = z.number().int().nullable();

export const charterSynthesisSchema = z.object({
  consultationId: z.string(),
  contributions: z.number().int(),
  respondents: z.number().int(),
  byChannel: z.array(z.object({ channel: z.enum(charterChannels), contributions: z.number().int() })),
  /** Contributions per chapter and channel. */
  byChapter: z.array(
    z.object({
      chapterId: z.string(),
      position: z.number().int(),
      title: z.string(),
      workshop: z.number().int(),
      paper: z.number().int(),
      online: z.number().int(),
      total: z.number().int(),
    }),
  ),
  /** The agreement distribution per article (its agreement questions together); counts of people masked under five. */
  agreementByArticle: z.array(
    z.object({
      articleId: z.string(),
      title: z.string(),
      /** Counts for 1…5, each masked under five. */
      levels: z.array(maskedCount).length(5),
      answers: z.number().int(),
      /** Mean on 1–5; null when fewer than five answers. */
      mean: z.number().nullable(),
    }),
  ),
  mostAmended: z.array(z.object({ articleId: z.string(), title: z.string(), amendments: z.number().int() })),
  topTags: z.array(z.object({ tagId: z.string(), label: z.string(), contributions: z.number().int() })),
});
export type CharterSynthesis = z.infer<typeof charterSynthesisSchema>;

export const opinionStatementSchema = z.object({
  questionId: z.string(),
  prompt: z.string(),
  /** Share of the group (or of everyone) agreeing (4–5) and disagreeing (1–2), 0–1. */
  agree: z.number(),
  disagree: z.number(),
});

export const opinionGroupsSchema = z.object({
  consultationId: z.string(),
  /** Respondents with at least one agreement, and the statements (agreement questions) they answered. */
  participants: z.number().int(),
  statements: z.number().int(),
  /** False when there were too few participants or statements to look for groups. */
  computed: z.boolean(),
  groups: z.array(
    z.object({
      /** 1, 2, … by size, largest first. */
      number: z.number().int(),
      size: z.number().int(),
      /** What sets the group apart: where it agrees or disagrees far more than the others. */
      distinctive: z.array(opinionStatementSchema.extend({ othersAgree: z.number(), othersDisagree: z.number() })),
    }),
  ),
  /** Groups of fewer than five people are never shown: how many people were in them. */
  hiddenParticipants: z.number().int(),
  /** Statements every shown group agrees on (or disagrees on). */
  consensus: z.array(opinionStatementSchema),
});
export type OpinionGroups = z.infer<typeof opinionGroupsSchema>;

export const charterReportInputSchema = z.object({ consultationId: uuid, locale: z.enum(languages).default('fr') });
export const charterReportSchema = z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int() });
