/**
 * Erasure, for any kind whose codec declares personal data (`personal` in codec.ts): which
 * records hold a subject's personal data, and the wipe of an erasure that arrived from the
 * portal (another laptop erased the person). The erasure a person asks for here goes through
 * the write funnel (`UnitOfWork.wipe`); this is its counterpart for the portal's state
 * arriving: no outbox entry, as for any pulled record.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '#db/schema.js';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import type { AnyCodec, SyncedRegistry } from './codec.js';
import type { Executor } from './executor.js';
import { scrubQueuedPersonalData } from './personal-scrub.js';
import { findSyncedRow, loose } from './synced-write.js';

type Loose = Record<string, unknown>;

export interface PersonalTarget {
  codec: AnyCodec;
  id: string;
}

/** The codecs that hold personal data of this kind of subject. */
export function personalCodecs(registry: SyncedRegistry, subject: SyncEntity): AnyCodec[] {
  return Object.values(registry).filter((c) => c.personal?.subject === subject);
}

/** The column that holds the subject's id in a linked record, from the codec's `link` field. */
function linkColumn(codec: AnyCodec): string | null {
  const link = codec.personal?.link;
  if (!link) return null;
  return Object.keys(codec.columns({ [link]: '' }))[0] ?? null;
}

/**
 * Every record holding personal data of the subject, removed or not: the subject's own record
 * and the records of other kinds that name it (their `link` field).
 */
export async function personalTargets(db: Executor, registry: SyncedRegistry, subject: SyncEntity, subjectId: string): Promise<PersonalTarget[]> {
  const out: PersonalTarget[] = [];
  for (const codec of personalCodecs(registry, subject)) {
    if (codec.entity === subject) {
      if (await findSyncedRow(db, codec, subjectId)) out.push({ codec, id: subjectId });
      continue;
    }
    const column = linkColumn(codec);
    if (!column) continue;
    const rows = (await loose(db).selectFrom(codec.table).select('id').where(column, '=', subjectId).execute()) as { id: string }[];
    for (const row of rows) out.push({ codec, id: row.id });
  }
  return out;
}

/** Does this row still hold a personal value? */
export function holdsPersonalData(codec: AnyCodec, row: Loose): boolean {
  const snapshot = codec.snapshot(row) as Loose;
  return (codec.personal?.fields ?? []).some((f) => snapshot[f] !== null && snapshot[f] !== undefined);
}

/** Wipes one record's personal fields without queuing a change (the portal already holds the erasure). */
export async function wipeQuietly(trx: Transaction<Database>, codec: AnyCodec, id: string, at: string): Promise<boolean> {
  if (!codec.personal) return false;
  await scrubQueuedPersonalData(trx, codec, id);
  const row: Loose | undefined = await findSyncedRow(trx, codec, id);
  if (!row || !holdsPersonalData(codec, row)) return false;
  const nulls = codec.columns(Object.fromEntries(codec.personal.fields.map((f) => [f, null])));
  const merged = { ...row, ...nulls };
  await loose(trx)
    .updateTable(codec.table)
    .set({ ...nulls, ...codec.derive(merged as never), version: (row.version as number) + 1, updated_at: at })
    .where('id', '=', id)
    .execute();
  return true;
}

/**
 * After a pulled page is written: wipes what the erasures of the page name, and any record of
 * the page whose subject was erased before (a stale copy must never bring a name back).
 * `erasures` are the page's erasure records (subject kind and id); `pulled` every other record.
 */
export async function applyErasuresAfterPull(
  trx: Transaction<Database>,
  registry: SyncedRegistry,
  erasures: readonly { subjectEntity: SyncEntity; subjectId: string }[],
  pulled: readonly { entity: SyncEntity; id: string; fields: Loose }[],
  at: string,
): Promise<{ wiped: number }> {
  let wiped = 0;
  for (const { subjectEntity, subjectId } of erasures) {
    for (const t of await personalTargets(trx, registry, subjectEntity, subjectId)) if (await wipeQuietly(trx, t.codec, t.id, at)) wiped++;
  }
  // Records of personal kinds in the page, by the id of their subject.
  const bySubject = new Map<string, PersonalTarget[]>();
  for (const { entity, id, fields } of pulled) {
    const codec = registry[entity];
    const personal = codec.personal;
    if (!personal) continue;
    const subjectId = codec.entity === personal.subject ? id : personal.link ? (fields[personal.link] as string | null) : null;
    if (typeof subjectId !== 'string') continue;
    bySubject.set(subjectId, [...(bySubject.get(subjectId) ?? []), { codec, id }]);
  }
  const ids = [...bySubject.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const erased = await trx.selectFrom('erasures').select('id').where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const { id } of erased) for (const t of bySubject.get(id) ?? []) if (await wipeQuietly(trx, t.codec, t.id, at)) wiped++;
  }
  return { wiped };
}

/**
 * After an erasure: the WAL is copied into the database and truncated, so the pages that held
 * the wiped values (zeroed by `secure_delete`) leave the WAL file too.
 */
export async function checkpointWal(db: Kysely<Database>): Promise<void> {
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}

const CHUNK = 500;

/** The rows of these ids (removed or not), in chunks. */
export async function rowsOf(db: Executor, codec: AnyCodec, ids: readonly string[]): Promise<Loose[]> {
  const out: Loose[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(...((await loose(db).selectFrom(codec.table).selectAll().where('id', 'in', ids.slice(i, i + CHUNK)).execute()) as Loose[]));
  }
  return out;
}

export async function heldIds(db: Executor, codec: AnyCodec, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await rowsOf(db, codec, ids)).map((r) => r.id as string));
}

/** `personalTargets` for many subjects at once: each record with the subject it belongs to. */
export async function subjectRecords(
  db: Executor,
  registry: SyncedRegistry,
  subject: SyncEntity,
  subjectIds: readonly string[],
): Promise<{ codec: AnyCodec; id: string; subjectId: string }[]> {
  const out: { codec: AnyCodec; id: string; subjectId: string }[] = [];
  for (const codec of personalCodecs(registry, subject)) {
    if (codec.entity === subject) {
      for (const id of await heldIds(db, codec, subjectIds)) out.push({ codec, id, subjectId: id });
      continue;
    }
    const column = linkColumn(codec);
    if (!column) continue;
    for (let i = 0; i < subjectIds.length; i += CHUNK) {
      const rows = (await loose(db).selectFrom(codec.table).select(['id', column]).where(column, 'in', subjectIds.slice(i, i + CHUNK)).execute()) as Loose[];
      for (const row of rows) out.push({ codec, id: row.id as string, subjectId: row[column] as string });
    }
  }
  return out;
}

/** The records among `ids` whose outbox entries still carry a personal value (what a scrub would change). */
export async function queuedPersonalValues(db: Executor, codec: AnyCodec, ids: readonly string[]): Promise<Set<string>> {
  const fields = new Set(codec.personal?.fields ?? []);
  const out = new Set<string>();
  if (fields.size === 0) return out;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('outbox')
      .select(['record_id', 'state', 'payload'])
      .where('entity', '=', codec.entity)
      .where('record_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) {
      const payload = JSON.parse(row.payload) as Loose;
      if (Object.keys(payload).some((k) => fields.has(k) && (row.state === 'rejected' || payload[k] !== null))) out.add(row.record_id);
    }
  }
  return out;
}
