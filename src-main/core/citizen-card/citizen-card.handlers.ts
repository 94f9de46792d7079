/** The Citizen Card ateliers' handlers, spread into the core's handler table (handlers.ts). */
import { fail } from '#shared/result.js';
import type { CommandName } from '#shared/contract.js';
import type { ServiceDeps } from '../deps.js';
import { defineHandlers } from '../define-handlers.js';

// FIRST WIRING COMMIT ONLY: every command answers `unavailable` until its service lands.
const notYet = (name: CommandName) => () => Promise.resolve(fail('unavailable', `${name} is not built yet`));

export function createCitizenCardHandlers(deps: ServiceDeps) {
  void deps;
  return defineHandlers<'citizen-card'>({
    'citizen-card:types': notYet('citizen-card:types'),
    'citizen-card:save-type': notYet('citizen-card:save-type'),
    'citizen-card:remove-type': notYet('citizen-card:remove-type'),
    'citizen-card:occurrences': notYet('citizen-card:occurrences'),
    'citizen-card:occurrence': notYet('citizen-card:occurrence'),
    'citizen-card:save-occurrence': notYet('citizen-card:save-occurrence'),
    'citizen-card:search-holders': notYet('citizen-card:search-holders'),
    'citizen-card:holder': notYet('citizen-card:holder'),
    'citizen-card:save-holder': notYet('citizen-card:save-holder'),
    'citizen-card:import-header': notYet('citizen-card:import-header'),
    'citizen-card:import-holders': notYet('citizen-card:import-holders'),
    'citizen-card:duplicates': notYet('citizen-card:duplicates'),
    'citizen-card:merge-holders': notYet('citizen-card:merge-holders'),
    'citizen-card:registrations': notYet('citizen-card:registrations'),
    'citizen-card:register': notYet('citizen-card:register'),
    'citizen-card:set-status': notYet('citizen-card:set-status'),
    'citizen-card:announce-draw': notYet('citizen-card:announce-draw'),
    'citizen-card:draw': notYet('citizen-card:draw'),
    'citizen-card:draw-export': notYet('citizen-card:draw-export'),
    'citizen-card:promotions': notYet('citizen-card:promotions'),
    'citizen-card:check-in': notYet('citizen-card:check-in'),
    'citizen-card:walk-in': notYet('citizen-card:walk-in'),
    'citizen-card:mark-no-shows': notYet('citizen-card:mark-no-shows'),
    'citizen-card:sign-in-sheet': notYet('citizen-card:sign-in-sheet'),
    'citizen-card:certificates': notYet('citizen-card:certificates'),
    'citizen-card:confirmations': notYet('citizen-card:confirmations'),
  });
}
