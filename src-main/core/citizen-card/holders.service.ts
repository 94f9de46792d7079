/**
 * The Citizen Card holders: identities on the lab's desktops (the personal scope). A holder is
 * a `card_holder` record (card, birth year, arrondissement, consent) naming its `person` (name,
 * e-mail, phone — and the card number again, so that the rights of the people recorded find it
 * like any other). Every write goes through the funnel.
 *
 * - The search as you type (holders.repository.ts): words of the name or e-mail, or the start of
 *   a card number, among 200,000.
 * - The City's file (holder-import.ts reads it): one transaction per chunk; a new card number is
 *   a new holder, a known one is updated where the file says something else (an empty cell
 *   changes nothing), unchanged otherwise; every refused line comes back with its reason. Each
 *   import refreshes `listedAt` of the holders it lists (at most once in LISTED_REFRESH_DAYS, so
 *   that a weekly file does not rewrite 200,000 records each week): the retention rule keeps a
 *   holder of the City's file while the file lists them.
 * - Duplicates (same card number, same name and birth year, same e-mail) are shown to the lab,
 *   which merges them: the kept holder takes what it lacked; the other's registrations move to
 *   it (keeping their ids, which the draw names) unless it already has one for that occurrence,
 *   in which case an attendance of the other is carried onto the kept one; the other person's
 *   attendances move to the kept person; then the merged holder says `mergedInto` and its
 *   personal fields, and its person's, are wiped through the funnel (the person is removed).
 * - A holder's history (ateliers attended, no-shows) is shown on lab desktops only.
 */
import type { z } from 'zod';
import type {
  duplicateListSchema,
  holderHistorySchema,
  holderImportHeaderInputSchema,
  holderImportHeaderSchema,
  holderImportInputSchema,
  holderImportResultSchema,
  holderMergeInputSchema,
  holderSaveInputSchema,
  holderSearchInputSchema,
  holderSearchSchema,
  cardRefSchema} from '#shared/citizen-card/citizen-card.schema.js';
import {
  type Holder,
} from '#shared/citizen-card/citizen-card.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import { personCodec } from '../attendance/attendance.codecs.js';
import type { ServiceDeps } from '../deps.js';
import { runWrite, type UnitOfWork } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { cardHolderCodec, cardRegistrationCodec } from './citizen-card.codecs.js';
import { mapHeader, readChunk, type ImportedHolder, type SeenCards } from './holder-import.js';
import {
  attendanceIdsOfPerson,
  countByStatus,
  duplicatePairs,
  holderById,
  liveHolderByCard,
  liveHoldersByCard,
  liveRegistrationsOf,
  registrationsOfHolder,
  searchHolders,
} from './holders.repository.js';
import { attendanceCodec } from '../attendance/attendance.codecs.js';

type In<S extends z.ZodType> = z.output<S>;
type Out<S extends z.ZodType> = z.output<S>;

/** An import refreshes a listed holder's `listedAt` when it is older than this. */
export const LISTED_REFRESH_DAYS = 30;
/** The most duplicate pairs the lab is shown at once (merging them shows the next ones). */
export const DUPLICATES_MAX = 200;
/** Imports whose card numbers are kept (to find a duplicate in a later chunk of the same file). */
const IMPORTS_KEPT = 4;

/** The events of a unit that wrote holders and people: once, for every screen that lists them. */
const manyChanged = { eventIds: { 'citizen-card:changed': '*', 'attendance:changed': '*' } } as const;

