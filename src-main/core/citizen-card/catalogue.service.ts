/**
 * The catalogue: atelier types, the occurrences and their settings (places, reserved places,
 * walk-ins). Assembled with the others in citizen-card.service.ts.
 */
import type { Occurrence } from '#shared/citizen-card/citizen-card.schema.js';
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok } from '#shared/result.js';
import { parisLocalToUtc } from '#shared/time/paris-time.js';
import { runWrite } from '../store/synced-write.js';
import { cardAtelierTypeCodec, cardOccurrenceCodec } from './citizen-card.codecs.js';
import {
  findAtelierType,
  findDraw,
  findOccurrence,
  findSettings,
  listAtelierTypes,
  occurrenceCounts,
  occurrenceWorkshopIds,
} from './citizen-card.repository.js';
import { occurrenceSettingsId } from './ids.js';
import { createCardContext, type CardContext, type CitizenCardDeps } from './card-context.js';

export function createCatalogueService(deps: CitizenCardDeps, ctx: CardContext = createCardContext(deps)) {
  const { db, labDesk, labWrite, occurrenceOrFail } = ctx;
  return {

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
      const result = await labWrite('fields.places', workshopId, async (w) => {
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
  };
}
