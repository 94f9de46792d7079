/**
 * The inputs and answers of La Transfo's practical cases (case.contract.ts), and the state of a
 * case at a glance (`caseGlance`), which the list shows and the unit tests read. Updates name the
 * version they were read at: a case changed elsewhere since is a `conflict`.
 */
import { z } from 'zod';
import { sha256Schema, uuidSchema } from '../ids.js';
import {
  caseDecisionSchema,
  caseNextStepSchema,
  casePrototypeSchema,
  transfoCaseRecordSchema,
  type TransfoCaseFields,
} from './case-sync.schema.js';
import { CASE_LIMITS as L, CASE_VIDEO_MAX_BYTES, caseMediaTypes, caseStates, caseVideoTypes } from './case-values.js';
import { directionCodes } from './directions.js';
import { designMethods } from './methods.js';

const version = z.number().int().min(1);
const isoDate = z.iso.date({ error: 'validation.date' });
const required = (max: number) => z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: `validation.tooLong:${max}` });
const optional = (max: number) => z.string().trim().max(max, { error: `validation.tooLong:${max}` });
const many = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { error: `validation.tooMany:${max}` });
const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

/** What a new case's form sets; the other parts are filled as the case runs. */
export const caseOpeningSchema = z.object({
  title: required(L.title),
  direction: z.enum(directionCodes, { error: 'validation.required' }),
  service: optional(L.service),
  question: optional(L.question),
  usersMet: optional(L.usersMet),
  methods: many(z.enum(designMethods, { error: 'validation.invalid' }), designMethods.length).refine(distinct, { error: 'validation.invalid' }),
});
export type CaseOpening = z.infer<typeof caseOpeningSchema>;

/** Every part a case's screen edits, each on its own (one part is one synced field). */
export const casePartsSchema = caseOpeningSchema.extend({
  insights: many(required(L.insight), L.insights),
  prototypes: many(casePrototypeSchema, L.prototypes),
  decisions: many(caseDecisionSchema, L.decisions),
  nextSteps: many(caseNextStepSchema, L.nextSteps),
  state: z.enum(caseStates, { error: 'validation.required' }),
  sessions: many(uuidSchema, L.sessions).refine(distinct, { error: 'validation.invalid' }),
});
export type CaseParts = z.infer<typeof casePartsSchema>;

export const caseCreateInputSchema = z.object({ campaignId: uuidSchema, fields: caseOpeningSchema });
export const caseUpdateInputSchema = z.object({
  id: uuidSchema,
  version,
  fields: casePartsSchema.partial().refine((f) => Object.keys(f).length > 0, { error: 'validation.required' }),
});
export type CaseUpdateInput = z.input<typeof caseUpdateInputSchema>;

/** A journal entry names the session it was written at (its day is the session's) or a day. */
export const caseJournalFormSchema = z
  .object({ workshopId: uuidSchema.nullable(), date: isoDate.nullable(), summary: required(L.summary) })
  .refine((e) => e.workshopId !== null || e.date !== null, { path: ['date'], error: 'validation.caseJournalWhen' });
export const caseJournalInputSchema = z.object({ id: uuidSchema, version, entry: caseJournalFormSchema });

export const caseRefSchema = z.object({ id: uuidSchema });

/** A prototype's video, as base64 (photos go through `attachments:add`). */
export const caseVideoInputSchema = z.object({
  mediaType: z.enum(caseVideoTypes, { error: 'validation.mediaType' }),
  base64: z
    .string()
    .min(1, { error: 'validation.required' })
    .max(Math.ceil(CASE_VIDEO_MAX_BYTES / 3) * 4, { error: 'validation.videoTooBig' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalid' }),
});
export const caseVideoRefSchema = z.object({ sha256: sha256Schema, size: z.number().int() });

/** A photo or a video of a prototype, to show: its bytes as base64, decrypted by the core. */
export const caseAttachmentRefSchema = z.object({ sha256: sha256Schema });
export const caseAttachmentContentSchema = z.object({ mediaType: z.enum(caseMediaTypes), base64: z.string() });
export const caseListInputSchema = z.object({
  campaignId: uuidSchema,
  states: many(z.enum(caseStates), caseStates.length).optional(),
  direction: z.enum(directionCodes).optional(),
});

export const caseSchema = transfoCaseRecordSchema.extend({ id: uuidSchema, version: z.number().int(), createdAt: z.string(), updatedAt: z.string() });
export type TransfoCase = z.infer<typeof caseSchema>;

/** A case's state at a glance: what the list shows of it. */
export const caseGlanceSchema = z.object({
  id: uuidSchema,
  version: z.number().int(),
  title: z.string(),
  direction: z.enum(directionCodes),
  service: z.string(),
  state: z.enum(caseStates),
  methods: z.array(z.enum(designMethods)),
  sessions: z.number().int(),
  /** The latest day of its journal, null before the first entry. */
  lastJournalDate: isoDate.nullable(),
  openNextSteps: z.number().int(),
  /** Open next steps whose due day is before today. */
  overdueNextSteps: z.number().int(),
});
export type CaseGlance = z.infer<typeof caseGlanceSchema>;
export const caseListSchema = z.object({ items: z.array(caseGlanceSchema) });

type GlanceSource = Pick<TransfoCaseFields, 'title' | 'direction' | 'service' | 'state' | 'methods' | 'sessions' | 'journal' | 'nextSteps'> & { id: string; version: number };

/** `today`: the Paris day (`YYYY-MM-DD`) a due day is compared with. */
export function caseGlance(c: GlanceSource, today: string): CaseGlance {
  const open = c.nextSteps.filter((s) => !s.done);
  const last = c.journal.reduce<string | null>((latest, e) => (latest === null || e.date > latest ? e.date : latest), null);
  return {
    id: c.id,
    version: c.version,
    title: c.title,
    direction: c.direction,
    service: c.service,
    state: c.state,
    methods: designMethods.filter((m) => c.methods.includes(m)),
    sessions: new Set([...c.sessions, ...c.journal.flatMap((e) => (e.workshopId ? [e.workshopId] : []))]).size,
    lastJournalDate: last,
    openNextSteps: open.length,
    overdueNextSteps: open.filter((s) => s.due !== null && s.due < today).length,
  };
}
