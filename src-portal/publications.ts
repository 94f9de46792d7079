/**
 * The Lab's published versions as the City's website reads them (docs/publication.md): read
 * only, without a device token. Only `lab_publication_version` records are served — each is
 * immutable once on the portal (push.ts) — never a draft.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import { labPublicationVersionRecordSchema } from '#shared/publication/publication-sync.schema.js';
import { PortalError } from './errors.js';

const ENTITY = 'lab_publication_version';

export interface PublishedEntry {
  publicationId: string;
  n: number;
  publishedAt: string;
  period: { kind: 'month' | 'year'; key: string };
  title: string;
}

async function publishedVersions(db: Kysely<PortalDatabase>) {
  const rows = await db.selectFrom('records').select(['record_id', 'fields']).where('entity', '=', ENTITY).execute();
  return rows
    .map((r) => labPublicationVersionRecordSchema.safeParse(JSON.parse(r.fields)))
    .flatMap((p) => (p.success && p.data.deletedAt === null ? [p.data] : []));
}

/** Every published version, newest period first, then newest version. */
export async function listPublished(db: Kysely<PortalDatabase>): Promise<PublishedEntry[]> {
  return (await publishedVersions(db))
    .map((v) => ({ publicationId: v.publicationId, n: v.n, publishedAt: v.publishedAt, period: v.snapshot.period, title: v.snapshot.title }))
    .sort((a, b) => b.period.key.localeCompare(a.period.key) || a.period.kind.localeCompare(b.period.kind) || b.n - a.n);
}

/** One version's snapshot; `not_found` (404) when there is none. */
export async function findPublished(db: Kysely<PortalDatabase>, publicationId: string, n: number) {
  const found = (await publishedVersions(db)).find((v) => v.publicationId === publicationId && v.n === n);
  if (!found) throw new PortalError(404, 'not_found', `No published version ${n} of publication ${publicationId}.`);
  return { publicationId: found.publicationId, n: found.n, publishedAt: found.publishedAt, snapshot: found.snapshot };
}
