/**
 * The inputs and outputs of the app's own sync commands (enrol, rejected list, conflicts),
 * as the renderer sends and shows them. Messages are i18n keys, like every form.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { requiredText } from '../workshops/workshop.schema.js';
import { ENROLMENT_CODE_PATTERN, ONE_LINE_PATTERN, portalErrorBodySchema, SYNC_LIMITS, syncEntities, type SyncEntity } from './protocol.schema.js';

/** https everywhere; plain http only to this machine (a portal started for a test or a demo). */
export const portalUrlSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(300, { error: 'validation.tooLong:300' })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        if (url.username || url.password || url.search || url.hash) return false;
        if (url.protocol === 'https:') return true;
        return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      } catch {
        return false;
      }
    },
    { error: 'validation.portalUrl' },
  );

export const syncEnrolInputSchema = z.object({
  portalUrl: portalUrlSchema,
  code: z
    .string({ error: 'validation.required' })
    .trim()
    .toUpperCase()
    .min(1, { error: 'validation.required' })
    .regex(ENROLMENT_CODE_PATTERN, { error: 'validation.enrolmentCode' }),
  // One line, as the portal requires (no control characters).
  deviceName: requiredText(SYNC_LIMITS.deviceName).regex(ONE_LINE_PATTERN, { error: 'validation.invalid' }),
});
export type SyncEnrolInput = z.infer<typeof syncEnrolInputSchema>;

/** One label per synced record kind, and one for a record this device no longer holds. */
export type RecordLabelKey = `syncCenter.records.${SyncEntity | 'missing'}`;
export const recordLabelKeys = [...syncEntities, 'missing' as const].map((k): RecordLabelKey => `syncCenter.records.${k}`) as [
  RecordLabelKey,
  ...RecordLabelKey[],
];

/**
 * How a person recognises a record in the lists of rejected changes and conflicts: an i18n key
 * and its values, translated by the renderer (nothing a person reads is built in English in the
 * core). Values are the record's own words (a title, a name) or enum values the key translates.
 */
export const recordLabelSchema = z.object({
  key: z.enum(recordLabelKeys),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RecordLabel = z.infer<typeof recordLabelSchema>;

export const rejectedChangeSchema = z.object({
  seq: z.number().int(),
  entity: z.enum(syncEntities),
  recordId: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  fields: z.record(z.string(), z.unknown()),
  capturedAt: z.string(),
  reason: portalErrorBodySchema,
  /** A label for the record (its title, a name…) so a person knows what it was. */
  label: recordLabelSchema,
});
export type RejectedChange = z.infer<typeof rejectedChangeSchema>;

export const syncConflictSchema = z.object({
  entity: z.enum(syncEntities),
  recordId: z.string(),
  field: z.string(),
  candidates: z.array(z.object({ value: z.unknown(), deviceId: z.string(), capturedAt: z.string() })),
  /** The value the portal kept for now. */
  winner: z.number().int(),
  label: recordLabelSchema,
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

export const syncResolveInputSchema = z.object({
  entity: z.enum(syncEntities),
  recordId: uuidSchema,
  field: z.string().max(64),
  /** Index into the conflict's candidates. */
  choice: z.number().int().min(0).max(64),
});
