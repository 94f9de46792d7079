/**
 * The two record kinds of the people's rights (registered in src-shared/sync/entities.ts):
 *
 * - `erasure`: a person's identity was wiped. It holds no personal data: which kind of subject,
 *   which records were wiped and which of their fields (names of fields, never values), why,
 *   when and by whom (a facilitator's or lab member's name, never an e-mail; null for the
 *   automatic retention purge and for an erasure re-applied from the journal, which keeps no
 *   names). Its record id is the subject's id: one erasure per person, found by id on every
 *   side. It is created whole and never changed: the portal keeps the first one it receives.
 * - `lab_settings`: the lab's choices that every laptop must apply the same way (today: how long
 *   identities are kept after a person's last workshop). One record, under a fixed id.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { syncEntities } from '../sync/protocol.schema.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });

export const erasureReasons = ['request', 'retention'] as const;
export type ErasureReason = (typeof erasureReasons)[number];

export const RIGHTS_LIMITS = {
  /** An actor's name, as the attendance's `recordedBy`. */
  actor: 120,
  /** Records one erasure may wipe (the identity and the records that name it). */
  targets: 200,
  /** Personal fields of one record. */
  fields: 32,
  /** Identity retention after the last workshop, in months: one to ten years. */
  minRetentionMonths: 1,
  maxRetentionMonths: 120,
} as const;

/** The default retention: 12 months after the person's last workshop. */
export const DEFAULT_RETENTION_MONTHS = 12;

/** The fixed id of the one `lab_settings` record. */
export const LAB_SETTINGS_ID = '6f3c2a1e-9b4d-4e57-8a0c-2d1b7e5f9a34';

/** A field name as the shared record schemas spell them. */
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, { error: 'validation.invalid' });

export const erasureTargetSchema = z
  .object({
    entity: z.enum(syncEntities),
    recordId: uuidSchema,
    fields: z.array(fieldName).min(1).max(RIGHTS_LIMITS.fields),
  })
  .strict();
export type ErasureTarget = z.output<typeof erasureTargetSchema>;

export const erasureRecordSchema = z
  .object({
    subjectEntity: z.enum(syncEntities),
    targets: z.array(erasureTargetSchema).min(1).max(RIGHTS_LIMITS.targets),
    reason: z.enum(erasureReasons),
    erasedAt: isoUtc,
    erasedBy: z.string().min(1).max(RIGHTS_LIMITS.actor).nullable(),
  })
  .strict();
export type ErasureRecord = z.output<typeof erasureRecordSchema>;

export const labSettingsRecordSchema = z
  .object({
    identityRetentionMonths: z.number().int().min(RIGHTS_LIMITS.minRetentionMonths).max(RIGHTS_LIMITS.maxRetentionMonths),
  })
  .strict();
export type LabSettingsRecord = z.output<typeof labSettingsRecordSchema>;

/** The record and change schemas for src-shared/sync/entities.ts. */
export const rightsSyncSchemas = {
  // Created whole, never edited: a change must carry the whole erasure.
  erasure: { record: erasureRecordSchema, change: erasureRecordSchema },
  lab_settings: { record: labSettingsRecordSchema, change: labSettingsRecordSchema.partial() },
} as const;
