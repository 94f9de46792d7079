/**
 * The inputs and answers of La Transfo's training commands (training.contract.ts): the modules
 * of a cohort, its sessions (a `la_transfo_training` workshop and its days), the attendance of
 * the agents day by day, and the matrix « who has followed which module ». Updates name the
 * version they were read at: a record changed elsewhere since is a `conflict`.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { PARIS_LOCAL_PATTERN, parisLocalToUtc } from '../time/paris-time.js';
import { candidateStages } from './candidate.schema.js';
import { designMethodSchema } from './methods.js';
import {
  attendanceStatuses,
  sessionDaySchema,
  TRAINING_LIMITS as L,
  transfoAttendanceRecordSchema,
  transfoModuleRecordSchema,
  transfoSessionRecordSchema,
} from './training-sync.schema.js';

const uuid = uuidSchema;
const version = z.number().int().min(1);
const requiredText = (max: number) =>
  z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(max, { error: `validation.tooLong:${max}` });
const optionalText = (max: number) => z.string({ error: 'validation.invalid' }).trim().max(max, { error: `validation.tooLong:${max}` });
const stored = { id: uuid, version: z.number().int(), createdAt: z.string(), updatedAt: z.string() };

export const campaignTrainingRefSchema = z.object({ campaignId: uuid });

// ---------------------------------------------------------------- modules

export const moduleFieldsSchema = z.object({
  method: designMethodSchema,
  title: requiredText(L.title),
  objectives: optionalText(L.objectives),
  order: z.number({ error: 'validation.required' }).int().min(0, { error: 'validation.min:0' }).max(L.order, { error: `validation.max:${L.order}` }),
});
export type ModuleFields = z.infer<typeof moduleFieldsSchema>;

export const trainingModuleSchema = transfoModuleRecordSchema.extend(stored);
export type TrainingModule = z.infer<typeof trainingModuleSchema>;
export const moduleListSchema = z.object({ items: z.array(trainingModuleSchema) });
export const moduleCreateInputSchema = z.object({ campaignId: uuid, fields: moduleFieldsSchema });
export const moduleUpdateInputSchema = z.object({ id: uuid, version, fields: moduleFieldsSchema });
export const moduleRemoveInputSchema = z.object({ id: uuid, version });

// ---------------------------------------------------------------- sessions

const parisDateTime = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .regex(PARIS_LOCAL_PATTERN, { error: 'validation.dateTime' })
  .refine((v) => parisLocalToUtc(v) !== null, { error: 'validation.dateTime' });

/** The workshop a new session is: kind `la_transfo_training`, the rest from the form. */
export const trainingWorkshopFieldsSchema = z
  .object({
    title: requiredText(200),
    startsAt: parisDateTime,
    endsAt: parisDateTime,
    venueName: requiredText(200),
    venueAddress: optionalText(300),
    arrondissement: z
      .number({ error: 'validation.arrondissement' })
      .int({ error: 'validation.arrondissement' })
      .min(1, { error: 'validation.arrondissement' })
      .max(20, { error: 'validation.arrondissement' }),
  })
  .refine((w) => !parisLocalToUtc(w.startsAt) || !parisLocalToUtc(w.endsAt) || w.endsAt > w.startsAt, {
    path: ['endsAt'],
    message: 'validation.endBeforeStart',
  });
export type TrainingWorkshopFields = z.infer<typeof trainingWorkshopFieldsSchema>;

const nameList = z
  .array(requiredText(L.personName))
  .max(L.names, { error: `validation.tooMany:${L.names}` });

/** The session's own fields: its days (1 to 3, each with the modules it covered), who ran it. */
export const sessionFieldsSchema = z
  .object({
    days: z
      .array(sessionDaySchema)
      .min(1, { error: 'validation.required' })
      .max(L.days, { error: `validation.tooMany:${L.days}` }),
    facilitators: nameList,
    residentDesigners: nameList,
  })
  .refine((s) => new Set(s.days.map((d) => d.date)).size === s.days.length, { path: ['days'], message: 'validation.sessionDayTwice' });
export type SessionFields = z.infer<typeof sessionFieldsSchema>;

export const sessionCreateInputSchema = z.object({ campaignId: uuid, workshop: trainingWorkshopFieldsSchema, session: sessionFieldsSchema });
export const sessionAttachInputSchema = z.object({ campaignId: uuid, workshopId: uuid, session: sessionFieldsSchema });
export const sessionUpdateInputSchema = z.object({ id: uuid, version, session: sessionFieldsSchema });
export const sessionRefSchema = z.object({ id: uuid });

export const trainingSessionSchema = transfoSessionRecordSchema.extend({
  ...stored,
  workshop: z.object({
    id: uuid,
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venueName: z.string(),
    arrondissement: z.number().int(),
  }),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;
export const sessionListSchema = z.object({ items: z.array(trainingSessionSchema) });

// ---------------------------------------------------------------- attendance

/** The agents of a cohort: its candidates at stage ambassador or relais. */
export const agentStages = ['ambassador', 'relais'] as const;

export const trainingAgentSchema = z.object({
  candidateId: uuid,
  /** Null once the person is erased. */
  fullName: z.string().nullable(),
  stage: z.enum(candidateStages),
});
export type TrainingAgent = z.infer<typeof trainingAgentSchema>;

export const trainingAttendanceSchema = transfoAttendanceRecordSchema.extend(stored);
export type TrainingAttendance = z.infer<typeof trainingAttendanceSchema>;

export const sessionAttendanceSchema = z.object({
  session: trainingSessionSchema,
  agents: z.array(trainingAgentSchema),
  attendance: z.array(trainingAttendanceSchema),
});
export type SessionAttendance = z.infer<typeof sessionAttendanceSchema>;

export const attendanceRecordInputSchema = z.object({
  sessionId: uuid,
  day: z.number().int().min(0).max(L.days - 1, { error: 'validation.sessionDay' }),
  candidateId: uuid,
  status: z.enum(attendanceStatuses, { error: 'validation.required' }),
});

// ---------------------------------------------------------------- the matrix

export const moduleStates = ['followed', 'missed', 'not_yet'] as const;
export type ModuleState = (typeof moduleStates)[number];

export const matrixRowSchema = z.object({
  agent: trainingAgentSchema,
  /** One state per module, in the modules' order. */
  states: z.array(z.enum(moduleStates)),
  followed: z.number().int(),
  missed: z.number().int(),
  /** Days present over days recorded (present, absent or excused); null when none is recorded. */
  rate: z.number().nullable(),
});
export type MatrixRow = z.infer<typeof matrixRowSchema>;

export const trainingMatrixSchema = z.object({
  modules: z.array(trainingModuleSchema),
  rows: z.array(matrixRowSchema),
  /** The agents who missed at least one module already taught, most behind first. */
  behind: z.array(matrixRowSchema),
});
export type TrainingMatrix = z.infer<typeof trainingMatrixSchema>;

