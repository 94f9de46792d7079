/**
 * The inputs and answers of La Transfo's recruiting commands (transfo.contract.ts). Forms send
 * `version`, the version they were read at: a record changed elsewhere since is a `conflict`.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import {
  availabilities,
  campaignBalanceRulesSchema,
  candidateGenders,
  candidateStages,
  civilServiceCategories,
  directionSchema,
  TRANSFO_LIMITS as L,
} from './candidate.schema.js';
import { transfoCampaignRecordSchema, transfoCandidateRecordSchema, transfoStageMoveRecordSchema } from './transfo-sync.schema.js';

const uuid = uuidSchema;
const version = z.number().int().min(1);
const isoDate = z.iso.date({ error: 'validation.date' });
const requiredText = (max: number) =>
  z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: `validation.tooLong:${max}` });
const optionalText = (max: number) => z.string().trim().max(max, { error: `validation.tooLong:${max}` });

// ---------------------------------------------------------------- campaigns

export const campaignFieldsSchema = z
  .object({
    title: requiredText(L.title),
    opensOn: isoDate,
    closesOn: isoDate,
    profileSought: optionalText(L.profileSought),
    balanceRules: campaignBalanceRulesSchema,
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: 'validation.closesBeforeOpens' });
export type CampaignFields = z.infer<typeof campaignFieldsSchema>;

export const campaignSchema = transfoCampaignRecordSchema.extend({
  id: uuid,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Live candidates, and those chosen (ambassadors and relais). */
  candidates: z.number().int(),
  chosen: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignListSchema = z.object({ items: z.array(campaignSchema) });
export const campaignCreateInputSchema = z.object({ fields: campaignFieldsSchema });
export const campaignUpdateInputSchema = z.object({ id: uuid, version, fields: campaignFieldsSchema });
export const campaignVersionedRefSchema = z.object({ id: uuid, version });
/** The purge cannot be undone: the screen asks, and the command says it was asked. */
export const campaignPurgeInputSchema = z.object({ id: uuid, version, confirm: z.literal(true, { error: 'validation.confirmPurge' }) });
export const campaignPurgeSchema = z.object({ campaign: campaignSchema, erased: z.number().int() });

// ---------------------------------------------------------------- candidates

const email = z
  .string()
  .trim()
  .max(L.email, { error: `validation.tooLong:${L.email}` })
  .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'validation.email' })
  .transform((v) => (v === '' ? null : v))
  .nullable();

/** What the candidate's form sets; the stage moves by its own command. */
export const candidateFieldsSchema = z.object({
  fullName: requiredText(L.fullName),
  email,
  direction: directionSchema,
  service: requiredText(L.service),
  category: z.enum(civilServiceCategories, { error: 'validation.required' }),
  job: requiredText(L.job),
  yearsInCity: z.number({ error: 'validation.required' }).int().min(0, { error: 'validation.min:0' }).max(L.yearsInCity, { error: `validation.max:${L.yearsInCity}` }),
  motivation: optionalText(L.motivation),
  managerAgreement: z.boolean(),
  managerAgreedOn: isoDate.nullable(),
  availability: z.enum(availabilities, { error: 'validation.required' }),
  gender: z.enum(candidateGenders).nullable(),
  meetingNotes: optionalText(L.meetingNotes),
  keepForNextCall: z.boolean(),
});
export type CandidateFields = z.infer<typeof candidateFieldsSchema>;
export type CandidateFieldsInput = z.input<typeof candidateFieldsSchema>;

