/** La Transfo's training commands of the contract (see src-shared/contract.ts); lab desktops only. */
import { z } from 'zod';
import { command } from '../command.js';
import {
  attendanceRecordInputSchema,
  campaignTrainingRefSchema,
  moduleCreateInputSchema,
  moduleListSchema,
  moduleRemoveInputSchema,
  moduleUpdateInputSchema,
  sessionAttachInputSchema,
  sessionAttendanceSchema,
  sessionCreateInputSchema,
  sessionListSchema,
  sessionRefSchema,
  sessionUpdateInputSchema,
  trainingAttendanceSchema,
  trainingMatrixSchema,
  trainingModuleSchema,
  trainingSessionSchema,
} from './training.schema.js';

export const transfoTrainingCommands = {
  // Modules
  /** A cohort's modules, in their order. */
  'transfoTraining:modules': command(campaignTrainingRefSchema, moduleListSchema),
  'transfoTraining:create-module': command(moduleCreateInputSchema, trainingModuleSchema),
  /** One module per method of design thinking the cohort has none of yet, with the catalogue's French title and objectives. */
  'transfoTraining:create-method-modules': command(campaignTrainingRefSchema, moduleListSchema),
  'transfoTraining:update-module': command(moduleUpdateInputSchema, trainingModuleSchema),
  'transfoTraining:remove-module': command(moduleRemoveInputSchema, trainingModuleSchema),
  // Sessions
  /** A cohort's sessions, earliest first, with their workshop. */
  'transfoTraining:sessions': command(campaignTrainingRefSchema, sessionListSchema),
  /** A `la_transfo_training` workshop and its session, in one transaction. */
  'transfoTraining:create-session': command(sessionCreateInputSchema, trainingSessionSchema),
  /** A session for an existing `la_transfo_training` workshop. */
  'transfoTraining:attach-session': command(sessionAttachInputSchema, trainingSessionSchema),
  'transfoTraining:update-session': command(sessionUpdateInputSchema, trainingSessionSchema),
  // Attendance
  /** A session, the cohort's agents and what is recorded of each day. */
  'transfoTraining:attendance': command(sessionRefSchema, sessionAttendanceSchema),
  /** One agent's status on one day of a session; recording again updates it. */
  'transfoTraining:record-attendance': command(attendanceRecordInputSchema, trainingAttendanceSchema),
  // The matrix
  /** Agents × modules (followed, missed, not yet) and who is behind. */
  'transfoTraining:matrix': command(campaignTrainingRefSchema, trainingMatrixSchema),
} as const;

export const transfoTrainingEvents = {
  /** `id` of the campaign (the cohort) whose training changed. */
  'transfoTraining:changed': z.object({ id: z.string() }),
} as const;
