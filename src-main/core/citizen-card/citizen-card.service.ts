/**
 * The Citizen Card ateliers' rules: the catalogue of atelier types, each occurrence's places
 * (a workshop of the `citizen_card_atelier` kind and its settings record), registrations and
 * their statuses, the announced and published draw (lottery.ts), promotions from the waiting
 * list (promotions.ts), and the day: check-in by card number, registration or QR code,
 * walk-ins when the lab allows them and a place is free, no-shows. Writes go through the
 * funnel only; every change says `citizen-card:changed` with the occurrence's workshop id
 * (the type's or holder's id for those).
 *
 * Holders and registrations are identities (personal scope): only lab desktops receive them,
 * so a field laptop is refused the commands that write them (`validation.labOnly`).
 */
import { normalizeCardNumber, registrationIdFromQr } from '#shared/citizen-card/card-number.js';
import type { Occurrence, RegistrationStatus, RegistrationView } from '#shared/citizen-card/citizen-card.schema.js';
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok, type Result } from '#shared/result.js';
import { parisLocalToUtc } from '#shared/time/paris-time.js';
import { kindAllows } from '#shared/workshops/workshop-kinds.js';
import type { ServiceDeps } from '../deps.js';
import type { Executor } from '../store/executor.js';
import { runWrite, type UnitOfWork } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { cardAtelierTypeCodec, cardDrawCodec, cardOccurrenceCodec, cardRegistrationCodec, type RegistrationRecord } from './citizen-card.codecs.js';
import {
  findAtelierType,
  findDraw,
  findHolder,
  findHolderByCardNumber,
  findOccurrence,
  findRegistration,
  findRegistrationView,
  findSettings,
  hasAttended,
  HOLDS_PLACE,
  listAtelierTypes,
  listRegistrationViews,
  occurrenceCounts,
  occurrenceWorkshopIds,
  promotionRecords,
  registrationRecords,
  registrationRecordsIn,
  withWaitingList,
} from './citizen-card.repository.js';
import { drawId, occurrenceSettingsId, registrationId } from './ids.js';
import { drawExport, drawSeed, runDraw } from './lottery.js';
import { promoteHead, reconcilePromotions } from './promotions.js';

export interface CitizenCardDeps extends ServiceDeps {
  /** Who is acting (the name given at unlock); recorded on registrations, draws and promotions. */
  actor: () => string;
}


/**
 * Status changes a person may make (set-status). The draw (registered → drawn | waiting: the
 * waiting keep `registered` in their rows, the draw record lists them), the
 * promotions (waiting → drawn) and the check-in (→ attended) are their own commands.
 */
const allowedChanges: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  registered: ['confirmed', 'cancelled'],
  drawn: ['confirmed', 'cancelled', 'no_show'],
  waiting: ['cancelled'],
  confirmed: ['cancelled', 'no_show', 'registered'],
  cancelled: ['registered'],
  attended: ['confirmed'],
  no_show: ['confirmed'],
};

const labOnlyRefusal = (field: string) => fail('validation', 'Citizen Card ateliers are run from lab desktops', { [field]: 'validation.labOnly' });

