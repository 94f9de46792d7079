/**
 * What the Citizen Card ateliers' services share (citizen-card.service.ts assembles them): who
 * may write (lab desks only), the occurrence's workshop, the write funnel with the occurrence's
 * changed event, the promotions' reconciliation, the free places, and the status changes a
 * person may make.
 */
import type { Occurrence, RegistrationStatus, RegistrationView } from '#shared/citizen-card/citizen-card.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import { kindAllows } from '#shared/workshops/workshop-kinds.js';
import type { WorkshopRow } from '#db/schema.js';
import type { ServiceDeps } from '../deps.js';
import type { Executor } from '../store/executor.js';
import { runWrite, type UnitOfWork } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { cardRegistrationCodec, type RegistrationRecord } from './citizen-card.codecs.js';
import {
  findDraw,
  findHolder,
  findOccurrence,
  findRegistrationView,
  findSettings,
  HOLDS_PLACE,
  occurrenceCounts,
  promotionRecords,
} from './citizen-card.repository.js';
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

export function createCardContext(deps: CitizenCardDeps) {
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

  /** The occurrence's settings, or the refusal that it has none (it is not an occurrence yet). */
  async function settingsOf(trx: Executor, workshopId: string) {
    const settings = await findSettings(trx, workshopId);
    return settings ? ok(settings) : fail('validation', 'The occurrence has no settings', { workshopId: 'validation.occurrenceNotSet' });
  }

  /** A holder a registration may name: one that exists and was not merged into another. */
  async function registrableHolder(trx: Executor, holderId: string) {
    const holder = await findHolder(trx, holderId);
    if (!holder) return fail('not_found', `No holder ${holderId}`);
    return holder.mergedInto ? fail('validation', 'The holder was merged', { holderId: 'validation.holderMerged' }) : ok(holder);
  }

  function write<T>(workshopId: string, body: (w: UnitOfWork) => Promise<Result<T>>): Promise<Result<T>> {
    return runWrite(deps, body, { eventIds: { 'citizen-card:changed': workshopId } });
  }

  /**
   * A lab desk's write to the live workshop of an occurrence: the checks every command of the
   * ateliers starts with (a field laptop refused, naming `field`; a workshop that is a live
   * Citizen Card occurrence), then `body` in the transaction.
   */
  async function labWrite<T>(field: string, workshopId: string, body: (w: UnitOfWork, workshop: WorkshopRow) => Promise<Result<T>>): Promise<Result<T>> {
    const desk = await labDesk(field);
    if (!desk.ok) return desk;
    return write(workshopId, async (w) => {
      const workshop = await cardWorkshop(w.trx, workshopId);
      return workshop.ok ? body(w, workshop.value) : workshop;
    });
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

  return { db, labDesk, labWrite, cardWorkshop, settingsOf, registrableHolder, write, reconcile, occurrenceOrFail, viewOf, freePlaces, changeStatus };
}

export type CardContext = ReturnType<typeof createCardContext>;
