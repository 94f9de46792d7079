/**
 * What the portal accepts for La Transfo's practical cases (spread into src-shared/sync/entities.ts):
 * one `transfo_case`, in the personal scope (lab desktops only, written by them only). A case
 * holds no resident's identity (`usersMet` says who was met, never their names: the form says
 * so); the owners of its next steps are lab members or City agents acting for the City, like a
 * campaign's `purgedBy` (docs/transfo-cases.md).
 *
 * The lists are whole JSON values, each one field: two desks changing the same list at once is a
 * field conflict a person resolves, as for any field. Their limits keep the largest change of
 * one list under the sync's 64 kB of fields.
 */
import { z } from 'zod';
import { sha256Schema, uuidSchema } from '../ids.js';
import { caseMediaTypes, CASE_LIMITS as L, caseStates } from './case-values.js';
import { directionCodes } from './directions.js';
import { designMethods } from './methods.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const isoDate = z.iso.date({ error: 'validation.date' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });
const required = (max: number) => z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: `validation.tooLong:${max}` });
const many = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { error: `validation.tooMany:${max}` });

/** A photo or a video of a prototype: its content address and what it is. */
export const caseAttachmentSchema = z.object({ sha256: sha256Schema, mediaType: z.enum(caseMediaTypes, { error: 'validation.mediaType' }) }).strict();
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

export const casePrototypeSchema = z
  .object({
    /** Also the photos' alternative text. */
    title: required(L.prototypeTitle),
    /** What it shows: a video's text description. */
    description: text(L.prototypeDescription),
    attachments: many(caseAttachmentSchema, L.attachments),
  })
  .strict();
export type CasePrototype = z.infer<typeof casePrototypeSchema>;

export const caseDecisionSchema = z.object({ date: isoDate, text: required(L.decision) }).strict();
export type CaseDecision = z.infer<typeof caseDecisionSchema>;

export const caseNextStepSchema = z
  .object({
    text: required(L.nextStep),
    /** A lab member or a City agent, by name, acting for the City. */
    owner: required(L.owner),
    due: isoDate.nullable(),
    done: z.boolean(),
  })
  .strict();
export type CaseNextStep = z.infer<typeof caseNextStepSchema>;

/**
 * A dated line of the case's journal. `date` is always set (the session's Paris day when the
 * entry names a session): the monthly publication reads « the cases advanced this month » by it.
 */
export const caseJournalEntrySchema = z.object({ date: isoDate, workshopId: uuidSchema.nullable(), summary: required(L.summary) }).strict();
export type CaseJournalEntry = z.infer<typeof caseJournalEntrySchema>;

export const transfoCaseRecordSchema = z
  .object({
    /** The cohort's campaign. */
    campaignId: uuidSchema,
    title: text(L.title).min(1),
    direction: z.enum(directionCodes, { error: 'validation.required' }),
    service: text(L.service),
    question: text(L.question),
    usersMet: text(L.usersMet),
    methods: many(z.enum(designMethods, { error: 'validation.invalid' }), designMethods.length),
    insights: many(required(L.insight), L.insights),
    prototypes: many(casePrototypeSchema, L.prototypes),
    decisions: many(caseDecisionSchema, L.decisions),
    nextSteps: many(caseNextStepSchema, L.nextSteps),
    state: z.enum(caseStates, { error: 'validation.required' }),
    /** The `la_transfo_training` or `lab_monthly` workshops where the case was worked on. */
    sessions: many(uuidSchema, L.sessions),
    journal: many(caseJournalEntrySchema, L.journal),
    deletedAt: isoUtc.nullable(),
  })
  .strict();
export type TransfoCaseFields = z.infer<typeof transfoCaseRecordSchema>;

export const transfoCaseSyncSchemas = {
  transfo_case: { record: transfoCaseRecordSchema, change: transfoCaseRecordSchema.partial() },
} as const;

/** The attachments a case's prototypes name (the portal wants them before it applies the case). */
export function caseAttachmentShas(prototypes: unknown): string[] {
  if (!Array.isArray(prototypes)) return [];
  return prototypes.flatMap((p: { attachments?: unknown }) =>
    Array.isArray(p?.attachments) ? p.attachments.flatMap((a: { sha256?: unknown }) => (typeof a?.sha256 === 'string' ? [a.sha256] : [])) : [],
  );
}
