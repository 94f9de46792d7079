/**
 * How attendance records travel to the portal (registered in src-shared/sync/entities.ts):
 * the synced fields of each kind, with the same limits as the forms. Identity (`person`) and
 * the anonymous `profile` are separate kinds with separate scopes; a profile carries no
 * person id.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { consentPurposes, consentTextVersions } from './consent-texts.js';
import { ATTENDANCE_LIMITS, attendanceSources, attendanceStatuses } from './attendance.schema.js';
import { PARTICIPANT_LIMITS, ageBrackets, occupationCategories, residences, yesNoUnknown } from './participant.schema.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });
const deletedAt = isoUtc.nullable();

export const personRecordSchema = z
  .object({
    name: text(PARTICIPANT_LIMITS.name).nullable(),
    email: text(PARTICIPANT_LIMITS.email).nullable(),
    phone: text(PARTICIPANT_LIMITS.phone).nullable(),
    citizenCardNumber: text(PARTICIPANT_LIMITS.citizenCard).nullable(),
    deletedAt,
  })
  .strict();

export const profileRecordSchema = z
  .object({
    workshopId: uuidSchema,
    ageBracket: z.enum(ageBrackets),
    residence: z.enum(residences),
    residenceArrondissement: z.number().int().min(1).max(20).nullable(),
    residenceCommune: text(PARTICIPANT_LIMITS.commune).nullable(),
    livesInQpv: z.enum(yesNoUnknown),
    gender: text(PARTICIPANT_LIMITS.gender).nullable(),
    occupationCategory: z.enum(occupationCategories),
    firstParticipation: z.enum(yesNoUnknown),
    neighbourhoodCouncilMember: z.enum(yesNoUnknown),
    associationMember: z.enum(yesNoUnknown),
    associationName: text(PARTICIPANT_LIMITS.associationName).nullable(),
    deletedAt,
  })
  .strict();

export const attendanceRecordSchema = z
  .object({
    workshopId: uuidSchema,
    personId: uuidSchema.nullable(),
    profileId: uuidSchema.nullable(),
    status: z.enum(attendanceStatuses),
    source: z.enum(attendanceSources),
    checkedInAt: isoUtc.nullable(),
    recordedBy: text(ATTENDANCE_LIMITS.facilitatorName).min(1),
    deletedAt,
  })
  .strict();

export const consentRecordSchema = z
  .object({
    attendanceId: uuidSchema,
    purpose: z.enum(consentPurposes),
    granted: z.boolean(),
    textVersion: z.enum(consentTextVersions as [string, ...string[]]),
    recordedAt: isoUtc,
    recordedBy: text(ATTENDANCE_LIMITS.facilitatorName).min(1),
    deletedAt,
  })
  .strict();

export const headCountRecordSchema = z
  .object({
    workshopId: uuidSchema,
    delta: z.number().int().min(-ATTENDANCE_LIMITS.headCountStep).max(ATTENDANCE_LIMITS.headCountStep),
    recordedAt: isoUtc,
    deletedAt,
  })
  .strict();

/** The record and change schemas for src-shared/sync/entities.ts. */
export const attendanceSyncSchemas = {
  person: { record: personRecordSchema, change: personRecordSchema.partial() },
  profile: { record: profileRecordSchema, change: profileRecordSchema.partial() },
  attendance: { record: attendanceRecordSchema, change: attendanceRecordSchema.partial() },
  consent: { record: consentRecordSchema, change: consentRecordSchema.partial() },
  head_count: { record: headCountRecordSchema, change: headCountRecordSchema.partial() },
} as const;

export type PersonRecord = z.output<typeof personRecordSchema>;
export type ProfileRecord = z.output<typeof profileRecordSchema>;
export type AttendanceRecord = z.output<typeof attendanceRecordSchema>;
export type ConsentRecord = z.output<typeof consentRecordSchema>;
export type HeadCountRecord = z.output<typeof headCountRecordSchema>;