export function createHoldersService(deps: ServiceDeps) {
  const imports = new Map<string, SeenCards>();
  const seenOf = (importId: string): SeenCards => {
    let seen = imports.get(importId);
    if (!seen) {
      seen = new Map();
      imports.set(importId, seen);
      while (imports.size > IMPORTS_KEPT) imports.delete(imports.keys().next().value!);
    }
    return seen;
  };

  const isField = async () => (await getMeta(deps.db, META.role)) === 'field';

  return {
    async search(i: In<typeof holderSearchInputSchema>): Promise<Result<Out<typeof holderSearchSchema>>> {
      return ok(await searchHolders(deps.db, i.query, i.limit));
    },

    async history(i: In<typeof cardRefSchema>): Promise<Result<Out<typeof holderHistorySchema>>> {
      if (await isField()) return fail('forbidden', 'A holder’s history is shown on lab desktops only', { id: 'validation.labOnly' });
      const holder = await holderById(deps.db, i.id);
      if (!holder) return fail('not_found', `No card holder ${i.id}`);
      const registrations = await registrationsOfHolder(deps.db, holder.id);
      return ok({ holder, registrations, attended: countByStatus(registrations, 'attended'), noShows: countByStatus(registrations, 'no_show') });
    },

    async save(i: In<typeof holderSaveInputSchema>): Promise<Result<Holder>> {
      const f = i.fields;
      return runWrite(deps, async (w) => {
        const taken = await liveHolderByCard(w.trx, f.cardNumber);
        if (taken && taken.id !== i.id) return fail('validation', 'Another holder has this card number', { 'fields.cardNumber': 'validation.cardNumberTaken' });
        if (i.id === undefined) {
          const person = await w.insert(personCodec, { fields: { name: f.name, email: f.email, phone: f.phone, citizenCardNumber: f.cardNumber } });
          const holder = await w.insert(cardHolderCodec, {
            fields: {
              personId: person.id,
              cardNumber: f.cardNumber,
              birthYear: f.birthYear,
              arrondissement: f.arrondissement,
              contactConsent: f.contactConsent,
              contactConsentAt: f.contactConsent ? w.at : null,
              source: 'desk',
              mergedInto: null,
              listedAt: null,
            },
          });
          return ok(await mustHolder(w, holder.id));
        }
        const current = await w.find(cardHolderCodec, i.id);
        if (!current || current.deleted_at !== null || current.merged_into !== null) return fail('not_found', `No card holder ${i.id}`);
        const updated = await w.update(
          cardHolderCodec,
          i.id,
          (h) =>
            ok({
              cardNumber: f.cardNumber,
              birthYear: f.birthYear,
              arrondissement: f.arrondissement,
              ...consentChange(h.contactConsent, f.contactConsent, w.at),
            }),
          { expectedVersion: i.version ?? null },
        );
        if (!updated.ok) return updated;
        const person = await w.update(personCodec, current.person_id, () => ok({ name: f.name, email: f.email, phone: f.phone, citizenCardNumber: f.cardNumber }), {
          allowDeleted: true,
        });
        if (!person.ok) return person;
        return ok(await mustHolder(w, i.id));
      });
    },

    importHeader(i: In<typeof holderImportHeaderInputSchema>): Promise<Result<Out<typeof holderImportHeaderSchema>>> {
      const { columns, missing } = mapHeader(i.header);
      return Promise.resolve(ok({ columns: columns, missing }));
    },

    async importChunk(i: In<typeof holderImportInputSchema>): Promise<Result<Out<typeof holderImportResultSchema>>> {
      const { missing } = mapHeader(i.header);
      if (missing.length > 0) {
        return fail('validation', `The file has no column for ${missing.join(', ')}`, { header: 'validation.required' });
      }
      const now = deps.now();
      const read = readChunk(i, seenOf(i.importId), now.getUTCFullYear());
      const counts = { imported: 0, updated: 0, unchanged: 0 };
      const refreshBefore = new Date(now.getTime() - LISTED_REFRESH_DAYS * 86_400_000).toISOString();
      const written = await runWrite(
        deps,
        async (w) => {
          const known = await liveHoldersByCard(
            w.trx,
            read.holders.map((h) => h.holder.cardNumber),
          );
          const fresh: ImportedHolder[] = [];
          const holderChanges: { id: string; fields: Record<string, unknown> }[] = [];
          const personChanges: { id: string; fields: Record<string, unknown> }[] = [];
          for (const { holder } of read.holders) {
            const existing = known.get(holder.cardNumber);
            if (!existing) {
              fresh.push(holder);
              counts.imported++;
              continue;
            }
            const change = importedChange(existing, holder, w.at, refreshBefore);
            if (change.holder) holderChanges.push({ id: existing.id, fields: change.holder });
            if (change.person) personChanges.push({ id: existing.personId, fields: change.person });
            counts[change.outcome]++;
          }
          // Known holders in a few statements each (the rules of `update`, one outbox entry each).
          const holdersUpdated = await w.updateMany(cardHolderCodec, holderChanges);
          if (!holdersUpdated.ok) return holdersUpdated;
          const peopleUpdated = await w.updateMany(personCodec, dedupeById(personChanges));
          if (!peopleUpdated.ok) return peopleUpdated;
          await insertImported(w, fresh);
          return ok(undefined);
        },
        manyChanged,
      );
      if (!written.ok) return written;
      return ok({ ...counts, refused: read.refused });
    },

    async duplicates(): Promise<Result<Out<typeof duplicateListSchema>>> {
      const pairs = await duplicatePairs(deps.db, DUPLICATES_MAX);
      const items = [];
      for (const p of pairs) {
        const [a, b] = [await holderById(deps.db, p.aId), await holderById(deps.db, p.bId)];
        if (a && b) items.push({ a, b, reason: p.reason });
      }
      return ok({ items });
    },

    async merge(i: In<typeof holderMergeInputSchema>): Promise<Result<Holder>> {
      if (i.keepId === i.mergeId) return fail('validation', 'A holder cannot be merged into itself', { mergeId: 'validation.mergeSame' });
      return runWrite(deps, (w) => mergeHolders(w, i), manyChanged);
    },
  };
}

