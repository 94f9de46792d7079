/**
 * What the portal accepts for La Transfo's recruiting (spread into src-shared/sync/entities.ts).
 * All three kinds travel in the personal scope (lab desktops only). A candidate's name and
 * e-mail are its `people` row's (`personId`), so the rights of the people recorded (access,
 * erasure, retention) find them as any identity, and a copy on the candidate for the list; the
 * candidate's own words and particulars that
 * could single them out (service, job, seniority, gender, motivation, notes, the reason they were
 * not chosen) are declared personal on its codec and are null once erased. A stage move names the
 * person too, so that its reason is wiped with them.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import {
  availabilities,
  campaignBalanceRulesSchema,
  campaignStatuses,
  candidateGenders,
  candidateStages,
  civilServiceCategories,
  TRANSFO_LIMITS as L,
  transfoDirections,
} from './candidate.schema.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const isoDate = z.iso.date({ error: 'validation.date' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });
const deletedAt = isoUtc.nullable();

export const transfoCampaignRecordSchema = z
  .object({
    title: text(L.title).min(1),
    opensOn: isoDate,
    closesOn: isoDate,
    profileSought: text(L.profileSought),
    balanceRules: campaignBalanceRulesSchema,
    status: z.enum(campaignStatuses),
    purgedAt: isoUtc.nullable(),
    purgedBy: text(L.staffName).nullable(),
    deletedAt,
  })
  .strict();

export const transfoCandidateRecordSchema = z
  .object({
    campaignId: uuidSchema,
    /** The `people` row: the identity the rights of the people recorded find. */
    personId: uuidSchema,
    /**
     * The person's name and e-mail, copied here so that the list sorts and searches one table on
     * its own index (5,000 candidates in milliseconds); written with the person, wiped with it.
     */
    fullName: text(L.fullName).nullable(),
    email: text(L.email).nullable(),
    direction: z.enum(transfoDirections),
    service: text(L.service).nullable(),
    category: z.enum(civilServiceCategories),
    job: text(L.job).nullable(),
    yearsInCity: z.number().int().min(0).max(L.yearsInCity).nullable(),
    motivation: text(L.motivation).nullable(),
    managerAgreement: z.boolean(),
    managerAgreedOn: isoDate.nullable(),
    availability: z.enum(availabilities),
    gender: z.enum(candidateGenders).nullable(),
    meetingNotes: text(L.meetingNotes).nullable(),
    stage: z.enum(candidateStages),
    /** Staff of the lab who met the candidate, and when (required to move to `met`). */
    metBy: text(L.staffName).nullable(),
    metOn: isoDate.nullable(),
    /** Shown to the candidate in the letter. */
    notChosenReason: text(L.reason).nullable(),
    /** Consent to be kept for the next call, and when it was given. */
    keepForNextCall: z.boolean(),
    keepConsentAt: isoUtc.nullable(),
    stageChangedAt: isoUtc,
    stageChangedBy: text(L.staffName).min(1),
    deletedAt,
  })
  .strict();

export const transfoStageMoveRecordSchema = z
  .object({
    campaignId: uuidSchema,
    candidateId: uuidSchema,
    personId: uuidSchema,
    /** Null for the application itself (the first line of the history). */
    from: z.enum(candidateStages).nullable(),
    to: z.enum(candidateStages),
    at: isoUtc,
    by: text(L.staffName).min(1),
    reason: text(L.reason).nullable(),
    deletedAt,
  })
  .strict();

export const transfoSyncSchemas = {
  transfo_campaign: {
    record: transfoCampaignRecordSchema.refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: 'validation.closesBeforeOpens' }),
    change: transfoCampaignRecordSchema.partial(),
  },
  transfo_candidate: { record: transfoCandidateRecordSchema, change: transfoCandidateRecordSchema.partial() },
  transfo_stage_move: { record: transfoStageMoveRecordSchema, change: transfoStageMoveRecordSchema.partial() },
} as const;
