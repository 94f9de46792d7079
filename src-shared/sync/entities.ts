/**
 * What the portal accepts for each synced entity: the record's fields as they travel (UTC
 * times, whole arrays), with the same limits as the forms. A change's `fields` must pass the
 * partial schema; the record after merging must pass the whole one.
 */
import { z } from 'zod';
import { LIMITS, partnerSchema, workshopKinds, workshopStatuses } from '../workshops/workshop.schema.js';
import type { SyncEntity } from './protocol.schema.js';
import { attendanceSyncSchemas } from '../attendance/attendance-records.schema.js';
import { proposalSyncSchemas } from '../proposals/proposal-sync.schema.js';
import { rightsSyncSchemas } from '../people/rights-records.schema.js';
import { charterSyncSchemas } from '../charter/charter-sync.schema.js';
import { citizenCardSyncSchemas } from '../citizen-card/citizen-card-sync.schema.js';
import { transfoSyncSchemas } from '../transfo/transfo-sync.schema.js';
import { transfoCaseSyncSchemas } from '../transfo/case-sync.schema.js';
import { trainingSyncSchemas } from '../transfo/training-sync.schema.js';
import { publicationSyncSchemas } from '../publication/publication-sync.schema.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });

export const workshopRecordFieldsSchema = z
  .object({
    kind: z.enum(workshopKinds),
    title: text(LIMITS.title).min(1, { error: 'validation.required' }),
    description: text(LIMITS.description),
    startsAt: isoUtc,
    endsAt: isoUtc,
    venueName: text(LIMITS.venueName).min(1, { error: 'validation.required' }),
    venueAddress: text(LIMITS.venueAddress),
    arrondissement: z.number().int().min(1).max(20),
    inQpv: z.boolean(),
    capacity: z.number().int().min(1).max(LIMITS.capacity).nullable(),
    partners: z.array(partnerSchema).max(LIMITS.partners),
    facilitators: z.array(text(LIMITS.personName).min(1)).max(LIMITS.facilitators),
    status: z.enum(workshopStatuses),
    minutes: text(LIMITS.minutes).nullable(),
    cancelReason: text(LIMITS.cancelReason).nullable(),
    closedAt: isoUtc.nullable(),
    cancelledAt: isoUtc.nullable(),
    deletedAt: isoUtc.nullable(),
  })
  .strict();

export const syncEntitySchemas = {
  workshop: {
    /** The whole record after merging. */
    record: workshopRecordFieldsSchema.refine((w) => w.endsAt > w.startsAt, {
      path: ['endsAt'],
      message: 'validation.endBeforeStart',
    }),
    /** The fields one change may set. */
    change: workshopRecordFieldsSchema.partial(),
  },
  ...attendanceSyncSchemas,
  ...proposalSyncSchemas,
  ...rightsSyncSchemas,
  ...charterSyncSchemas,
  ...citizenCardSyncSchemas,
  ...transfoSyncSchemas,
  ...transfoCaseSyncSchemas,
  ...trainingSyncSchemas,
  ...publicationSyncSchemas,
} as const satisfies Record<SyncEntity, { record: z.ZodType; change: z.ZodType }>;
