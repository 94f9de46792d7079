/** The proposal and support commands' handlers, spread into the core's handler table (handlers.ts). */
import type { ParisLocator } from '#shared/geo/paris-locator.js';
import type { ServiceDeps } from '../deps.js';
import { defineHandlers } from '../define-handlers.js';
import { createProposalsService } from './proposals.service.js';
import { createSupportsService } from './supports.service.js';

export interface ProposalHandlerContext extends ServiceDeps {
  /** Paris' boundaries, to derive arrondissement and QPV from a point (the reference data's). */
  locator: () => ParisLocator;
  /** Starts loading the address base, for the form that follows a proposal list. */
  warmAddresses: () => void;
}

export function createProposalHandlers(ctx: ProposalHandlerContext) {
  const proposals = createProposalsService(ctx);
  const supports = createSupportsService(ctx);
  return defineHandlers<'proposals' | 'supports'>({
    // The proposals screen opens with this list: warm the address base for the form that follows.
    'proposals:list': (input) => (ctx.warmAddresses(), proposals.list(input)),
    'proposals:get': proposals.get,
    'proposals:create': proposals.create,
    'proposals:update': proposals.update,
    'proposals:setStatus': proposals.setStatus,
    'proposals:merge': proposals.merge,
    'proposals:remove': proposals.remove,
    'supports:addDot': supports.addDot,
    'supports:removeDot': supports.removeDot,
    'supports:grade': supports.grade,
    'supports:tally': supports.tally,
  });
}
