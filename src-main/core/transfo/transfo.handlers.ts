/** La Transfo's recruiting handlers, spread into the core's handler table (handlers.ts). */
import { defineHandlers } from '../define-handlers.js';
import { createTransfoService, type TransfoDeps } from './transfo.service.js';

export function createTransfoHandlers(deps: TransfoDeps) {
  const transfo = createTransfoService(deps);
  return defineHandlers<'transfo'>({
    'transfo:campaigns': transfo.campaigns,
    'transfo:create-campaign': transfo.createCampaign,
    'transfo:update-campaign': transfo.updateCampaign,
    'transfo:close-campaign': transfo.closeCampaign,
    'transfo:purge-campaign': transfo.purgeCampaign,
    'transfo:candidates': transfo.candidates,
    'transfo:candidate': transfo.candidate,
    'transfo:create-candidate': transfo.createCandidate,
    'transfo:update-candidate': transfo.updateCandidate,
    'transfo:move-stage': transfo.moveStage,
    'transfo:history': transfo.history,
    'transfo:balance': transfo.balance,
    'transfo:letters': transfo.letters,
  });
}
