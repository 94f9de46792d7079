/**
 * Attendance at a workshop: who registered, who came (checked in, walked in, or typed from a
 * paper sheet afterwards), the anonymous head count, and the consents given at the door.
 * The inputs here are parsed by the renderer's forms and again by the core.
 */
import { z } from 'zod';
import { languages } from '../i18n/languages.js';
import { requiredText, uuid } from '../workshops/workshop.schema.js';
import { consentPurposes, isConsentVersionFor } from './consent-texts.js';
import { personIdentityInputSchema, profileInputSchema } from './participant.schema.js';

export const attendanceStatuses = ['registered', 'present', 'cancelled', 'no_show'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceSources = ['pre_registered', 'walk_in', 'paper'] as const;
export type AttendanceSource = (typeof attendanceSources)[number];

export const ATTENDANCE_LIMITS = {
  facilitatorName: 120,
  query: 120,
  searchResults: 20,
  paperRows: 200,
  headCountStep: 20,
} as const;

/** Who records: the facilitator's name, kept with every attendance and consent. */
export const recordedBySchema = requiredText(ATTENDANCE_LIMITS.facilitatorName);

/**
 * A consent as the person gave it: the purpose, yes or no, and the version of the text shown.
 * A version that is not a text of that purpose is refused: what is recorded is what was shown.
 */
export const consentInputSchema = z
  .object({
    purpose: z.enum(consentPurposes, { error: 'validation.required' }),
    granted: z.boolean({ error: 'validation.consentChoice' }),
    textVersion: z.string().max(40),
  })
  .refine((c) => isConsentVersionFor(c.textVersion, c.purpose), {
    path: ['textVersion'],
    error: 'validation.consentVersion',
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

const consentListSchema = z
  .array(consentInputSchema)
  .max(consentPurposes.length)
  .refine((list) => new Set(list.map((c) => c.purpose)).size === list.length, { error: 'validation.consentTwice' })
  .default([]);

/** What may come with an arrival: consents, and the profile (refused by the core without study consent). */
const arrivalDetails = {
  recordedBy: recordedBySchema,
  consents: consentListSchema,
  profile: profileInputSchema.nullable().optional().transform((p) => p ?? null),
};

/** Pre-registration, usually typed at a desk before the workshop. */
export const registerInputSchema = z.object({
  workshopId: uuid,
  person: personIdentityInputSchema,
  recordedBy: recordedBySchema,
  consents: consentListSchema,
});

/** A registered person arrives: two keystrokes from the search box. */
export const checkInInputSchema = z.object({ attendanceId: uuid, ...arrivalDetails });

/**
 * Someone who did not register. Without identity and without the study, the core keeps only
 * the anonymous count (+1), as the issue asks: "without consent, only the anonymous count".
 */
export const walkInInputSchema = z.object({
  workshopId: uuid,
  person: personIdentityInputSchema.nullable().optional().transform((p) => p ?? null),
  ...arrivalDetails,
});

/** +1 for someone who gives nothing; −1 to correct a mistaken click. */
export const headCountInputSchema = z.object({
  workshopId: uuid,
  delta: z
    .number()
    .int()
    .min(-ATTENDANCE_LIMITS.headCountStep)
    .max(ATTENDANCE_LIMITS.headCountStep)
    .refine((d) => d !== 0, { error: 'validation.invalid' }),
});

export const attendanceRefSchema = z.object({ attendanceId: uuid, recordedBy: recordedBySchema });

/** One line of a filled paper sheet, typed afterwards; `attendanceId` when it is a registered person. */
export const paperRowSchema = z.object({
  attendanceId: uuid.nullable().optional().transform((v) => v ?? null),
  person: personIdentityInputSchema,
  consents: consentListSchema,
  profile: profileInputSchema.nullable().optional().transform((p) => p ?? null),
});
export const paperEntryInputSchema = z.object({
  workshopId: uuid,
  recordedBy: recordedBySchema,
  rows: z.array(paperRowSchema).min(1, { error: 'validation.required' }).max(ATTENDANCE_LIMITS.paperRows),
  /** People on the sheet who left only a tally mark. */
  anonymous: z.number().int().min(0).max(1000).default(0),
});

export const workshopAttendanceRefSchema = z.object({ workshopId: uuid });

export const attendanceSearchInputSchema = z.object({
  workshopId: uuid,
  query: z.string().max(ATTENDANCE_LIMITS.query, { error: `validation.tooLong:${ATTENDANCE_LIMITS.query}` }),
  limit: z.number().int().min(1).max(ATTENDANCE_LIMITS.searchResults).default(8),
});

// ---- What the core answers ----

export const consentStateSchema = z.object({
  granted: z.boolean(),
  textVersion: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

export const attendanceViewSchema = z.object({
  id: z.string(),
  workshopId: z.string(),
  personId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(attendanceStatuses),
  source: z.enum(attendanceSources),
  checkedInAt: z.string().nullable(),
  recordedBy: z.string(),
  hasProfile: z.boolean(),
  consents: z.object({ contact: consentStateSchema.nullable(), study: consentStateSchema.nullable() }),
  version: z.number().int(),
});
export type AttendanceView = z.infer<typeof attendanceViewSchema>;

/** Who is in the room: named people present, the anonymous count, and the total. */
export const roomCountsSchema = z.object({
  registered: z.number().int(),
  present: z.number().int(),
  anonymous: z.number().int(),
  total: z.number().int(),
  cancelled: z.number().int(),
  noShow: z.number().int(),
  profiles: z.number().int(),
});
export type RoomCounts = z.infer<typeof roomCountsSchema>;

export const attendanceListSchema = z.object({ items: z.array(attendanceViewSchema), counts: roomCountsSchema });
export type AttendanceList = z.infer<typeof attendanceListSchema>;

export const searchHitSchema = z.object({
  attendanceId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(attendanceStatuses),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
export const searchResultSchema = z.object({ items: z.array(searchHitSchema) });

export const arrivalResultSchema = z.object({
  /** null when the walk-in was kept only as +1 in the anonymous count. */
  attendance: attendanceViewSchema.nullable(),
  counts: roomCountsSchema,
});
export type ArrivalResult = z.infer<typeof arrivalResultSchema>;

export const paperEntryResultSchema = z.object({ recorded: z.number().int(), counts: roomCountsSchema });

export const signInSheetInputSchema = z.object({ workshopId: uuid, locale: z.enum(languages).default('fr') });
export const signInSheetSchema = z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int() });

/** Which status changes the door allows; `registered` again is the undo. */
export const attendanceTransitions: Record<AttendanceStatus, readonly AttendanceStatus[]> = {
  registered: ['present', 'cancelled', 'no_show'],
  present: ['registered'],
  cancelled: ['registered'],
  no_show: ['registered', 'present'],
};