export type HoldersService = ReturnType<typeof createHoldersService>;

async function mustHolder(w: UnitOfWork, id: string): Promise<Holder> {
  const holder = await holderById(w.trx, id);
  if (!holder) throw new Error(`card holder ${id} vanished inside its own transaction`);
  return holder;
}

/** The consent and its date: the date moves only when the answer changes. */
function consentChange(before: boolean, after: boolean, at: string) {
  return before === after ? {} : { contactConsent: after, contactConsentAt: after ? at : null };
}

/** New holders of the City's file: each a person and a holder, written in a few statements. */
async function insertImported(w: UnitOfWork, holders: readonly ImportedHolder[]) {
  const personIds = holders.map(() => w.newId());
  await w.insertMany(
    personCodec,
    holders.map((h, i) => ({ id: personIds[i], fields: { name: h.name, email: h.email ?? null, phone: h.phone ?? null, citizenCardNumber: h.cardNumber } })),
  );
  await w.insertMany(
    cardHolderCodec,
    holders.map((h, i) => ({
      fields: {
        personId: personIds[i]!,
        cardNumber: h.cardNumber,
        birthYear: h.birthYear ?? null,
        arrondissement: h.arrondissement ?? null,
        contactConsent: h.contactConsent ?? false,
        contactConsentAt: h.contactConsent ? w.at : null,
        source: 'city_file' as const,
        mergedInto: null,
        listedAt: w.at,
      },
    })),
  );
}

/** A known holder listed again: what the file says otherwise; an empty cell changes nothing. */
function importedChange(existing: Holder, h: ImportedHolder, at: string, refreshBefore: string) {
  const person: Record<string, unknown> = {};
  if (h.name !== existing.name) person.name = h.name;
  if (h.email !== undefined && h.email !== existing.email) person.email = h.email;
  if (h.phone !== undefined && h.phone !== existing.phone) person.phone = h.phone;
  const holder: Record<string, unknown> = {};
  if (h.birthYear !== undefined && h.birthYear !== existing.birthYear) holder.birthYear = h.birthYear;
  if (h.arrondissement !== undefined && h.arrondissement !== existing.arrondissement) holder.arrondissement = h.arrondissement;
  if (h.contactConsent !== undefined) Object.assign(holder, consentChange(existing.contactConsent, h.contactConsent, at));
  const changed = Object.keys(person).length + Object.keys(holder).length > 0;
  if (existing.listedAt === null || existing.listedAt < refreshBefore || changed) holder.listedAt = at;
  return {
    outcome: changed ? ('updated' as const) : ('unchanged' as const),
    holder: Object.keys(holder).length > 0 ? holder : null,
    person: Object.keys(person).length > 0 ? person : null,
  };
}

/** One change per person (two holders never share one from the import, but a pulled pair may). */
function dedupeById<T extends { id: string }>(changes: readonly T[]): T[] {
  return [...new Map(changes.map((c) => [c.id, c])).values()];
}

/** Registrations' statuses from the least to the most: the one of a shared occurrence that says more wins. */
const ATTENDED = 'attended';

