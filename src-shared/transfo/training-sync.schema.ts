/**
 * What the portal accepts for La Transfo's training (spread into src-shared/sync/entities.ts):
 * the modules of a cohort (one method of design thinking each), the sessions (a
 * `la_transfo_training` workshop's days and the modules each covered) and the attendance of the
 * agents, day by day. All three travel in the personal scope (lab desktops only), as the
 * recruiting does. An attendance names its agent's person (`personId`): its `status` is the
 * person's data, wiped with them. The facilitators and resident designers named on a session are
 * City staff and contractors acting professionally: not declared personal (docs/transfo-training.md).
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { designMethodSchema } from './methods.js';

export const TRAINING_LIMITS = {
  title: 200,
  objectives: 2000,
  order: 99,
  /** A session lasts 1 to 3 days (the monthly sessions of 2 to 3 days, or one). */
  days: 3,
  modulesPerDay: 12,
  personName: 120,
  names: 10,
} as const;
const L = TRAINING_LIMITS;

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export type TrainingAttendanceStatus = (typeof attendanceStatuses)[number];

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const isoDate = z.iso.date({ error: 'validation.date' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });
const deletedAt = isoUtc.nullable();

export const sessionDaySchema = z
  .object({
    date: isoDate,
    moduleIds: z.array(uuidSchema).max(L.modulesPerDay, { error: `validation.tooMany:${L.modulesPerDay}` }),
  })
  .strict();
export type SessionDay = z.infer<typeof sessionDaySchema>;

const names = z.array(text(L.personName).min(1)).max(L.names, { error: `validation.tooMany:${L.names}` });

export const transfoModuleRecordSchema = z
  .object({
    /** The cohort: a recruiting campaign. */
    campaignId: uuidSchema,
    method: designMethodSchema,
    title: text(L.title).min(1),
    objectives: text(L.objectives),
    order: z.number().int().min(0).max(L.order),
    deletedAt,
  })
  .strict();

export const transfoSessionRecordSchema = z
  .object({
    /** The `la_transfo_training` workshop: title, times, venue, arrondissement. */
    workshopId: uuidSchema,
    campaignId: uuidSchema,
    days: z.array(sessionDaySchema).min(1).max(L.days),
    facilitators: names,
    residentDesigners: names,
    deletedAt,
  })
  .strict();

export const transfoAttendanceRecordSchema = z
  .object({
    sessionId: uuidSchema,
    campaignId: uuidSchema,
    /** 0, 1 or 2: the session's day. */
    day: z.number().int().min(0).max(L.days - 1),
    candidateId: uuidSchema,
    /** The agent's `people` row: whose data the status is. */
    personId: uuidSchema,
    /** Null once the person is erased. */
    status: z.enum(attendanceStatuses).nullable(),
    deletedAt,
  })
  .strict();

export const trainingSyncSchemas = {
  transfo_module: { record: transfoModuleRecordSchema, change: transfoModuleRecordSchema.partial() },
  transfo_session: { record: transfoSessionRecordSchema, change: transfoSessionRecordSchema.partial() },
  transfo_attendance: { record: transfoAttendanceRecordSchema, change: transfoAttendanceRecordSchema.partial() },
} as const;
