/**
 * The rights of the people recorded, as the renderer and the core exchange them: finding a
 * person, everything held about them (access), erasing them, the retention purge and the log
 * of who opened personal data. Messages are i18n keys (`validation.*`).
 */
import { z } from 'zod';
import { consentPurposes } from '../attendance/consent-texts.js';
import { attendanceSources, attendanceStatuses } from '../attendance/attendance.schema.js';
import { uuidSchema } from '../ids.js';
import { syncEntities } from '../sync/protocol.schema.js';
import { requiredText } from '../workshops/workshop.schema.js';
import { erasureReasons, RIGHTS_LIMITS } from './rights-records.schema.js';

/** Who is acting: a facilitator's or lab member's name, never an e-mail (kept in the access log). */
export const actorSchema = requiredText(RIGHTS_LIMITS.actor);

export const PEOPLE_LIMITS = { query: 120, searchResults: 50, accessLogPage: 200, retentionHorizonDays: 90 } as const;

export const peopleSearchInputSchema = z.object({
  /** A few letters of a name or an e-mail, or a Citizen Card number. */
  query: requiredText(PEOPLE_LIMITS.query),
  actor: actorSchema,
});

export const personSummarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  citizenCardNumber: z.string().nullable(),
  /** Removed by mistake (a tombstone): still held until erased or purged. */
  removed: z.boolean(),
  /** The end of their last workshop, if any. */
  lastWorkshopAt: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const peopleSearchResultSchema = z.object({
  items: z.array(personSummarySchema),
  /** More people match than are shown: type more letters. */
  truncated: z.boolean(),
});

export const personRefInputSchema = z.object({ personId: uuidSchema, actor: actorSchema });

const consentEntrySchema = z.object({
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  textVersion: z.string(),
  /** The words the person was asked, in French and English (empty when the version is unknown). */
  question: z.object({ fr: z.string(), en: z.string() }),
  recordedAt: z.string(),
  recordedBy: z.string(),
  removedAt: z.string().nullable(),
});

export const accessReportSchema = z.object({
  subject: z.object({ entity: z.enum(syncEntities), id: z.string() }),
  generatedAt: z.string(),
  /** Every record declared personal for this person (the identity, and any record naming it). */
  identities: z.array(
    z.object({
      entity: z.enum(syncEntities),
      id: z.string(),
      fields: z.record(z.string(), z.string().nullable()),
      createdAt: z.string(),
      removedAt: z.string().nullable(),
    }),
  ),
  erasure: z.object({ erasedAt: z.string(), reason: z.enum(erasureReasons), erasedBy: z.string().nullable() }).nullable(),
  participations: z.array(
    z.object({
      attendanceId: z.string(),
      workshop: z.object({ id: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string(), venueName: z.string() }).nullable(),
      status: z.enum(attendanceStatuses),
      source: z.enum(attendanceSources),
      checkedInAt: z.string().nullable(),
      recordedBy: z.string(),
      removedAt: z.string().nullable(),
      consents: z.array(consentEntrySchema),
      /** The anonymous study answers linked to this participation (kept after an erasure). */
      profile: z.record(z.string(), z.union([z.string(), z.number()]).nullable()).nullable(),
    }),
  ),
  proposals: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), workshopTitle: z.string().nullable(), capturedAt: z.string() })),
  /** The Paris day the identity will be purged (`YYYY-MM-DD`), or null once erased. */
  purgeOn: z.string().nullable(),
  retentionMonths: z.number().int(),
});
export type AccessReport = z.infer<typeof accessReportSchema>;

export const exportFormats = ['pdf', 'json'] as const;
export const exportInputSchema = personRefInputSchema.extend({
  format: z.enum(exportFormats),
  language: z.enum(['fr', 'en']).default('fr'),
});
export const exportFileSchema = z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() });

/** `confirm: true`: the screen asked, because an erasure cannot be undone. */
export const eraseInputSchema = personRefInputSchema.extend({ confirm: z.literal(true, { error: 'validation.confirmErase' }) });
export const erasureResultSchema = z.object({
  personId: z.string(),
  erasedAt: z.string(),
  /** Records wiped (the identity and any record naming it). */
  records: z.number().int(),
});

export const retentionOverviewSchema = z.object({
  months: z.number().int(),
  defaultMonths: z.number().int(),
  /** Identities whose time is up and that the next purge removes. */
  dueNow: z.number().int(),
  horizonDays: z.number().int(),
  /** What will be purged in the next `horizonDays`, by day and by workshop; counts, never names. */
  upcoming: z.array(
    z.object({
      purgeOn: z.string(),
      workshopId: z.string().nullable(),
      workshopTitle: z.string().nullable(),
      workshopEndedAt: z.string().nullable(),
      count: z.number().int(),
    }),
  ),
  lastPurge: z.object({ at: z.string(), erased: z.number().int() }).nullable(),
});
export type RetentionOverview = z.infer<typeof retentionOverviewSchema>;

export const retentionInputSchema = z.object({ actor: actorSchema });
export const setRetentionInputSchema = z.object({
  months: z
    .number({ error: 'validation.retentionMonths' })
    .int({ error: 'validation.retentionMonths' })
    .min(RIGHTS_LIMITS.minRetentionMonths, { error: 'validation.retentionMonths' })
    .max(RIGHTS_LIMITS.maxRetentionMonths, { error: 'validation.retentionMonths' }),
  actor: actorSchema,
});

export const accessLogInputSchema = z.object({
  limit: z.number().int().min(1).max(PEOPLE_LIMITS.accessLogPage).default(100),
  /** The page after this entry id (newest first). */
  olderThan: z.number().int().min(1).optional(),
});
export const accessLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  command: z.string(),
  recordKind: z.string().nullable(),
  recordId: z.string().nullable(),
});
export const accessLogSchema = z.object({ entries: z.array(accessLogEntrySchema), hasMore: z.boolean() });
