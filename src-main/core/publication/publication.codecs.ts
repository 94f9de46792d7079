/**
 * How the publication's tables hold their shared records (src-shared/publication/publication-sync.schema.ts).
 * Nothing personal: the lab's words and figures (counts by code), the photos' references. A
 * version's `publishedBy` is a lab member's name, as a purge's `purgedBy` is.
 */
import type { z } from 'zod';
import type { Blocks, ChosenPhoto, PeriodKind, PublicationSnapshot, PublicationStatus } from '#shared/publication/publication.schema.js';
import type { labPublicationRecordSchema, labPublicationVersionRecordSchema } from '#shared/publication/publication-sync.schema.js';
import { column, defineCodec, int, json, nullable, text, type Stored } from '../store/codec.js';

type Full<S extends z.ZodType> = Stored<z.output<S>, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type PublicationRecord = Full<typeof labPublicationRecordSchema>;
export type PublicationVersionRecord = Full<typeof labPublicationVersionRecordSchema>;

const deletedAt = column('deleted_at', nullable(text()));
const allLocal = ['id', 'version', 'createdAt', 'updatedAt'] as const;

export const labPublicationCodec = defineCodec<PublicationRecord, 'lab_publications'>()({
  entity: 'lab_publication',
  table: 'lab_publications',
  changedEvent: 'publication:changed',
  fields: {
    periodKind: column('period_kind', text<PeriodKind>()),
    periodKey: column('period_key', text()),
    title: column('title', text()),
    blocks: column('blocks', json<Blocks>()),
    chosenPhotos: column('chosen_photos', json<ChosenPhoto[]>()),
    status: column('status', text<PublicationStatus>()),
    lastPublishedVersion: column('last_published_version', int),
    deletedAt,
  },
  local: allLocal,
  label: (p) => ({ key: 'syncCenter.records.lab_publication', values: { title: p.title } }),
});

export const labPublicationVersionCodec = defineCodec<PublicationVersionRecord, 'lab_publication_versions'>()({
  entity: 'lab_publication_version',
  table: 'lab_publication_versions',
  changedEvent: 'publication:changed',
  eventId: (v) => v.publicationId,
  fields: {
    publicationId: column('publication_id', text()),
    n: column('n', int),
    publishedAt: column('published_at', text()),
    publishedBy: column('published_by', text()),
    snapshot: column('snapshot', json<PublicationSnapshot>()),
    deletedAt,
  },
  local: allLocal,
  label: (v) => ({ key: 'syncCenter.records.lab_publication_version', values: { n: String(v.n), id: v.publicationId.slice(0, 8) } }),
});
