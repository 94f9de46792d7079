/**
 * The day: check-in by card number, registration or QR code, walk-ins when allowed and a place
 * is free, no-shows. Assembled with the others in citizen-card.service.ts.
 */
import { normalizeCardNumber, registrationIdFromQr } from '#shared/citizen-card/card-number.js';
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok } from '#shared/result.js';
import { cardRegistrationCodec } from './citizen-card.codecs.js';
import {
  findDraw,
  findHolderByCardNumber,
  findRegistration,
  hasAttended,
  HOLDS_PLACE,
  listRegistrationViews,
  occurrenceCounts,
  registrationRecords,
} from './citizen-card.repository.js';
import { registrationId } from './ids.js';
import { createCardContext, type CardContext, type CitizenCardDeps } from './card-context.js';

export function createDoorService(deps: CitizenCardDeps, ctx: CardContext = createCardContext(deps)) {
  const { db, labDesk, labWrite, cardWorkshop, settingsOf, registrableHolder, write, viewOf, freePlaces } = ctx;
  return {

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
      const id = registrationId(workshopId, holderId);
      const result = await labWrite('holderId', workshopId, async (w) => {
        const settings = await settingsOf(w.trx, workshopId);
        if (!settings.ok) return settings;
        if (!settings.value.walkInsAllowed) return fail('invalid_transition', 'Walk-ins are not allowed', { holderId: 'validation.walkInsNotAllowed' });
        const holder = await registrableHolder(w.trx, holderId);
        if (!holder.ok) return holder;
        const existing = await w.find(cardRegistrationCodec, id);
        const current = existing && existing.deleted_at === null ? cardRegistrationCodec.toRecord(existing) : null;
        if (current?.status === 'attended') return fail('invalid_transition', 'Already checked in', { holderId: 'validation.alreadyAttended' });
        if (current && HOLDS_PLACE.includes(current.status)) {
          // They had a place after all: an ordinary check-in.
          const done = await w.update(cardRegistrationCodec, id, () => ok({ status: 'attended' as const, statusChangedAt: w.at, recordedBy: deps.actor() }));
          return done.ok ? ok(null) : done;
        }
        if ((await occurrenceCounts(w.trx, workshopId, settings.value.places)).free < 1) return fail('invalid_transition', 'No place is left', { holderId: 'validation.noPlaceLeft' });
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
      const result = await labWrite('workshopId', workshopId, async (w) => {
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
