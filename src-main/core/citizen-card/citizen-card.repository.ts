/**
 * Citizen Card reads (`db` or the caller's transaction), for this domain and the helpers that
 * build on it (holders, papers, screens): an occurrence with its settings, type, counts and
 * draw; the registrations of an occurrence with the holder's name and masked card number; a
 * registration; a holder by card number. Writes go through the write funnel only.
 */
import type { CardRegistrationsTable } from '#db/schema.js';
import { maskedCardNumber } from '#shared/citizen-card/card-number.js';
import type { Occurrence, RegistrationStatus, RegistrationView } from '#shared/citizen-card/citizen-card.schema.js';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../store/executor.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { workshopCodec } from '../workshops/workshop.codec.js';
import {
  cardAtelierTypeCodec,
  cardDrawCodec,
  cardHolderCodec,
  cardOccurrenceCodec,
  cardPromotionCodec,
  cardRegistrationCodec,
  type DrawRecord,
  type HolderRecord,
  type OccurrenceRecord,
  type PromotionRecord,
  type RegistrationRecord,
} from './citizen-card.codecs.js';
import { drawId, occurrenceSettingsId } from './ids.js';
import { runDraw } from './lottery.js';

export type RegistrationRow = Selectable<CardRegistrationsTable>;

export async function findSettings(db: Executor, workshopId: string): Promise<OccurrenceRecord | null> {
  const row = await db.selectFrom('card_occurrences').selectAll().where('id', '=', occurrenceSettingsId(workshopId)).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? cardOccurrenceCodec.toRecord(row) : null;
}

/**
 * The draw of an occurrence, its waiting list filled in. The record carries what was announced
 * (the sorted list, the seed, the places) and who was drawn; the waiting list follows from them
 * by the published algorithm (lottery.ts), so the draw does not write it (5,000 names rewritten
 * and sent for nothing: issue 10's 50 ms) and every read recomputes it, the same on every laptop.
 * A record that carries its list (a draw recorded before) is read as it is.
 */
export async function findDraw(db: Executor, workshopId: string): Promise<DrawRecord | null> {
  const row = await db.selectFrom('card_draws').selectAll().where('id', '=', drawId(workshopId)).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) return null;
  // The announced list is parsed once per text (the stored JSON itself is the key, so the list,
  // its groups and all are what the row holds): 5,000 entries are not rebuilt at every read of
  // the occurrence, nor by the draw itself — their garbage was the draw's 50 ms tail.
  const parsed = announcedLists.get(row.entries);
  const record = cardDrawCodec.toRecord(parsed ? { ...row, entries: '[]' } : row);
  if (parsed) return withWaitingList({ ...record, entries: parsed });
  rememberList(announcedLists, row.entries, deepFrozen(record.entries));
  return withWaitingList(record);
}

/** Announced lists by their stored text (frozen: shared by every reader); a few occurrences' worth. */
const announcedLists = new Map<string, DrawRecord['entries']>();
const LISTS_KEPT = 8;
function rememberList<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= LISTS_KEPT) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}
function deepFrozen(entries: DrawRecord['entries']): DrawRecord['entries'] {
  for (const e of entries) {
    Object.freeze(e.groups);
    Object.freeze(e);
  }
  return Object.freeze(entries) as DrawRecord['entries'];
}

/** Recomputed waiting lists, by what determines them (the seed names the list, the date and the places). */
const recomputedLists = new Map<string, DrawRecord['waiting']>();
const RECOMPUTED_KEPT = 32;

/**
 * `draw` with its waiting list: the one it carries, or the one the published algorithm gives
 * (`computed`: the draw command's own result, the same list, not computed twice).
 */
export function withWaitingList(draw: DrawRecord, computed?: DrawRecord['waiting']): DrawRecord {
  if (draw.status !== 'drawn' || draw.waiting.length > 0) return draw;
  const key = JSON.stringify([draw.algorithm, draw.seed, draw.drawDate, draw.places, draw.reserved]);
  let waiting = recomputedLists.get(key);
  if (!waiting) {
    waiting = computed ?? runDraw({ entries: draw.entries, places: draw.places, reserved: draw.reserved, drawDate: draw.drawDate, seed: draw.seed }).waiting;
    if (recomputedLists.size >= RECOMPUTED_KEPT) recomputedLists.delete(recomputedLists.keys().next().value!);
    recomputedLists.set(key, waiting);
  }
  return { ...draw, waiting };
}

