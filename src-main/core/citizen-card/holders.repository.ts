/**
 * The reads of the Citizen Card holders: a holder is its `card_holders` row (the card, birth
 * year, arrondissement, consent) and the `people` row it names (name and contacts). Live holders
 * are those neither removed nor merged into another.
 *
 * The search as you type among 200,000 holders reads the full-text index of the people's
 * folded names and e-mails (migration 0010, `people_search`: every word of the query as the
 * start of a word) and the card numbers' index (a prefix of the number); each side stops at
 * `SEARCH_CAP` matches, so a keystroke never reads more.
 */
import { sql } from 'kysely';
import { normalizeCardNumber } from '#shared/citizen-card/card-number.js';
import type { Holder, RegistrationStatus } from '#shared/citizen-card/citizen-card.schema.js';
import { normalizeForSearch } from '#shared/text.js';
import type { Executor } from '../store/executor.js';
import { cardHolderCodec, cardRegistrationCodec } from './citizen-card.codecs.js';
import { findDraw, waitingRanks, withDrawStatus } from './citizen-card.repository.js';

/** The most matches a search reads on each side (name, card number); `total` counts up to it. */
export const SEARCH_CAP = 200;

type HolderRow = Parameters<typeof cardHolderCodec.toRecord>[0];
type HolderWithPerson = HolderRow & { p_name: string | null; p_email: string | null; p_phone: string | null };

export function toHolder(row: HolderWithPerson): Holder {
  const { p_name, p_email, p_phone, ...holder } = row;
  return { ...cardHolderCodec.toRecord(holder), name: p_name, email: p_email, phone: p_phone };
}

const holderSelect = sql`select h.*, p.name as p_name, p.email as p_email, p.phone as p_phone`;
const live = sql`h.deleted_at is null and h.merged_into is null`;

/** A holder, removed or merged ones included (the history names what it was). */
export async function holderById(db: Executor, id: string): Promise<Holder | null> {
  const { rows } = await sql<HolderWithPerson>`${holderSelect} from card_holders h left join people p on p.id = h.person_id where h.id = ${id}`.execute(db);
  return rows[0] ? toHolder(rows[0]) : null;
}

/** The live holders with these card numbers (normalised), by card number; the oldest when two share one. */
export async function liveHoldersByCard(db: Executor, cardNumbers: readonly string[]): Promise<Map<string, Holder>> {
  const out = new Map<string, Holder>();
  for (let i = 0; i < cardNumbers.length; i += 500) {
    const slice = cardNumbers.slice(i, i + 500);
    const { rows } = await sql<HolderWithPerson>`${holderSelect} from card_holders h join people p on p.id = h.person_id
      where h.card_number in (${sql.join(slice)}) and h.card_number is not null and ${live}
      order by h.created_at desc, h.id desc`.execute(db);
    for (const row of rows) out.set(row.card_number!, toHolder(row));
  }
  return out;
}

