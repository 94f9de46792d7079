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
import { personalCodecs } from '../store/erasure-writes.js';
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

/** The columns of the subject's personal fields. */
function personalColumns(codec: AnyCodec): string[] {
  return Object.keys(codec.columns(Object.fromEntries((codec.personal?.fields ?? []).map((f) => [f, null]))));
}

/** SQL: the row still holds a personal value. */
const holdsData = (columns: readonly string[]) => sql.join(columns.map((c) => sql`${sql.ref(c)} is not null`), sql` or `);

/**
 * People whose personal fields match, in SQL (50,000 identities are scanned in milliseconds):
 * every word of the query in the folded search column (accents and case ignored) — or in a
 * field, lower-cased, for a kind without one — or a card or phone number written with or
 * without spaces, dots or dashes.
 */
export async function searchPeople(db: Executor, query: string, limit: number) {
  const codec = subjectCodec();
  const columns = personalColumns(codec);
  const searchColumn = codec.personal?.searchColumn ?? null;
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  const number = query.replace(/[\s.-]/g, '').toUpperCase();
  const conditions = [];
  if (words.length > 0) {
    const inText = (w: string) =>
      searchColumn ? sql`${sql.ref(searchColumn)} like ${`%${w}%`}` : sql`(${sql.join(columns.map((c) => sql`lower(${sql.ref(c)}) like ${`%${w}%`}`), sql` or `)})`;
    conditions.push(sql`(${sql.join(words.map(inText), sql` and `)})`);
  }
  if (/^[A-Z0-9+]{4,}$/.test(number)) {
    conditions.push(sql`(${sql.join(columns.map((c) => sql`replace(replace(replace(upper(${sql.ref(c)}), ' ', ''), '.', ''), '-', '') like ${`%${number}%`}`), sql` or `)})`);
  }
  if (conditions.length === 0) return { items: [], truncated: false };
  const rows = (await loose(db)
    .selectFrom(codec.table)
    .selectAll()
    .where(sql<boolean>`(${holdsData(columns)}) and (${sql.join(conditions, sql` or `)})`)
    .limit(limit + 1)
    .execute()) as Loose[];
  const matches: PersonSummary[] = rows.map((row) => {
    const record = codec.snapshot(row) as Record<string, string | null>;
    return {
      id: row.id as string,
      name: record.name ?? null,
      email: record.email ?? null,
      phone: record.phone ?? null,
      citizenCardNumber: record.citizenCardNumber ?? null,
      removed: row.deleted_at !== null,
      lastWorkshopAt: null,
    };
  });
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

/**
 * Every identity still holding personal data and not erased, with when its retention started:
 * one query, grouped by person (SQLite takes the bare workshop columns from the row of max()),
 * by rowid so that SQLite reads the table in its own order rather than through the id index.
 */
export async function retentionCandidates(db: Executor): Promise<RetentionCandidate[]> {
  const codec = subjectCodec();
  // Activity is the last workshop attended; for a Citizen Card holder also the last atelier
  // registered to, and — for a holder of the City's file — the last import that listed them
  // (`listed_at`): the City's file keeps them while it lists them (docs/data-protection.md);
  // for a candidate to La Transfo, the last move of their application (docs/transfo.md).
  const rows = await sql<{
    id: string;
    created_at: string;
    ends_at: string | null;
    workshop_id: string | null;
    title: string | null;
    card_ends_at: string | null;
    listed_at: string | null;
    transfo_at: string | null;
  }>`
    select p.id, p.created_at, max(w.ends_at) as ends_at, w.id as workshop_id, w.title,
      (select max(cw.ends_at) from card_holders as h
         join card_registrations as r on r.holder_id = h.id and r.deleted_at is null
         join workshops as cw on cw.id = r.workshop_id
       where h.person_id = p.id) as card_ends_at,
      (select max(h.listed_at) from card_holders as h
       where h.person_id = p.id and h.deleted_at is null and h.merged_into is null) as listed_at,
      (select max(c.stage_changed_at) from transfo_candidates as c
       where c.person_id = p.id and c.deleted_at is null) as transfo_at
    from ${sql.table(codec.table as string)} as p
    left join attendances as a on a.person_id = p.id
    left join workshops as w on w.id = a.workshop_id
    where (${holdsData(personalColumns(codec).map((c) => `p.${c}`))})
      and not exists (select 1 from erasures as e where e.id = p.id)
    group by p.rowid`.execute(db);
  return rows.rows.map((r) => {
    const workshop = r.ends_at && r.workshop_id ? { endsAt: r.ends_at, workshopId: r.workshop_id, title: r.title ?? '' } : null;
    const later = [r.card_ends_at, r.listed_at, r.transfo_at].filter((x): x is string => x !== null && x > (workshop?.endsAt ?? ''));
    if (later.length === 0) return { id: r.id, lastActivity: workshop?.endsAt ?? r.created_at, workshop };
    return { id: r.id, lastActivity: later.sort().at(-1)!, workshop: null };
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
/**
 * How far this database has checked the erasure journal: the number of its entries checked and
 * the id of the last one. It lives in the database, so a database restored from a backup carries
 * the mark of its own time, and the entries written since are checked again.
 */
const JOURNAL_MARK = 'erasure_journal_checked';

export async function journalMark(db: Executor): Promise<{ count: number; lastId: string } | null> {
  const row = await db.selectFrom('device_meta').select('value').where('key', '=', JOURNAL_MARK).executeTakeFirst();
  if (!row) return null;
  const mark = JSON.parse(row.value) as { count?: unknown; lastId?: unknown };
  return typeof mark.count === 'number' && typeof mark.lastId === 'string' ? { count: mark.count, lastId: mark.lastId } : null;
}

export async function setJournalMark(db: Executor, mark: { count: number; lastId: string }): Promise<void> {
  const value = JSON.stringify(mark);
  await db
    .insertInto('device_meta')
    .values({ key: JOURNAL_MARK, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function retentionMonths(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('lab_settings')
    .select('identity_retention_months')
    .where('id', '=', LAB_SETTINGS_ID)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.identity_retention_months ?? DEFAULT_RETENTION_MONTHS;
}
