/**
 * The reads of the people's rights: finding a person, their last workshop (the start of the
 * retention period), the lab's retention setting, erasures, the purge's last run. Identity is
 * read through the codecs that declare personal data (`personal` in store/codec.ts), so a new
 * identity kind is found and purged once its codec declares it.
 */
import { sql } from 'kysely';
import type { PersonSummary } from '#shared/people/people.schema.js';
import { DEFAULT_RETENTION_MONTHS, LAB_SETTINGS_ID } from '#shared/people/rights-records.schema.js';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import { normalizeForSearch } from '#shared/text.js';
import type { AnyCodec } from '../store/codec.js';
import type { Executor } from '../store/executor.js';
import { holdsPersonalData, personalCodecs } from '../store/erasure-writes.js';
import { loose } from '../store/synced-write.js';
import { syncedTables } from '../synced-tables.js';

type Loose = Record<string, unknown>;

/** The subject kind every right works on today. */
export const PERSON: SyncEntity = 'person';

/** The codec of the subject's own records (`people`). */
export function subjectCodec(subject: SyncEntity = PERSON): AnyCodec {
  const codec = personalCodecs(syncedTables, subject).find((c) => c.entity === subject);
  if (!codec) throw new Error(`no codec declares personal data of ${subject} records themselves`);
  return codec;
}

/** Rows of the subject kind still holding a personal value, erased or not (filtered by the caller). */
async function subjectRowsWithData(db: Executor, codec: AnyCodec): Promise<Loose[]> {
  const columns = Object.keys(codec.columns(Object.fromEntries((codec.personal?.fields ?? []).map((f) => [f, null]))));
  if (columns.length === 0) return [];
  const rows = (await loose(db)
    .selectFrom(codec.table)
    .selectAll()
    .where((eb) => eb.or(columns.map((c) => eb(c, 'is not', null))))
    .execute()) as Loose[];
  return rows.filter((r) => holdsPersonalData(codec, r));
}

const compact = (s: string) => s.replace(/[\s.-]/g, '').toUpperCase();

/**
 * People whose personal fields match: every word of the query in a field (accents and case
 * ignored), or a card or phone number written with or without spaces.
 */
export async function searchPeople(db: Executor, query: string, limit: number) {
  const codec = subjectCodec();
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  const number = compact(query);
  const matches: PersonSummary[] = [];
  for (const row of await subjectRowsWithData(db, codec)) {
    const record = codec.snapshot(row) as Record<string, string | null>;
    const values = (codec.personal?.fields ?? []).map((f) => record[f]).filter((v): v is string => typeof v === 'string');
    const text = normalizeForSearch(values.join(' '));
    const byWords = words.length > 0 && words.every((w) => text.includes(w));
    const byNumber = number.length >= 4 && values.some((v) => compact(v).includes(number));
    if (!byWords && !byNumber) continue;
    matches.push({
      id: row.id as string,
      name: record.name ?? null,
      email: record.email ?? null,
      phone: record.phone ?? null,
      citizenCardNumber: record.citizenCardNumber ?? null,
      removed: row.deleted_at !== null,
      lastWorkshopAt: null,
    });
  }
  const last = await lastWorkshopEnds(db, matches.map((m) => m.id));
  const items = matches
    .map((m) => ({ ...m, lastWorkshopAt: last.get(m.id)?.endsAt ?? null }))
    .sort((a, b) => (a.name ?? a.email ?? '').localeCompare(b.name ?? b.email ?? '', 'fr'));
  return { items: items.slice(0, limit), truncated: items.length > limit };
}

export interface LastWorkshop {
  endsAt: string;
  workshopId: string;
  title: string;
}

/**
 * The end of each person's last workshop (their attendances, removed ones included: a removed
 * attendance still started the clock). SQLite takes the bare columns from the row of max().
 */
export async function lastWorkshopEnds(db: Executor, personIds: readonly string[]): Promise<Map<string, LastWorkshop>> {
  const out = new Map<string, LastWorkshop>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('attendances as a')
      .innerJoin('workshops as w', 'w.id', 'a.workshop_id')
      .select(['a.person_id', sql<string>`max(w.ends_at)`.as('ends_at'), 'w.id as workshop_id', 'w.title'])
      .where('a.person_id', 'in', personIds.slice(i, i + 500))
      .groupBy('a.person_id')
      .execute();
    for (const r of rows) if (r.person_id) out.set(r.person_id, { endsAt: r.ends_at, workshopId: r.workshop_id, title: r.title });
  }
  return out;
}

export interface RetentionCandidate {
  id: string;
  /** The Paris day the clock started from: the end of the last workshop, else the record's creation. */
  lastActivity: string;
  workshop: LastWorkshop | null;
}

/** Every identity still holding personal data and not erased, with when its retention started. */
export async function retentionCandidates(db: Executor): Promise<RetentionCandidate[]> {
  const codec = subjectCodec();
  const rows = await subjectRowsWithData(db, codec);
  const ids = rows.map((r) => r.id as string);
  const erased = await erasedIds(db, ids);
  const last = await lastWorkshopEnds(db, ids);
  return rows
    .filter((r) => !erased.has(r.id as string))
    .map((r) => {
      const workshop = last.get(r.id as string) ?? null;
      return { id: r.id as string, lastActivity: workshop?.endsAt ?? (r.created_at as string), workshop };
    });
}

export async function erasedIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const { id } of await db.selectFrom('erasures').select('id').where('id', 'in', ids.slice(i, i + 500)).execute()) out.add(id);
  }
  return out;
}

export async function findErasure(db: Executor, id: string) {
  return db.selectFrom('erasures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The lab's retention period: its setting when one was made (here or pulled), else 12 months. */
export async function retentionMonths(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('lab_settings')
    .select('identity_retention_months')
    .where('id', '=', LAB_SETTINGS_ID)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.identity_retention_months ?? DEFAULT_RETENTION_MONTHS;
}

const LAST_PURGE = 'retention.lastPurge';

export async function lastPurge(db: Executor): Promise<{ at: string; erased: number } | null> {
  const row = await db.selectFrom('device_meta').select('value').where('key', '=', LAST_PURGE).executeTakeFirst();
  return row ? (JSON.parse(row.value) as { at: string; erased: number }) : null;
}

export async function recordPurge(db: Executor, at: string, erased: number): Promise<void> {
  const value = JSON.stringify({ at, erased });
  await db
    .insertInto('device_meta')
    .values({ key: LAST_PURGE, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

