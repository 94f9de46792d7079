/**
 * What the portal accepts for the lab's publications (spread into src-shared/sync/entities.ts).
 * Both kinds travel in the lab scope (lab desktops only) and are written by lab desktops only.
 * A `lab_publication_version` is immutable: the portal takes it once and refuses any later
 * change (`immutableEntities`, src-shared/sync/immutable.ts); the City's website reads it
 * through the portal's public read (docs/publication.md).
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { blocksSchema, chosenPhotoSchema, periodKinds, publicationSnapshotSchema, publicationStatuses, PUBLICATION_LIMITS as L } from './publication.schema.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });

export const labPublicationRecordSchema = z
  .object({
    periodKind: z.enum(periodKinds),
    /** `YYYY-MM` for a month, `YYYY` for a year. */
    periodKey: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: 'validation.invalid' }),
    title: text(L.title).min(1),
    blocks: blocksSchema,
    chosenPhotos: z.array(chosenPhotoSchema).max(L.photos),
    status: z.enum(publicationStatuses),
    lastPublishedVersion: z.number().int().min(0),
    deletedAt: isoUtc.nullable(),
  })
  .strict();

export const labPublicationVersionRecordSchema = z
  .object({
    publicationId: uuidSchema,
    n: z.number().int().min(1),
    publishedAt: isoUtc,
    /** The lab member who published (the name given at unlock). */
    publishedBy: text(120).min(1),
    snapshot: publicationSnapshotSchema,
    deletedAt: isoUtc.nullable(),
  })
  .strict();

export const publicationSyncSchemas = {
  lab_publication: {
    record: labPublicationRecordSchema.refine((p) => (p.periodKind === 'month' ? p.periodKey.length === 7 : p.periodKey.length === 4), { path: ['periodKey'], message: 'validation.invalid' }),
    change: labPublicationRecordSchema.partial(),
  },
  lab_publication_version: { record: labPublicationVersionRecordSchema, change: labPublicationVersionRecordSchema.partial() },
} as const;
