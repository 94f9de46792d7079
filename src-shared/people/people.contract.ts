/** The commands of the people's rights (see src-shared/contract.ts). Every one touches personal data: a locked app refuses them all. */
import { z } from 'zod';
import { command } from '../command.js';
import {
  accessLogInputSchema,
  accessLogSchema,
  accessReportSchema,
  eraseInputSchema,
  erasureResultSchema,
  exportFileSchema,
  exportInputSchema,
  peopleSearchInputSchema,
  peopleSearchResultSchema,
  personRefInputSchema,
  retentionInputSchema,
  retentionOverviewSchema,
  setRetentionInputSchema,
} from './people.schema.js';

export const peopleCommands = {
  /** People whose name, e-mail or Citizen Card number matches (accents and case ignored). */
  'people:search': command(peopleSearchInputSchema, peopleSearchResultSchema),
  /** Everything held about one person: identity, participations, consents, proposals, retention. */
  'people:access': command(personRefInputSchema, accessReportSchema),
  /** The same, as a file to hand to the person: a PDF (French or English) or JSON. */
  'people:export': command(exportInputSchema, exportFileSchema),
  /** Wipes the person's identity here, on the portal and on every laptop. Cannot be undone. */
  'people:erase': command(eraseInputSchema, erasureResultSchema),
  /** The retention period and what the purge will remove soon (counts and dates, no names). */
  'people:retention': command(retentionInputSchema, retentionOverviewSchema),
  /** Changes the retention period for every laptop (a lab setting that travels). */
  'people:set-retention': command(setRetentionInputSchema, retentionOverviewSchema),
  /** Who opened or exported personal data, newest first. */
  'people:access-log': command(accessLogInputSchema, accessLogSchema),
} as const;

export const peopleEvents = {
  /** An erasure or the retention setting changed (`id` of the record, or '*'). */
  'people:changed': z.object({ id: z.string() }),
} as const;