export function createCitizenCardService(deps: CitizenCardDeps) {
  const { db } = deps;

  /** Field laptops never receive holders and registrations: they are refused the ateliers' writes. */
  async function labDesk(field: string): Promise<Result<null>> {
    return (await getMeta(db, META.role)) === 'field' ? labOnlyRefusal(field) : ok(null);
  }

  /** The live workshop of a Citizen Card occurrence (a kind with the lottery), not cancelled unless `evenCancelled`. */
  async function cardWorkshop(trx: Executor, workshopId: string, options: { evenCancelled?: boolean } = {}) {
    const w = await findWorkshopRow(trx, workshopId);
    if (!w || w.deleted_at !== null) return fail('not_found', `No workshop ${workshopId}`);
    const offered = kindAllows(w.kind, 'lottery', 'workshopId');
    if (!offered.ok) return offered;
    if (w.status === 'cancelled' && !options.evenCancelled) return fail('invalid_transition', 'A cancelled atelier takes no changes');
    return ok(w);
  }

  function write<T>(workshopId: string, body: (w: UnitOfWork) => Promise<Result<T>>): Promise<Result<T>> {
    return runWrite(deps, body, { eventIds: { 'citizen-card:changed': workshopId } });
  }

  /** The promotions and the waiting list brought in line after a sync (promotions.ts); writes nothing when they agree. */
  async function reconcile(workshopId: string): Promise<void> {
    const draw = await findDraw(db, workshopId);
    if (!draw || draw.status !== 'drawn') return;
    if ((await promotionRecords(db, workshopId)).length === 0) return;
    await write(workshopId, (w) => reconcilePromotions(w, workshopId));
  }

  async function occurrenceOrFail(workshopId: string): Promise<Result<Occurrence>> {
    const found = await cardWorkshop(db, workshopId, { evenCancelled: true });
    if (!found.ok) return found;
    await reconcile(workshopId);
    const occurrence = await findOccurrence(db, workshopId);
    return occurrence ? ok(occurrence) : fail('not_found', `No workshop ${workshopId}`);
  }

  async function viewOf(id: string): Promise<Result<RegistrationView>> {
    const view = await findRegistrationView(db, id);
    return view ? ok(view) : fail('not_found', `No registration ${id}`);
  }

  /** How many places are free now (the settings' places less those held). */
  async function freePlaces(trx: Executor, workshopId: string): Promise<number | null> {
    const settings = await findSettings(trx, workshopId);
    if (!settings) return null;
    return (await occurrenceCounts(trx, workshopId, settings.places)).free;
  }

  /** A status change at the rules of `allowedChanges`, freeing a place when a holder of one cancels. */
  async function changeStatus(w: UnitOfWork, current: RegistrationRecord, to: RegistrationStatus, expectedVersion: number | null): Promise<Result<null>> {
    const from = current.status;
    const workshop = await cardWorkshop(w.trx, current.workshopId);
    if (!workshop.ok) return workshop;
    const draw = await findDraw(w.trx, current.workshopId);
    if (!allowedChanges[from].includes(to)) return fail('invalid_transition', `A ${from} registration cannot become ${to}`, { status: 'validation.statusChange' });
    // Back to the list only while no draw is announced: the announced list is fixed.
    if (to === 'registered' && draw) return fail('invalid_transition', 'The list is closed once the draw is announced', { status: 'validation.registrationsClosed' });
    // Without a draw, a registration is confirmed while places remain; after it, only drawn people are.
    if (to === 'confirmed' && from === 'registered' && draw) return fail('invalid_transition', 'Only drawn people are confirmed once the draw is announced', { status: 'validation.statusChange' });
    if (to === 'confirmed' && !HOLDS_PLACE.includes(from)) {
      const free = await freePlaces(w.trx, current.workshopId);
      if (free === null) return fail('validation', 'The occurrence has no settings', { workshopId: 'validation.occurrenceNotSet' });
      if (free < 1) return fail('invalid_transition', 'No place is left', { status: 'validation.noPlaceLeft' });
    }
    const updated = await w.update(cardRegistrationCodec, current.id, () => ok({ status: to, statusChangedAt: w.at, recordedBy: deps.actor() }), { expectedVersion });
    if (!updated.ok) return updated;
    // A place freed before the start goes to the head of the waiting list.
    if (to === 'cancelled' && (from === 'drawn' || from === 'confirmed') && w.at < workshop.value.starts_at) {
      const promoted = await promoteHead(w, current.workshopId, current.id, deps.actor());
      if (!promoted.ok) return promoted;
    }
    return ok(null);
  }

  return {
    // ------------------------------------------------------------ the catalogue

    async types() {
      return ok({ items: await listAtelierTypes(db) });
    },

    async saveType({ id, version, fields }: CommandParsedInput<'citizen-card:save-type'>) {
      const desk = await labDesk('fields.title');
      if (!desk.ok) return desk;
      const result = await runWrite(deps, async (w) => {
        if (id && (await w.find(cardAtelierTypeCodec, id))) {
          return w.update(cardAtelierTypeCodec, id, () => ok(fields), { expectedVersion: version ?? null });
        }
        return ok(await w.insert(cardAtelierTypeCodec, { id, fields }));
      });
      return result;
    },

    async removeType({ id, version }: CommandParsedInput<'citizen-card:remove-type'>) {
      const desk = await labDesk('id');
      if (!desk.ok) return desk;
      return runWrite(deps, async (w) => {
        const inUse = await w.trx
          .selectFrom('card_occurrences as o')
          .innerJoin('workshops as ws', 'ws.id', 'o.workshop_id')
          .select('o.id')
          .where('o.atelier_type_id', '=', id)
          .where('o.deleted_at', 'is', null)
          .where('ws.deleted_at', 'is', null)
          .where('ws.status', '!=', 'cancelled')
          .where('ws.ends_at', '>=', w.at)
          .executeTakeFirst();
        if (inUse) return fail('invalid_transition', 'Upcoming ateliers are of this type', { id: 'validation.atelierTypeInUse' });
        return w.tombstone(cardAtelierTypeCodec, id, { expectedVersion: version });
      });
    },

    async occurrences({ from, atelierTypeId }: CommandParsedInput<'citizen-card:occurrences'>) {
      const fromUtc = from ? parisLocalToUtc(`${from}T00:00`) : null;
      const ids = await occurrenceWorkshopIds(db, fromUtc, atelierTypeId ?? null);
      const items: Occurrence[] = [];
      for (const id of ids) {
        const o = await findOccurrence(db, id);
        if (o) items.push(o);
      }
      return ok({ items });
    },

    occurrence: ({ workshopId }: CommandParsedInput<'citizen-card:occurrence'>) => occurrenceOrFail(workshopId),

    async saveOccurrence({ workshopId, version, fields }: CommandParsedInput<'citizen-card:save-occurrence'>) {
      const desk = await labDesk('fields.places');
      if (!desk.ok) return desk;
      const result = await write(workshopId, async (w) => {
        const workshop = await cardWorkshop(w.trx, workshopId);
        if (!workshop.ok) return workshop;
        if (!(await findAtelierType(w.trx, fields.atelierTypeId))) {
          return fail('validation', 'No such atelier type', { 'fields.atelierTypeId': 'validation.atelierTypeUnknown' });
        }
        const draw = await findDraw(w.trx, workshopId);
        const current = await findSettings(w.trx, workshopId);
        const samePlaces = current && current.places === fields.places && JSON.stringify(current.reserved) === JSON.stringify(fields.reserved);
        if (draw && !samePlaces) {
          return fail('invalid_transition', 'The places are fixed once the draw is announced', { 'fields.places': 'validation.drawAlreadyAnnounced' });
        }
        const held = (await occurrenceCounts(w.trx, workshopId, fields.places));
        const taken = held.drawn + held.confirmed + held.attended;
        if (fields.places < taken) return fail('validation', 'More people hold a place', { 'fields.places': `validation.placesBelowTaken:${taken}` });
        const id = occurrenceSettingsId(workshopId);
        if (await w.find(cardOccurrenceCodec, id)) {
          const updated = await w.update(cardOccurrenceCodec, id, () => ok({ ...fields, deletedAt: null }), { expectedVersion: version ?? null, allowDeleted: true });
          return updated.ok ? ok(null) : updated;
        }
        await w.insert(cardOccurrenceCodec, { id, fields: { workshopId, ...fields } });
        return ok(null);
      });
      return result.ok ? occurrenceOrFail(workshopId) : result;
    },

    // ------------------------------------------------------------ registrations

    async registrations({ workshopId }: CommandParsedInput<'citizen-card:registrations'>) {
      const found = await cardWorkshop(db, workshopId, { evenCancelled: true });
      if (!found.ok) return found;
      await reconcile(workshopId);
      return ok({ items: await listRegistrationViews(db, workshopId) });
    },

    async register({ workshopId, holderId, channel, groups }: CommandParsedInput<'citizen-card:register'>) {
      const desk = await labDesk('holderId');
      if (!desk.ok) return desk;
      const id = registrationId(workshopId, holderId);
      const result = await write(workshopId, async (w) => {
        const workshop = await cardWorkshop(w.trx, workshopId);
        if (!workshop.ok) return workshop;
        if (workshop.value.status === 'closed') return fail('invalid_transition', 'A closed atelier takes no registrations');
        if (!(await findSettings(w.trx, workshopId))) return fail('validation', 'The occurrence has no settings', { workshopId: 'validation.occurrenceNotSet' });
        const holder = await findHolder(w.trx, holderId);
        if (!holder) return fail('not_found', `No holder ${holderId}`);
        if (holder.mergedInto) return fail('validation', 'The holder was merged', { holderId: 'validation.holderMerged' });
        if (await findDraw(w.trx, workshopId)) return fail('invalid_transition', 'The list is closed', { holderId: 'validation.registrationsClosed' });
        // first_timer is computed: never said by the person, never refused.
        const firstTimer = !(await hasAttended(w.trx, holderId, workshopId));
        const declared = groups.filter((g) => g !== 'first_timer');
        const allGroups = firstTimer ? ['first_timer' as const, ...declared] : declared;
        const existing = await w.find(cardRegistrationCodec, id);
        // A registration moved here by a merge of two holders keeps its own id (the draw names it).
        const moved = await w.trx
          .selectFrom('card_registrations')
          .select('id')
          .where('workshop_id', '=', workshopId)
          .where('holder_id', '=', holderId)
          .where('id', '!=', id)
          .where('deleted_at', 'is', null)
          .where('status', '!=', 'cancelled')
          .executeTakeFirst();
        if (moved) return fail('validation', 'Already registered', { holderId: 'validation.alreadyRegistered' });
        const fields = {
          workshopId,
          holderId,
          channel,
          status: 'registered' as const,
          groups: [...new Set(allGroups)],
          rank: null,
          registeredAt: w.at,
          statusChangedAt: w.at,
          recordedBy: deps.actor(),
        };
        if (existing) {
          if (existing.deleted_at === null && existing.status !== 'cancelled') {
            return fail('validation', 'Already registered', { holderId: 'validation.alreadyRegistered' });
          }
          // A cancelled (or removed) registration comes back: one record per holder and occurrence.
          const back = await w.update(cardRegistrationCodec, id, () => ok({ ...fields, deletedAt: null }), { allowDeleted: true });
          return back.ok ? ok(null) : back;
        }
        await w.insert(cardRegistrationCodec, { id, fields });
        return ok(null);
      });
      return result.ok ? viewOf(id) : result;
    },

    async setStatus({ id, version, status }: CommandParsedInput<'citizen-card:set-status'>) {
      const desk = await labDesk('status');
      if (!desk.ok) return desk;
      const current = await findRegistration(db, id);
      if (!current) return fail('not_found', `No registration ${id}`);
      const result = await write(current.workshopId, async (w) => {
        const fresh = await findRegistration(w.trx, id);
        if (!fresh) return fail('not_found', `No registration ${id}`);
        return changeStatus(w, fresh, status, version);
      });
      return result.ok ? viewOf(id) : result;
    },

    // ------------------------------------------------------------ the draw

    async announceDraw({ workshopId, drawDate }: CommandParsedInput<'citizen-card:announce-draw'>) {
      const desk = await labDesk('drawDate');
      if (!desk.ok) return desk;
      const result = await write(workshopId, async (w) => {
        const workshop = await cardWorkshop(w.trx, workshopId);
        if (!workshop.ok) return workshop;
        const settings = await findSettings(w.trx, workshopId);
        if (!settings) return fail('validation', 'The occurrence has no settings', { workshopId: 'validation.occurrenceNotSet' });
        const existing = await findDraw(w.trx, workshopId);
        if (existing) {
          return fail('invalid_transition', 'A draw is already announced', { drawDate: existing.status === 'drawn' ? 'validation.drawAlreadyRun' : 'validation.drawAlreadyAnnounced' });
        }
        const registrations = await registrationRecords(w.trx, workshopId);
        // The draw gives every place: it is announced before anyone holds one.
        if (registrations.some((r) => HOLDS_PLACE.includes(r.status))) {
          return fail('invalid_transition', 'People already hold places: no draw', { drawDate: 'validation.statusChange' });
        }
        const entries = registrations.filter((r) => r.status === 'registered').map((r) => ({ key: r.id, groups: [...r.groups].sort() }));
        if (entries.length === 0) return fail('validation', 'Nobody to draw', { drawDate: 'validation.drawNobody' });
        entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        await w.insert(cardDrawCodec, {
          id: drawId(workshopId),
          fields: {
            workshopId,
            status: 'announced',
            algorithm: 'atelier-draw-v1',
            drawDate,
            seed: drawSeed(entries, drawDate, settings.places),
            places: settings.places,
            reserved: settings.reserved,
            entries,
            drawn: [],
            waiting: [],
            announcedAt: w.at,
            announcedBy: deps.actor(),
            drawnAt: null,
            drawnBy: null,
          },
        });
        return ok(null);
      });
      return result.ok ? ok((await findDraw(db, workshopId))!) : result;
    },

    async draw({ workshopId }: CommandParsedInput<'citizen-card:draw'>) {
      const desk = await labDesk('workshopId');
      if (!desk.ok) return desk;
      const result = await write(workshopId, async (w) => {
        const workshop = await cardWorkshop(w.trx, workshopId);
        if (!workshop.ok) return workshop;
        const draw = await findDraw(w.trx, workshopId);
        if (!draw) return fail('invalid_transition', 'The draw is not announced', { workshopId: 'validation.drawNotAnnounced' });
        if (draw.status === 'drawn') return fail('invalid_transition', 'The draw has run', { workshopId: 'validation.drawAlreadyRun' });
        // The announced list and seed, as published: the same result on every laptop.
        const outcome = runDraw({ entries: draw.entries, places: draw.places, reserved: draw.reserved, drawDate: draw.drawDate, seed: draw.seed });
        const drawn = outcome.drawn.map((d) => ({ key: d.key, rank: d.rank, group: (d.group as (typeof draw.entries)[number]['groups'][number] | null) }));
        // The waiting list is not written: every read recomputes it from the record (findDraw).
        const written = await w.update(cardDrawCodec, draw.id, () => ok({ status: 'drawn' as const, drawn, waiting: [], drawnAt: w.at, drawnBy: deps.actor() }));
        if (!written.ok) return written;
        const drawnRecord = withWaitingList(written.value, outcome.waiting);
        // Only the drawn are written: those left waiting are on the draw record's list, their rows
        // untouched (withDrawStatus, citizen-card.repository.ts). Two laptops write the same values.
        const drawnRows = await registrationRecordsIn(w.trx, drawnRecord, outcome.drawn.map((d) => d.key));
        const byId = new Map(drawnRows.map((r) => [r.id, r]));
        const freed: string[] = [];
        const changes: { id: string; fields: { status?: 'drawn'; rank: number } }[] = [];
        for (const d of outcome.drawn) {
          const r = byId.get(d.key);
          if (!r) continue;
          // statusChangedAt stays: the draw record dates the draw.
          if (r.status === 'registered') changes.push({ id: d.key, fields: { status: 'drawn', rank: d.rank } });
          else {
            if (r.status === 'cancelled') freed.push(d.key);
            changes.push({ id: d.key, fields: { rank: d.rank } });
          }
        }
        const statuses = await w.updateMany(cardRegistrationCodec, changes);
        if (!statuses.ok) return statuses;
        // Someone drawn who had cancelled since the announcement: the place goes to the waiting list.
        for (const key of freed) {
          const promoted = await promoteHead(w, workshopId, key, deps.actor());
          if (!promoted.ok) return promoted;
        }
        return ok(drawnRecord);
      });
      return result;
    },

    async drawExport({ workshopId }: CommandParsedInput<'citizen-card:draw-export'>) {
      const found = await cardWorkshop(db, workshopId, { evenCancelled: true });
      if (!found.ok) return found;
      const draw = await findDraw(db, workshopId);
      if (!draw) return fail('invalid_transition', 'The draw is not announced', { workshopId: 'validation.drawNotAnnounced' });
      const exported = drawExport({ entries: draw.entries, places: draw.places, reserved: draw.reserved, drawDate: draw.drawDate }, draw.seed);
      return ok({ fileName: `tirage-${draw.drawDate}-${workshopId.slice(0, 8)}.json`, json: `${JSON.stringify(exported, null, 2)}\n` });
    },

    async promotions({ workshopId }: CommandParsedInput<'citizen-card:promotions'>) {
      const found = await cardWorkshop(db, workshopId, { evenCancelled: true });
      if (!found.ok) return found;
      await reconcile(workshopId);
      return ok({ items: await promotionRecords(db, workshopId) });
    },

    /** Reconciles an occurrence's promotions (after a pull); nothing written when they agree. */
    reconcile,

    // ------------------------------------------------------------ the day

    async checkIn({ workshopId, by }: CommandParsedInput<'citizen-card:check-in'>) {
      const desk = await labDesk('workshopId');
      if (!desk.ok) return desk;
      let id: string;
      if (by.method === 'card') {
        const holder = await findHolderByCardNumber(db, normalizeCardNumber(by.cardNumber));
        if (!holder) return fail('validation', 'No holder has this card number', { 'by.cardNumber': 'validation.unknownCard' });
        id = registrationId(workshopId, holder.id);
      } else if (by.method === 'qr') {
        const fromQr = registrationIdFromQr(by.payload);
        if (!fromQr) return fail('validation', 'Not one of our QR codes', { 'by.payload': 'validation.notACardQr' });
        id = fromQr;
      } else {
        id = by.registrationId;
      }
      const field = by.method === 'card' ? 'by.cardNumber' : by.method === 'qr' ? 'by.payload' : 'by.registrationId';
      const result = await write(workshopId, async (w) => {
        const workshop = await cardWorkshop(w.trx, workshopId);
        if (!workshop.ok) return workshop;
        const r = await findRegistration(w.trx, id);
        if (!r || r.workshopId !== workshopId) return fail('validation', 'Not registered here', { [field]: 'validation.notRegisteredHere' });
        if (r.status === 'attended') return fail('invalid_transition', 'Already checked in', { [field]: 'validation.alreadyAttended' });
        const draw = await findDraw(w.trx, workshopId);
        // Without a draw, a registered person takes a place while one is free.
        const canTakePlace = r.status === 'registered' && !draw && ((await freePlaces(w.trx, workshopId)) ?? 0) > 0;
        if (!(r.status === 'drawn' || r.status === 'confirmed' || r.status === 'no_show' || canTakePlace)) {
          return fail('invalid_transition', `A ${r.status} registration holds no place`, { [field]: 'validation.noPlaceHeld' });
        }
        const done = await w.update(cardRegistrationCodec, id, () => ok({ status: 'attended' as const, statusChangedAt: w.at, recordedBy: deps.actor() }));
        return done.ok ? ok(null) : done;
      });
      return result.ok ? viewOf(id) : result;
    },

    async walkIn({ workshopId, holderId }: CommandParsedInput<'citizen-card:walk-in'>) {
      const desk = await labDesk('holderId');
      if (!desk.ok) return desk;
      const id = registrationId(workshopId, holderId);
      const result = await write(workshopId, async (w) => {
        const workshop = await cardWorkshop(w.trx, workshopId);
        if (!workshop.ok) return workshop;
        const settings = await findSettings(w.trx, workshopId);
        if (!settings) return fail('validation', 'The occurrence has no settings', { workshopId: 'validation.occurrenceNotSet' });
        if (!settings.walkInsAllowed) return fail('invalid_transition', 'Walk-ins are not allowed', { holderId: 'validation.walkInsNotAllowed' });
        const holder = await findHolder(w.trx, holderId);
        if (!holder) return fail('not_found', `No holder ${holderId}`);
        if (holder.mergedInto) return fail('validation', 'The holder was merged', { holderId: 'validation.holderMerged' });
        const existing = await w.find(cardRegistrationCodec, id);
        const current = existing && existing.deleted_at === null ? cardRegistrationCodec.toRecord(existing) : null;
        if (current?.status === 'attended') return fail('invalid_transition', 'Already checked in', { holderId: 'validation.alreadyAttended' });
        if (current && HOLDS_PLACE.includes(current.status)) {
          // They had a place after all: an ordinary check-in.
          const done = await w.update(cardRegistrationCodec, id, () => ok({ status: 'attended' as const, statusChangedAt: w.at, recordedBy: deps.actor() }));
          return done.ok ? ok(null) : done;
        }
        if ((await occurrenceCounts(w.trx, workshopId, settings.places)).free < 1) return fail('invalid_transition', 'No place is left', { holderId: 'validation.noPlaceLeft' });
        if (existing) {
          const done = await w.update(
            cardRegistrationCodec,
            id,
            () => ok({ status: 'attended' as const, statusChangedAt: w.at, recordedBy: deps.actor(), deletedAt: null }),
            { allowDeleted: true },
          );
          return done.ok ? ok(null) : done;
        }
        const firstTimer = !(await hasAttended(w.trx, holderId, workshopId));
        await w.insert(cardRegistrationCodec, {
          id,
          fields: {
            workshopId,
            holderId,
            channel: 'desk',
            status: 'attended',
            groups: firstTimer ? ['first_timer'] : [],
            rank: null,
            registeredAt: w.at,
            statusChangedAt: w.at,
            recordedBy: deps.actor(),
          },
        });
        return ok(null);
      });
      return result.ok ? viewOf(id) : result;
    },

    async markNoShows({ workshopId }: CommandParsedInput<'citizen-card:mark-no-shows'>) {
      const desk = await labDesk('workshopId');
      if (!desk.ok) return desk;
      const result = await write(workshopId, async (w) => {
        const workshop = await cardWorkshop(w.trx, workshopId, { evenCancelled: false });
        if (!workshop.ok) return workshop;
        for (const r of await registrationRecords(w.trx, workshopId)) {
          if (r.status !== 'drawn' && r.status !== 'confirmed') continue;
          const done = await w.update(cardRegistrationCodec, r.id, () => ok({ status: 'no_show' as const, statusChangedAt: w.at, recordedBy: deps.actor() }));
          if (!done.ok) return done;
        }
        return ok(null);
      });
      return result.ok ? ok({ items: await listRegistrationViews(db, workshopId) }) : result;
    },
  };
}

export type CitizenCardService = ReturnType<typeof createCitizenCardService>;
