/**
 * The draw: announced (the list closed, the seed published), run (lottery.ts; only the drawn are
 * written, the waiting list follows from the record), exported, and the promotions. Assembled
 * with the others in citizen-card.service.ts.
 */
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok } from '#shared/result.js';
import { cardDrawCodec, cardRegistrationCodec } from './citizen-card.codecs.js';
import {
  findDraw,
  HOLDS_PLACE,
  promotionRecords,
  registrationRecords,
  registrationRecordsIn,
  withWaitingList,
} from './citizen-card.repository.js';
import { drawId } from './ids.js';
import { drawExport, drawSeed, runDraw } from './lottery.js';
import { promoteHead } from './promotions.js';
import { createCardContext, type CardContext, type CitizenCardDeps } from './card-context.js';

export function createDrawService(deps: CitizenCardDeps, ctx: CardContext = createCardContext(deps)) {
  const { db, labWrite, cardWorkshop, settingsOf, reconcile } = ctx;
  return {

    async announceDraw({ workshopId, drawDate }: CommandParsedInput<'citizen-card:announce-draw'>) {
      const result = await labWrite('drawDate', workshopId, async (w) => {
        const settings = await settingsOf(w.trx, workshopId);
        if (!settings.ok) return settings;
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
            seed: drawSeed(entries, drawDate, settings.value.places),
            places: settings.value.places,
            reserved: settings.value.reserved,
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
      const result = await labWrite('workshopId', workshopId, async (w) => {
        const draw = await findDraw(w.trx, workshopId);
        if (!draw) return fail('invalid_transition', 'The draw is not announced', { workshopId: 'validation.drawNotAnnounced' });
        if (draw.status === 'drawn') return fail('invalid_transition', 'The draw has run', { workshopId: 'validation.drawAlreadyRun' });
        // The announced list and seed, as published: the same result on every laptop.
        const outcome = runDraw({ entries: draw.entries, places: draw.places, reserved: draw.reserved, drawDate: draw.drawDate, seed: draw.seed });
        const drawn = outcome.drawn.map((d) => ({ key: d.key, rank: d.rank, group: (d.group as (typeof draw.entries)[number]['groups'][number] | null) }));
        // The waiting list is not written: every read recomputes it from the record (findDraw).
        // The record is patched, not decoded again: its 5,000 names were read above.
        const fields = { status: 'drawn' as const, drawn, waiting: [], drawnAt: w.at, drawnBy: deps.actor() };
        const written = await w.patch(cardDrawCodec, draw.id, fields, { expectedVersion: draw.version });
        if (!written.ok) return written;
        const ranDraw = { ...draw, ...fields, ...written.value };
        // Remembered before any promotion below reads the waiting list.
        const drawnRecord = withWaitingList(ranDraw, outcome.waiting);
        // Only the drawn are written: those left waiting are on the draw record's list, their rows
        // untouched (withDrawStatus, citizen-card.repository.ts). Two laptops write the same values.
        // The drawn are on no waiting list: their rows are read without one.
        const drawnRows = await registrationRecordsIn(w.trx, ranDraw, outcome.drawn.map((d) => d.key));
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
  };
}
