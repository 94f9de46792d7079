/**
 * The reference commands' handlers, spread into the core's handler table (handlers.ts). The
 * service is made there, once, because the proposals also use its locator and its warm-up.
 */
import { defineHandlers } from '../define-handlers.js';
import type { ReferenceService } from './reference.service.js';

export function createReferenceHandlers(reference: ReferenceService) {
  return defineHandlers<'reference'>({
    'reference:searchAddresses': reference.searchAddresses,
    'reference:locate': reference.locate,
    'reference:boundaries': reference.boundaries,
    'reference:winners': reference.winners,
    'reference:licences': reference.licences,
  });
}
