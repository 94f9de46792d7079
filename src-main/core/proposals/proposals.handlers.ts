/**
 * The handlers of the proposal, support, attachment and reference commands, spread into the
 * core's handler table (src-main/core/handlers.ts).
 */
import type { ServiceDeps } from '../deps.js';
import type { Logger } from '../logger.js';
import { findRepositoryDataDir } from '../reference/reference-data-files.js';
import { createReferenceService } from '../reference/reference.service.js';
import { createAttachmentsService } from '../attachments/attachments.service.js';
import { createProposalsService } from './proposals.service.js';
import { createSupportsService } from './supports.service.js';

export interface ProposalHandlerContext extends ServiceDeps {
  logger: Logger;
  /** Where photos go; null for an in-memory core. */
  attachmentsDir?: string | null;
  /** resources/data (or its packaged copy); found from the repository when absent. */
  referenceDataDir?: string;
  /** Also warm the address base this long after start-up; by default only when a proposal screen opens. */
  warmAddressesAfterMs?: number | null;
}

export function createProposalHandlers(ctx: ProposalHandlerContext) {
  // Found on first use, not at start-up: a missing folder must not stop the core from starting;
  // the reference commands then answer `unavailable` (or `internal`) and the rest works.
  let dataDir = ctx.referenceDataDir;
  const reference = createReferenceService({
    referenceDataDir: () => (dataDir ??= findRepositoryDataDir()),
    logger: ctx.logger,
    warmAfterMs: ctx.warmAddressesAfterMs,
  });
  const proposals = createProposalsService({ ...ctx, locator: reference.locator });
  const supports = createSupportsService(ctx);
  const attachments = createAttachmentsService({ db: ctx.db, now: ctx.now, attachmentsDir: ctx.attachmentsDir ?? null });
  return {
    // The proposals screen opens with this list: warm the address base for the form that follows.
    'proposals:list': (input: Parameters<typeof proposals.list>[0]) => (reference.warm(), proposals.list(input)),
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
    'attachments:add': attachments.add,
    'reference:searchAddresses': reference.searchAddresses,
    'reference:locate': reference.locate,
    'reference:boundaries': reference.boundaries,
    'reference:winners': reference.winners,
    'reference:licences': reference.licences,
  };
}