export async function findAtelierType(db: Executor, id: string, options: { withRemoved?: boolean } = {}) {
  let q = db.selectFrom('card_atelier_types').selectAll().where('id', '=', id);
  if (!options.withRemoved) q = q.where('deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  return row ? cardAtelierTypeCodec.toRecord(row) : null;
}

export async function listAtelierTypes(db: Executor) {
  const rows = await db.selectFrom('card_atelier_types').selectAll().where('deleted_at', 'is', null).execute();
  return rows.map(cardAtelierTypeCodec.toRecord).sort((a, b) => a.title.localeCompare(b.title, 'fr') || a.id.localeCompare(b.id));
}

/*
 * The waiting list lives in the draw record. The draw writes the drawn registrations (their
 * status and rank) and the draw record, never the thousands left waiting: a registration on the
 * draw's waiting list whose row still says `registered` is waiting, at the draw's rank (issue 10:
 * a draw of 5,000 for 50 places in under 50 ms). Every read of a registration's status goes
 * through `withDrawStatus`; a write that puts someone back on the waiting list writes
 * `registered` (`STORED_WAITING`).
 */

/** The status a row holds for a registration on the waiting list. */
export const STORED_WAITING = 'registered' satisfies RegistrationStatus;

/** The waiting list of a run draw: each registration's rank (empty before the draw runs). */
export function waitingRanks(draw: DrawRecord | null): ReadonlyMap<string, number> {
  return draw?.status === 'drawn' ? new Map(draw.waiting.map((e) => [e.key, e.rank])) : new Map();
}

/** A registration as the people see it: `waiting` with its rank when the draw left it on its list. */
export function withDrawStatus<R extends { id: string; status: RegistrationStatus; rank: number | null }>(r: R, ranks: ReadonlyMap<string, number>): R {
  const rank = ranks.get(r.id);
  if (rank === undefined) return r;
  return { ...r, status: r.status === STORED_WAITING ? 'waiting' : r.status, rank: r.rank ?? rank };
}

/** Live registrations of an occurrence (cancelled ones included: they are a status, not a removal). */
export async function registrationRecords(db: Executor, workshopId: string): Promise<RegistrationRecord[]> {
  const rows = await db.selectFrom('card_registrations').selectAll().where('workshop_id', '=', workshopId).where('deleted_at', 'is', null).execute();
  const ranks = waitingRanks(await findDraw(db, workshopId));
  return rows.map((row) => withDrawStatus(cardRegistrationCodec.toRecord(row), ranks));
}

/** These live registrations of the occurrence of `draw` (its drawn), with their status as people see it. */
export async function registrationRecordsIn(db: Executor, draw: DrawRecord, ids: readonly string[]): Promise<RegistrationRecord[]> {
  if (ids.length === 0) return [];
  // By id alone (the primary key): a filter on the workshop would make SQLite walk its index.
  const rows = await db.selectFrom('card_registrations').selectAll().where('id', 'in', [...ids]).where('deleted_at', 'is', null).execute();
  const ranks = waitingRanks(draw);
  return rows.filter((row) => row.workshop_id === draw.workshopId).map((row) => withDrawStatus(cardRegistrationCodec.toRecord(row), ranks));
}

export async function findRegistration(db: Executor, id: string): Promise<RegistrationRecord | null> {
  const row = await db.selectFrom('card_registrations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? withDrawStatus(cardRegistrationCodec.toRecord(row), waitingRanks(await findDraw(db, row.workshop_id))) : null;
}

export async function promotionRecords(db: Executor, workshopId: string): Promise<PromotionRecord[]> {
  const rows = await db.selectFrom('card_promotions').selectAll().where('workshop_id', '=', workshopId).where('deleted_at', 'is', null).execute();
  return rows.map(cardPromotionCodec.toRecord).sort((a, b) => a.promotedAt.localeCompare(b.promotedAt) || a.id.localeCompare(b.id));
}

export const emptyCounts = () => ({ registered: 0, drawn: 0, waiting: 0, confirmed: 0, cancelled: 0, attended: 0, noShow: 0, free: 0 });
const countKey: Record<RegistrationStatus, keyof ReturnType<typeof emptyCounts>> = {
  registered: 'registered',
  drawn: 'drawn',
  waiting: 'waiting',
  confirmed: 'confirmed',
  cancelled: 'cancelled',
  attended: 'attended',
  no_show: 'noShow',
};
/** The statuses that hold one of the occurrence's places. */
export const HOLDS_PLACE: readonly RegistrationStatus[] = ['drawn', 'confirmed', 'attended'];

export async function occurrenceCounts(db: Executor, workshopId: string, places: number | null) {
  const rows = await db
    .selectFrom('card_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workshop_id', '=', workshopId)
    .where('deleted_at', 'is', null)
    .groupBy('status')
    .execute();
  const counts = emptyCounts();
  for (const r of rows) counts[countKey[r.status]] += Number(r.n);
  // Those the draw left waiting still say « registered » in their rows (see withDrawStatus).
  const draw = await findDraw(db, workshopId);
  if (draw?.status === 'drawn' && counts.registered > 0) {
    const onList = await sql<{ n: number }>`select count(*) as n from card_registrations
      where workshop_id = ${workshopId} and deleted_at is null and status = ${STORED_WAITING}
        and id in (select json_extract(value, '$.key') from json_each(${JSON.stringify(draw.waiting)}))`.execute(db);
    const waiting = Number(onList.rows[0]?.n ?? 0);
    counts.waiting += waiting;
    counts.registered -= waiting;
  }
  counts.free = Math.max(0, (places ?? 0) - counts.drawn - counts.confirmed - counts.attended);
  return counts;
}

/** An occurrence: its workshop (of any kind: the caller checks), its settings, type, counts and draw. */
export async function findOccurrence(db: Executor, workshopId: string): Promise<Occurrence | null> {
  const workshop = await findWorkshopRow(db, workshopId);
  if (!workshop || workshop.deleted_at !== null) return null;
  const settings = await findSettings(db, workshopId);
  const atelierType = settings ? await findAtelierType(db, settings.atelierTypeId, { withRemoved: true }) : null;
  return {
    workshop: workshopCodec.toRecord(workshop),
    settings,
    atelierType,
    counts: await occurrenceCounts(db, workshopId, settings?.places ?? null),
    draw: await findDraw(db, workshopId),
  };
}

/** Live Citizen Card workshops starting at or after `fromUtc`, soonest first. */
export async function occurrenceWorkshopIds(db: Executor, fromUtc: string | null, atelierTypeId: string | null): Promise<string[]> {
  let q = db
    .selectFrom('workshops')
    .select('workshops.id')
    .where('workshops.kind', '=', 'citizen_card_atelier')
    .where('workshops.deleted_at', 'is', null);
  if (fromUtc) q = q.where('workshops.starts_at', '>=', fromUtc);
  if (atelierTypeId) {
    q = q
      .innerJoin('card_occurrences', 'card_occurrences.workshop_id', 'workshops.id')
      .where('card_occurrences.atelier_type_id', '=', atelierTypeId)
      .where('card_occurrences.deleted_at', 'is', null);
  }
  const rows = await q.orderBy('workshops.starts_at').orderBy('workshops.id').execute();
  return rows.map((r) => r.id);
}

const statusOrder: Record<RegistrationStatus, number> = { attended: 0, confirmed: 1, drawn: 2, registered: 3, waiting: 4, no_show: 5, cancelled: 6 };

/** The registrations of an occurrence as the desk shows them: name and masked card number, by status then rank. */
export async function listRegistrationViews(db: Executor, workshopId: string): Promise<RegistrationView[]> {
  const rows = await registrationViewQuery(db).where('r.workshop_id', '=', workshopId).where('r.deleted_at', 'is', null).execute();
  const ranks = waitingRanks(await findDraw(db, workshopId));
  return rows
    .map((row) => withDrawStatus(toView(row), ranks))
    .sort(
      (a, b) =>
        statusOrder[a.status] - statusOrder[b.status] ||
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        (a.holderName ?? '').localeCompare(b.holderName ?? '', 'fr') ||
        a.id.localeCompare(b.id),
    );
}

export async function findRegistrationView(db: Executor, id: string): Promise<RegistrationView | null> {
  const row = await registrationViewQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? withDrawStatus(toView(row), waitingRanks(await findDraw(db, row.workshop_id))) : null;
}

function registrationViewQuery(db: Executor) {
  return db
    .selectFrom('card_registrations as r')
    .leftJoin('card_holders as h', 'h.id', 'r.holder_id')
    .leftJoin('people as p', 'p.id', 'h.person_id')
    .selectAll('r')
    .select(['p.name as holder_name', 'h.card_number as holder_card_number']);
}

function toView(row: RegistrationRow & { holder_name: string | null; holder_card_number: string | null }): RegistrationView {
  const { holder_name, holder_card_number, ...registration } = row;
  return {
    ...cardRegistrationCodec.toRecord(registration),
    holderName: holder_name,
    maskedCardNumber: holder_card_number ? maskedCardNumber(holder_card_number) : null,
  };
}

/** The live, not merged holder with this (normalised) card number; the oldest when two share it. */
export async function findHolderByCardNumber(db: Executor, cardNumber: string): Promise<HolderRecord | null> {
  const row = await db
    .selectFrom('card_holders')
    .selectAll()
    .where('card_number', '=', cardNumber)
    .where('deleted_at', 'is', null)
    .where('merged_into', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row ? cardHolderCodec.toRecord(row) : null;
}

export async function findHolder(db: Executor, id: string): Promise<HolderRecord | null> {
  const row = await db.selectFrom('card_holders').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? cardHolderCodec.toRecord(row) : null;
}

/** Whether the holder attended any Citizen Card atelier before (the computed `first_timer` group). */
export async function hasAttended(db: Executor, holderId: string, exceptWorkshopId: string): Promise<boolean> {
  const row = await db
    .selectFrom('card_registrations')
    .select('id')
    .where('holder_id', '=', holderId)
    .where('status', '=', 'attended')
    .where('workshop_id', '!=', exceptWorkshopId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
