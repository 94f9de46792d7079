/** The Citizen Card ateliers' handlers, spread into the core's handler table (handlers.ts). */
import { defineHandlers } from '../define-handlers.js';
import { createCitizenCardService, type CitizenCardDeps } from './citizen-card.service.js';
import { createHoldersService } from './holders.service.js';
import { createCardPapers } from './papers.js';

export function createCitizenCardHandlers(deps: CitizenCardDeps) {
  const card = createCitizenCardService(deps);
  const holders = createHoldersService(deps);
  const papers = createCardPapers(deps);
  return defineHandlers<'citizen-card'>({
    'citizen-card:types': card.types,
    'citizen-card:save-type': card.saveType,
    'citizen-card:remove-type': card.removeType,
    'citizen-card:occurrences': card.occurrences,
    'citizen-card:occurrence': card.occurrence,
    'citizen-card:save-occurrence': card.saveOccurrence,
    'citizen-card:search-holders': holders.search,
    'citizen-card:holder': holders.history,
    'citizen-card:save-holder': holders.save,
    'citizen-card:import-header': holders.importHeader,
    'citizen-card:import-holders': holders.importChunk,
    'citizen-card:duplicates': holders.duplicates,
    'citizen-card:merge-holders': holders.merge,
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
    'citizen-card:sign-in-sheet': papers.signInSheet,
    'citizen-card:certificates': papers.certificates,
    'citizen-card:confirmations': papers.confirmations,
  });
}
