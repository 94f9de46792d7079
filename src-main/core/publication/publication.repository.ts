/**
 * The publication's reads: its own tables, and the month's sources read through the domains
 * that hold them (workshops, the study's counts of people present, proposals). Nothing here
 * reads a name: the figures are counts by code.
 */
import type { ProposalStatus } from '#shared/proposals/proposal.schema.js';
import type { MonthSources, SourceProposal, SourceWorkshop } from '#shared/publication/month-snapshot.js';
import type { Executor } from '../store/executor.js';
import { countParticipants, listProposalFeatures } from '../study/study.repository.js';
import { labPublicationCodec, labPublicationVersionCodec, type PublicationRecord, type PublicationVersionRecord } from './publication.codecs.js';

export async function listPublications(db: Executor): Promise<PublicationRecord[]> {
  const rows = await db.selectFrom('lab_publications').selectAll().where('deleted_at', 'is', null).orderBy('period_key', 'desc').orderBy('period_kind').execute();
  return rows.map((r) => labPublicationCodec.toRecord(r));
}

export async function findPublication(db: Executor, id: string): Promise<PublicationRecord | null> {
  const row = await db.selectFrom('lab_publications').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? labPublicationCodec.toRecord(row) : null;
}

export async function findPublicationForPeriod(db: Executor, kind: string, key: string): Promise<PublicationRecord | null> {
  const row = await db.selectFrom('lab_publications').selectAll().where('period_kind', '=', kind as 'month').where('period_key', '=', key).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? labPublicationCodec.toRecord(row) : null;
}

/** A publication's versions, newest first. */
export async function listVersions(db: Executor, publicationId: string): Promise<PublicationVersionRecord[]> {
  const rows = await db.selectFrom('lab_publication_versions').selectAll().where('publication_id', '=', publicationId).where('deleted_at', 'is', null).orderBy('n', 'desc').execute();
  return rows.map((r) => labPublicationVersionCodec.toRecord(r));
}

/** The last published version of each month of a year, by month. */
export async function lastPublishedMonths(db: Executor, year: string): Promise<Map<string, PublicationVersionRecord>> {
  const pubs = await db
    .selectFrom('lab_publications')
    .select(['id', 'period_key'])
    .where('period_kind', '=', 'month')
    .where('period_key', 'like', `${year}-%`)
    .where('deleted_at', 'is', null)
    .where('last_published_version', '>', 0)
    .execute();
  const byMonth = new Map<string, PublicationVersionRecord>();
  for (const p of pubs) {
    const last = (await listVersions(db, p.id))[0];
    if (last) byMonth.set(p.period_key, last);
  }
  return byMonth;
}

/** The month's workshops (live), the people present at each (the study's count, raw), its proposals. */
export async function readMonthSources(db: Executor, fromIso: string, toIso: string): Promise<Omit<MonthSources, 'cases'>> {
  const rows = await db
    .selectFrom('workshops')
    .select(['id', 'kind', 'title', 'starts_at', 'arrondissement', 'status'])
    .where('deleted_at', 'is', null)
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<', toIso)
    .execute();
  const workshops: SourceWorkshop[] = rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, startsAt: r.starts_at, arrondissement: r.arrondissement, status: r.status }));
  const participants = [];
  for (const w of workshops) participants.push({ workshopId: w.id, count: await countParticipants(db, { workshopId: w.id }) });
  const features = await listProposalFeatures(db, { startsFrom: fromIso, startsBefore: toIso });
  const proposals: SourceProposal[] = features.map((f) => ({
    id: f.id,
    workshopId: f.workshop_id,
    arrondissement: f.location_type === 'paris' ? null : f.arrondissement,
    status: f.status as ProposalStatus,
  }));
  return { workshops, participants, proposals };
}

/** The photos of the month's proposals and of `alsoShas` (the cases' prototypes) held here, which the lab may choose from. */
export async function monthPhotos(db: Executor, workshopIds: readonly string[], alsoShas: readonly string[] = []): Promise<{ sha256: string; mediaType: string }[]> {
  const rows = workshopIds.length === 0 ? [] : await db.selectFrom('proposals').select('photos').where('deleted_at', 'is', null).where('workshop_id', 'in', [...workshopIds]).execute();
  const shas = [...new Set([...rows.flatMap((r) => JSON.parse(r.photos) as string[]), ...alsoShas])];
  if (shas.length === 0) return [];
  const found = await db.selectFrom('attachments').select(['sha256', 'media_type']).where('sha256', 'in', shas).execute();
  return found.map((a) => ({ sha256: a.sha256, mediaType: a.media_type }));
}

export async function attachmentMediaType(db: Executor, sha256: string): Promise<string | null> {
  const row = await db.selectFrom('attachments').select('media_type').where('sha256', '=', sha256).executeTakeFirst();
  return row?.media_type ?? null;
}
