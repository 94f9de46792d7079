/** La Transfo's practical cases' commands of the contract (see src-shared/contract.ts); lab desktops only. */
import { z } from 'zod';
import { command } from '../command.js';
import {
  caseAttachmentContentSchema,
  caseAttachmentRefSchema,
  caseCreateInputSchema,
  caseJournalInputSchema,
  caseListInputSchema,
  caseListSchema,
  caseRefSchema,
  caseSchema,
  caseUpdateInputSchema,
  caseVideoInputSchema,
  caseVideoRefSchema,
} from './case.schema.js';

export const transfoCasesCommands = {
  /** A cohort's cases at a glance (state, methods, sessions, last journal day, next steps), filtered by state and direction. */
  'transfoCases:list': command(caseListInputSchema, caseListSchema),
  'transfoCases:get': command(caseRefSchema, caseSchema),
  'transfoCases:create': command(caseCreateInputSchema, caseSchema),
  /** One part or several (each a synced field): the question, the methods, the prototypes, the state… */
  'transfoCases:update': command(caseUpdateInputSchema, caseSchema),
  /** A dated journal entry, at a session (added to the case's sessions) or on a day. */
  'transfoCases:add-journal-entry': command(caseJournalInputSchema, caseSchema),
  /**
   * A prototype's short video (mp4, webm; its first bytes checked), stored as photos are: by
   * content, encrypted, sent to the portal by the sync. The only command with a 45 MB body.
   */
  'transfoCases:add-video': command(caseVideoInputSchema, caseVideoRefSchema),
  /** A prototype's photo or video stored on this desk, to show; `not_found` when its file is not here. */
  'transfoCases:attachment': command(caseAttachmentRefSchema, caseAttachmentContentSchema),
} as const;

export const transfoCasesEvents = {
  /** `id` of the changed case. */
  'transfoCases:changed': z.object({ id: z.string() }),
} as const;
