/**
 * A workshop is any in-person event the app runs. These schemas are the single source of
 * truth for the record, the form, the commands and (later) the sync messages.
 *
 * Validation messages are i18n keys (`validation.*`, optionally `:param`); the renderer
 * translates them, the core sends them back in `error.fields`.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { PARIS_LOCAL_PATTERN, parisLocalToUtc, utcToParisLocal } from '../time/paris-time.js';

export const workshopKinds = [
  'pb_co_construction',
  'citizen_card_atelier',
  'charter_consultation',
  'dataset_meetup',
  'lab_monthly',
  'la_transfo_training',
] as const;
export type WorkshopKind = (typeof workshopKinds)[number];

export const workshopStatuses = ['planned', 'open', 'closed', 'cancelled'] as const;
export type WorkshopStatus = (typeof workshopStatuses)[number];

export const partnerTypes = ['association', 'university', 'neighbourhood_council', 'other'] as const;
export type PartnerType = (typeof partnerTypes)[number];

export const LIMITS = {
  title: 200,
  description: 5000,
  venueName: 200,
  venueAddress: 300,
  personName: 120,
  minutes: 20000,
  cancelReason: 1000,
  partners: 20,
  facilitators: 20,
  capacity: 5000,
  query: 200,
} as const;

/** A trimmed string; `validation.required` when empty, `validation.tooLong:N` past `max`. */
export const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: `validation.tooLong:${max}` });

export const optionalText = (max: number) =>
  z.string({ error: 'validation.invalid' }).trim().max(max, { error: `validation.tooLong:${max}` });

/** A wall-clock time in Paris, `YYYY-MM-DDTHH:mm`, that exists in the calendar. */
export const parisDateTime = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .regex(PARIS_LOCAL_PATTERN, { error: 'validation.dateTime' })
  .refine((v) => parisLocalToUtc(v) !== null, { error: 'validation.dateTime' });

/** A UUID, lower case (src-shared/ids.ts). */
export const uuid = uuidSchema;

export const partnerSchema = z.object({
  name: requiredText(LIMITS.personName),
  type: z.enum(partnerTypes, { error: 'validation.required' }),
});
export type Partner = z.infer<typeof partnerSchema>;

const workshopFieldsObject = z.object({
  kind: z.enum(workshopKinds, { error: 'validation.required' }),
  title: requiredText(LIMITS.title),
  description: optionalText(LIMITS.description),
  /** Paris wall-clock; stored as UTC. */
  startsAt: parisDateTime,
  endsAt: parisDateTime,
  venueName: requiredText(LIMITS.venueName),
  venueAddress: optionalText(LIMITS.venueAddress),
  arrondissement: z
    .number({ error: 'validation.arrondissement' })
    .int({ error: 'validation.arrondissement' })
    .min(1, { error: 'validation.arrondissement' })
    .max(20, { error: 'validation.arrondissement' }),
  inQpv: z.boolean(),
  capacity: z
    .number({ error: 'validation.capacity' })
    .int({ error: 'validation.capacity' })
    .min(1, { error: 'validation.capacity' })
    .max(LIMITS.capacity, { error: 'validation.capacity' })
    .nullable(),
  partners: z.array(partnerSchema).max(LIMITS.partners, { error: `validation.tooMany:${LIMITS.partners}` }),
  facilitators: z
    .array(requiredText(LIMITS.personName))
    .max(LIMITS.facilitators, { error: `validation.tooMany:${LIMITS.facilitators}` }),
});

/**
 * The fields a person fills in; the end must come after the start. The check runs whenever
 * both times are valid, even if other fields are not, so every error shows at once.
 */
export const workshopFieldsSchema = workshopFieldsObject.refine(
  (w) => {
    const start = parisLocalToUtc(w.startsAt);
    const end = parisLocalToUtc(w.endsAt);
    return !start || !end || end > start;
  },
  {
    path: ['endsAt'],
    message: 'validation.endBeforeStart',
    when: (payload) => {
      const v = payload.value as { startsAt?: unknown; endsAt?: unknown } | undefined;
      return parisDateTime.safeParse(v?.startsAt).success && parisDateTime.safeParse(v?.endsAt).success;
    },
  },
);
export type WorkshopFields = z.infer<typeof workshopFieldsSchema>;

export const workshopSchema = z.object({
  id: uuid,
  kind: z.enum(workshopKinds),
  title: z.string(),
  description: z.string(),
  /** ISO-8601 UTC. */
  startsAt: z.string(),
  endsAt: z.string(),
  venueName: z.string(),
  venueAddress: z.string(),
  arrondissement: z.number().int(),
  inQpv: z.boolean(),
  capacity: z.number().int().nullable(),
  partners: z.array(partnerSchema),
  facilitators: z.array(z.string()),
  status: z.enum(workshopStatuses),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Increases with every change; an update must name the version it was based on. */
  version: z.number().int(),
  deletedAt: z.string().nullable(),
});
export type Workshop = z.infer<typeof workshopSchema>;

export const workshopListInputSchema = z.object({
  kind: z.enum(workshopKinds).optional(),
  status: z.enum(workshopStatuses).optional(),
  arrondissement: z.number().int().min(1).max(20).optional(),
  /** Paris calendar days, inclusive: `YYYY-MM-DD`. */
  from: z.iso.date({ error: 'validation.date' }).optional(),
  to: z.iso.date({ error: 'validation.date' }).optional(),
  query: z.string().max(LIMITS.query, { error: `validation.tooLong:${LIMITS.query}` }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type WorkshopListInput = z.input<typeof workshopListInputSchema>;

export const workshopListSchema = z.object({
  items: z.array(workshopSchema),
  total: z.number().int(),
});
export type WorkshopList = z.infer<typeof workshopListSchema>;

export const workshopRefSchema = z.object({ id: uuid });
export const workshopVersionedRefSchema = z.object({ id: uuid, version: z.number().int().min(1) });

export const workshopUpdateInputSchema = z.object({
  id: uuid,
  version: z.number().int().min(1),
  fields: workshopFieldsSchema,
});

export const workshopCloseInputSchema = workshopVersionedRefSchema.extend({
  minutes: requiredText(LIMITS.minutes),
});

export const workshopCancelInputSchema = workshopVersionedRefSchema.extend({
  reason: optionalText(LIMITS.cancelReason),
});

/** Which transitions the status machine allows: planned → open → closed, or cancelled. */
export const workshopTransitions: Record<WorkshopStatus, readonly WorkshopStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

/** A workshop can be edited until it is closed or cancelled. */
export function isEditable(status: WorkshopStatus): boolean {
  return status === 'planned' || status === 'open';
}

/** The fields a person edits, from a stored workshop (times back to Paris wall-clock). */
export function workshopFieldsOf(w: Workshop): WorkshopFields {
  return {
    kind: w.kind,
    title: w.title,
    description: w.description,
    startsAt: utcToParisLocal(w.startsAt),
    endsAt: utcToParisLocal(w.endsAt),
    venueName: w.venueName,
    venueAddress: w.venueAddress,
    arrondissement: w.arrondissement,
    inQpv: w.inQpv,
    capacity: w.capacity,
    partners: w.partners.map((p) => ({ ...p })),
    facilitators: [...w.facilitators],
  };
}
