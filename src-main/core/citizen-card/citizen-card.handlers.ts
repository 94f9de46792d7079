/** The Citizen Card ateliers' handlers, spread into the core's handler table (handlers.ts). */
import { fail } from '#shared/result.js';
import type { CommandName } from '#shared/contract.js';
import { defineHandlers } from '../define-handlers.js';
import { createCitizenCardService, type CitizenCardDeps } from './citizen-card.service.js';

// Until the holders' and the papers' services are merged: those commands answer `unavailable`.
const notYet = (name: CommandName) => () => Promise.resolve(fail('unavailable', `${name} is not built yet`));

export function createCitizenCardHandlers(deps: CitizenCardDeps) {
  const card = createCitizenCardService(deps);
  return defineHandlers<'citizen-card'>({
    'citizen-card:types': card.types,
    'citizen-card:save-type': card.saveType,
    'citizen-card:remove-type': card.removeType,
    'citizen-card:occurrences': card.occurrences,
    'citizen-card:occurrence': card.occurrence,
    'citizen-card:save-occurrence': card.saveOccurrence,
    'citizen-card:search-holders': notYet('citizen-card:search-holders'),
    'citizen-card:holder': notYet('citizen-card:holder'),
    'citizen-card:save-holder': notYet('citizen-card:save-holder'),
    'citizen-card:import-header': notYet('citizen-card:import-header'),
    'citizen-card:import-holders': notYet('citizen-card:import-holders'),
    'citizen-card:duplicates': notYet('citizen-card:duplicates'),
    'citizen-card:merge-holders': notYet('citizen-card:merge-holders'),
    'citizen-card:registrations': card.registrations,
    'citizen-card:register': card.register,
    'citizen-card:set-status': card.setStatus,
    'citizen-card:announce-draw': card.announceDraw,
    'citizen-card:draw': card.draw,
    'citizen-card:draw-export': card.drawExport,
    'citizen-card:promotions': card.promotions,
    'citizen-card:check-in': card.checkIn,
    'citizen-card:walk-in': card.walkIn,
    'citizen-card:mark-no-shows': card.markNoShows,
    'citizen-card:sign-in-sheet': notYet('citizen-card:sign-in-sheet'),
    'citizen-card:certificates': notYet('citizen-card:certificates'),
    'citizen-card:confirmations': notYet('citizen-card:confirmations'),
  });
}
