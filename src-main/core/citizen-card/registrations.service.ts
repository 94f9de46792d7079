/**
 * Registrations: at the desk, by phone or from the portal, one per holder and occurrence, and
 * their statuses. Assembled with the others in citizen-card.service.ts.
 */
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok } from '#shared/result.js';
import { cardRegistrationCodec } from './citizen-card.codecs.js';
import { findDraw, findRegistration, hasAttended, listRegistrationViews } from './citizen-card.repository.js';
import { registrationId } from './ids.js';
import { createCardContext, type CardContext, type CitizenCardDeps } from './card-context.js';

export function createRegistrationsService(deps: CitizenCardDeps, ctx: CardContext = createCardContext(deps)) {
  const { db, labDesk, labWrite, cardWorkshop, settingsOf, registrableHolder, write, reconcile, viewOf, changeStatus } = ctx;
  return {

    async registrations({ workshopId }: CommandParsedInput<'citizen-card:registrations'>) {
      const found = await cardWorkshop(db, workshopId, { evenCancelled: true });
      if (!found.ok) return found;
      await reconcile(workshopId);
      return ok({ items: await listRegistrationViews(db, workshopId) });
    },

    async register({ workshopId, holderId, channel, groups }: CommandParsedInput<'citizen-card:register'>) {
      const id = registrationId(workshopId, holderId);
      const result = await labWrite('holderId', workshopId, async (w, workshop) => {
        if (workshop.status === 'closed') return fail('invalid_transition', 'A closed atelier takes no registrations');
        const settings = await settingsOf(w.trx, workshopId);
        if (!settings.ok) return settings;
        const holder = await registrableHolder(w.trx, holderId);
        if (!holder.ok) return holder;
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
  };
}