/** The live holder with this card number, if any (the oldest when two share one). */
export async function liveHolderByCard(db: Executor, cardNumber: string): Promise<Holder | null> {
  return (await liveHoldersByCard(db, [normalizeCardNumber(cardNumber)])).get(normalizeCardNumber(cardNumber)) ?? null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Holders whose name or e-mail has every word of the query as the start of a word (accents
 * and case ignored), or whose card number starts with the query (spaces and dashes ignored).
 * The exact card number first, then by name.
 */
export async function searchHolders(db: Executor, query: string, limit: number): Promise<{ items: Holder[]; total: number; truncated: boolean }> {
  // First the candidates' ids, names and numbers only (at most SEARCH_CAP on each side), then
  // the whole rows of the `limit` shown.
  type Candidate = { id: string; name: string | null; card_number: string | null };
  const found = new Map<string, Candidate>();
  const card = normalizeCardNumber(query.trim());
  if (/^[A-Z0-9]{2,20}$/.test(card) && /[0-9]/.test(card)) {
    // The index of card numbers: a range, the upper bound just after every number starting so.
    const { rows } = await sql<Candidate>`select h.id, p.name, h.card_number from card_holders h join people p on p.id = h.person_id
      where h.card_number >= ${card} and h.card_number < ${`${card}\u007f`} and h.card_number is not null and ${live}
      limit ${SEARCH_CAP + 1}`.execute(db);
    for (const row of rows) found.set(row.id, row);
  }
  const words = normalizeForSearch(query).split(' ').filter(Boolean).slice(0, 8);
  if (words.length > 0) {
    // Words are letters and digits only (normalizeForSearch): quoted, each is a prefix query.
    const match = words.map((w) => `"${w}"*`).join(' AND ');
    const { rows } = await sql<Candidate>`select h.id, p.name, h.card_number from people_search s
      join people p on p.rowid = s.rowid
      join card_holders h on h.person_id = p.id
      where people_search match ${match} and ${live}
      limit ${SEARCH_CAP + 1}`.execute(db);
    for (const row of rows) found.set(row.id, row);
  }
  const sorted = [...found.values()].sort(
    (a, b) => Number(b.card_number === card) - Number(a.card_number === card) || collator.compare(a.name ?? '', b.name ?? '') || a.id.localeCompare(b.id),
  );
  const shown = sorted.slice(0, limit).map((c) => c.id);
  const byId = new Map<string, Holder>();
  if (shown.length > 0) {
    const { rows } = await sql<HolderWithPerson>`${holderSelect} from card_holders h join people p on p.id = h.person_id where h.id in (${sql.join(shown)})`.execute(db);
    for (const row of rows) byId.set(row.id, toHolder(row));
  }
  return { items: shown.map((id) => byId.get(id)!), total: Math.min(sorted.length, SEARCH_CAP), truncated: sorted.length > limit };
}

export type HolderRegistration = ReturnType<typeof cardRegistrationCodec.toRecord> & { workshopTitle: string; startsAt: string };

/** A holder's live registrations with their atelier's title and start, the latest first. */
export async function registrationsOfHolder(db: Executor, holderId: string): Promise<HolderRegistration[]> {
  const rows = await db
    .selectFrom('card_registrations as r')
    .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
    .selectAll('r')
    .select(['w.title as workshop_title', 'w.starts_at as workshop_starts_at'])
    .where('r.holder_id', '=', holderId)
    .where('r.deleted_at', 'is', null)
    .orderBy('w.starts_at', 'desc')
    .execute();
  // The waiting list of each atelier is its draw's (citizen-card.repository.ts, withDrawStatus).
  const ranks = new Map<string, ReadonlyMap<string, number>>();
  for (const workshopId of new Set(rows.map((r) => r.workshop_id))) ranks.set(workshopId, waitingRanks(await findDraw(db, workshopId)));
  return rows.map(({ workshop_title, workshop_starts_at, ...r }) => ({
    ...withDrawStatus(cardRegistrationCodec.toRecord(r), ranks.get(r.workshop_id) ?? new Map<string, number>()),
    workshopTitle: workshop_title,
    startsAt: workshop_starts_at,
  }));
}

/** Live registrations of these holders, by workshop (the merge moves them). */
export async function liveRegistrationsOf(db: Executor, holderId: string) {
  const rows = await db.selectFrom('card_registrations').selectAll().where('holder_id', '=', holderId).where('deleted_at', 'is', null).execute();
  return rows.map((r) => cardRegistrationCodec.toRecord(r));
}

/** The attendances (removed ones included: they started the retention clock) of a person. */
export async function attendanceIdsOfPerson(db: Executor, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('attendances').select('id').where('person_id', '=', personId).execute();
  return rows.map((r) => r.id);
}

export type DuplicateReason = 'same_card_number' | 'same_name_birth_year' | 'same_email';

/**
 * Pairs of live holders that look like one person: the same card number (two laptops recorded
 * one card before they synced), the same name (folded) and birth year, the same e-mail. The
 * oldest of a group is `a`; each pair once, under its first reason; at most `max` pairs.
 */
export async function duplicatePairs(db: Executor, max: number): Promise<{ aId: string; bId: string; reason: DuplicateReason }[]> {
  const { rows } = await sql<{ id: string; card_number: string | null; birth_year: number | null; name: string | null; email: string | null }>`
    select h.id, h.card_number, h.birth_year, p.name, p.email
    from card_holders h join people p on p.id = h.person_id
    where ${live}
    order by h.created_at, h.id`.execute(db);
  const groups: Record<DuplicateReason, Map<string, string[]>> = { same_card_number: new Map(), same_name_birth_year: new Map(), same_email: new Map() };
  const add = (reason: DuplicateReason, key: string, id: string) => {
    const list = groups[reason].get(key);
    if (list) list.push(id);
    else groups[reason].set(key, [id]);
  };
  for (const r of rows) {
    if (r.card_number) add('same_card_number', r.card_number, r.id);
    const name = r.name ? normalizeForSearch(r.name) : '';
    if (name && r.birth_year !== null) add('same_name_birth_year', `${name}\u0000${r.birth_year}`, r.id);
    if (r.email) add('same_email', r.email.trim().toLowerCase(), r.id);
  }
  const seen = new Set<string>();
  const out: { aId: string; bId: string; reason: DuplicateReason }[] = [];
  for (const reason of ['same_card_number', 'same_name_birth_year', 'same_email'] as const) {
    for (const ids of groups[reason].values()) {
      for (const bId of ids.slice(1)) {
        const key = `${ids[0]}\u0000${bId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ aId: ids[0]!, bId, reason });
        if (out.length >= max) return out;
      }
    }
  }
  return out;
}

/** Counts of a holder's registrations by status. */
export function countByStatus(registrations: readonly { status: RegistrationStatus }[], status: RegistrationStatus): number {
  return registrations.filter((r) => r.status === status).length;
}