/** A candidate as the screens read it (its name and e-mail null once erased). */
export const candidateSchema = transfoCandidateRecordSchema.extend({
  id: uuid,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Its personal data was erased (the campaign's purge, a request, the retention). */
  erased: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidateRefSchema = z.object({ id: uuid });
export const candidateCreateInputSchema = z.object({ campaignId: uuid, fields: candidateFieldsSchema });
export const candidateUpdateInputSchema = z.object({ id: uuid, version, fields: candidateFieldsSchema });

export const candidateSorts = ['name', 'applied', 'stage', 'direction', 'category', 'seniority'] as const;
export type CandidateSort = (typeof candidateSorts)[number];

export const candidateListInputSchema = z.object({
  campaignId: uuid,
  stage: z.array(z.enum(candidateStages)).max(candidateStages.length).optional(),
  direction: directionSchema.optional(),
  category: z.enum(civilServiceCategories).optional(),
  /** `unknown`: those who did not say. */
  gender: z.enum([...candidateGenders, 'unknown']).optional(),
  /** A few letters of the name (accents and case ignored). */
  query: z.string().max(L.queryLength).optional(),
  sort: z.enum(candidateSorts).default('name'),
  descending: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(L.listLimit).default(100),
});
export const candidateListSchema = z.object({ items: z.array(candidateSchema), total: z.number().int() });

export const stageMoveInputSchema = z.object({
  id: uuid,
  version,
  to: z.enum(candidateStages),
  /** Required for `not_chosen` (it is shown in the letter); kept with any other move. */
  reason: optionalText(L.reason).optional(),
  /** Required for `met`. */
  metBy: optionalText(L.staffName).optional(),
  metOn: isoDate.optional(),
});

export const stageMoveSchema = transfoStageMoveRecordSchema.extend({ id: uuid });
export type StageMove = z.infer<typeof stageMoveSchema>;
export const stageHistorySchema = z.object({ items: z.array(stageMoveSchema) });

// ---------------------------------------------------------------- the cohort: balance and letters

const countsShape = { candidates: z.number().int(), chosen: z.number().int(), relais: z.number().int() };
const bandSchema = z.object({ key: z.string(), from: z.number().int(), to: z.number().int().nullable() });

/** balance.ts's `Balance`, as the command answers it. */
export const balanceSchema = z.object({
  totals: z.object(countsShape),
  directions: z.array(z.object({ key: directionSchema, ...countsShape })),
  categories: z.array(z.object({ key: z.enum(civilServiceCategories), ...countsShape })),
  genders: z.array(z.object({ key: z.enum([...candidateGenders, 'unknown']), ...countsShape })),
  seniority: z.array(z.object({ key: z.string(), band: bandSchema, ...countsShape })),
  warnings: z.array(
    z.discriminatedUnion('code', [
      z.object({ code: z.literal('over_target'), count: z.number(), target: z.number() }),
      z.object({ code: z.literal('under_target'), count: z.number(), target: z.number() }),
      z.object({ code: z.literal('direction_over'), direction: directionSchema, count: z.number(), max: z.number() }),
      z.object({ code: z.literal('category_missing'), category: z.enum(civilServiceCategories) }),
      z.object({ code: z.literal('gender_share'), gender: z.enum(['woman', 'man']), share: z.number(), min: z.number() }),
      z.object({ code: z.literal('seniority_band_missing'), band: bandSchema }),
    ]),
  ),
  notes: z.array(
    z.discriminatedUnion('code', [
      z.object({ code: z.literal('gender_unknown'), count: z.number() }),
      z.object({ code: z.literal('gender_unchecked'), known: z.number(), minKnown: z.number() }),
      z.object({ code: z.literal('withdrew'), count: z.number() }),
    ]),
  ),
  satisfied: z.boolean(),
});

export const campaignRefSchema = z.object({ campaignId: uuid });

export const lettersInputSchema = z.object({
  campaignId: uuid,
  candidateIds: z.array(uuid).min(1, { error: 'validation.required' }).max(L.listLimit),
  /** Who signs: one line or several. */
  signature: requiredText(L.signature),
  /** The letters' date. */
  date: isoDate,
  /** The first session, when it is set. */
  firstSessionOn: isoDate.nullable().optional(),
});
export const lettersSchema = z.object({
  fileName: z.string(),
  base64: z.string(),
  pages: z.number().int(),
  /** The same letters as text to paste into a mail, in the order given. */
  texts: z.array(z.object({ candidateId: uuid, fullName: z.string(), text: z.string() })),
});
export type Letters = z.infer<typeof lettersSchema>;