async function mergeHolders(w: UnitOfWork, i: In<typeof holderMergeInputSchema>): Promise<Result<Holder>> {
  const keep = await holderById(w.trx, i.keepId);
  const gone = await holderById(w.trx, i.mergeId);
  for (const [h, id, version, field] of [
    [keep, i.keepId, i.keepVersion, 'keepId'],
    [gone, i.mergeId, i.mergeVersion, 'mergeId'],
  ] as const) {
    if (!h || h.deletedAt !== null || h.mergedInto !== null) return fail('not_found', `No card holder ${id}`);
    if (h.version !== version) return fail('conflict', `Card holder ${id} is at version ${h.version}, the merge was based on ${version}`, { [field]: 'validation.conflict' });
  }
  const k = keep!;
  const g = gone!;

  // The kept holder takes what it lacks; its own values stay.
  const holderFill: Record<string, unknown> = {};
  if (k.cardNumber === null && g.cardNumber !== null) holderFill.cardNumber = g.cardNumber;
  if (k.birthYear === null && g.birthYear !== null) holderFill.birthYear = g.birthYear;
  if (k.arrondissement === null && g.arrondissement !== null) holderFill.arrondissement = g.arrondissement;
  if (k.contactConsentAt === null && g.contactConsentAt !== null) Object.assign(holderFill, { contactConsent: g.contactConsent, contactConsentAt: g.contactConsentAt });
  if (g.listedAt !== null && (k.listedAt === null || g.listedAt > k.listedAt)) holderFill.listedAt = g.listedAt;
  if (Object.keys(holderFill).length > 0) {
    const filled = await w.update(cardHolderCodec, k.id, () => ok(holderFill), { expectedVersion: i.keepVersion });
    if (!filled.ok) return filled;
  }

  // Registrations: moved, unless the kept holder already has one for that occurrence.
  const kept = new Map((await liveRegistrationsOf(w.trx, k.id)).map((r) => [r.workshopId, r]));
  for (const r of await liveRegistrationsOf(w.trx, g.id)) {
    const other = kept.get(r.workshopId);
    if (!other) {
      const moved = await w.update(cardRegistrationCodec, r.id, () => ok({ holderId: k.id }));
      if (!moved.ok) return moved;
    } else if (r.status === ATTENDED && other.status !== ATTENDED) {
      // The person came under the other record: the attendance is not lost.
      const carried = await w.update(cardRegistrationCodec, other.id, () => ok({ status: ATTENDED, statusChangedAt: r.statusChangedAt }));
      if (!carried.ok) return carried;
    }
  }

  // The people: one identity.
  if (g.personId !== k.personId) {
    const personFill: Record<string, string> = {};
    if (k.email === null && g.email !== null) personFill.email = g.email;
    if (k.phone === null && g.phone !== null) personFill.phone = g.phone;
    if (holderFill.cardNumber) personFill.citizenCardNumber = holderFill.cardNumber as string;
    if (Object.keys(personFill).length > 0) {
      const filled = await w.update(personCodec, k.personId, () => ok(personFill), { allowDeleted: true });
      if (!filled.ok) return filled;
    }
    for (const id of await attendanceIdsOfPerson(w.trx, g.personId)) {
      const moved = await w.update(attendanceCodec, id, () => ok({ personId: k.personId }), { allowDeleted: true });
      if (!moved.ok) return moved;
    }
    // Shared with another holder (never by the import, possible by hand): keep it then.
    const shared = await w.trx.selectFrom('card_holders').select('id').where('person_id', '=', g.personId).where('id', '!=', g.id).executeTakeFirst();
    if (!shared) {
      const wiped = await w.wipe(personCodec, g.personId);
      if (!wiped.ok) return wiped;
      const removed = await w.tombstone(personCodec, g.personId);
      if (!removed.ok && removed.error.code !== 'not_found') return removed;
    }
  }

  const marked = await w.update(cardHolderCodec, g.id, () => ok({ mergedInto: k.id }), { expectedVersion: i.mergeVersion });
  if (!marked.ok) return marked;
  const wiped = await w.wipe(cardHolderCodec, g.id);
  if (!wiped.ok) return wiped;
  return ok(await mustHolder(w, k.id));
}
